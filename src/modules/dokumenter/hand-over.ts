/**
 * Hand-overs in the follow-up documents' workflow: who must act next is told, in the write's own
 * transaction, through the notifications module (`notifyUsers`: one inbox row and, if they want
 * e-mail, one mail job per user, exactly once by a deterministic key; never the actor themselves).
 *
 * | event                                   | who is told                                      |
 * | --------------------------------------- | ------------------------------------------------ |
 * | plan sent for approval                  | the employee (their login)                       |
 * | the employee comments / approves        | the leader's login, else HR (as reminders)       |
 * | the leader or HR comments               | the employee                                     |
 * | dialogmøte planned, changed, cancelled  | each invited participant with a login            |
 * | the employee answers who may join       | the leader, else HR                              |
 * | dialogmøte minutes written (first time) | the employee and the leader (else HR)            |
 * | samtalereferat written                  | the employee                                     |
 * | letter to the doctor saved              | the employee                                     |
 *
 * Texts name the kind of document only — no person, no health detail (the inbox may be seen over
 * a shoulder; the e-mail says even less, see `reminderMail`). The links lead to the employee's own
 * pages (`/mitt-fravaer/…`) or the case's (`/sykefravaer/<employee>/…`).
 *
 * Document events also close the routine tasks they fulfil (`TASKS_FULFILLED`, the ids of the
 * default routine in `src/domain/sykefravaer/rutine.ts`; an organisation's own routine keeps them
 * when it keeps the task).
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { formatNorwegian } from '../../domain/calendar/index.ts';
import type { Text } from '../../i18n/locale.ts';
import { osloToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/context.ts';
import { type EventRef, type NoticeTarget, notifyUsers } from '../notifications/index.ts';

/**
 * The routine tasks a document event fulfils. Sending the plan to the sykmelder is what both
 * oppfølgingsplan tasks ask for (aml § 4-6 (3): the plan is made with the employee and sent to the
 * sykmelder within four weeks); the minutes of dialogmøte 1 show the meeting was called (aml § 4-6 (4)).
 */
export const TASKS_FULFILLED = {
  planSentToSykmelder: ['oppfolgingsplan', 'plan-til-sykmelder'],
  dialogmote1Held: ['innkall-dialogmote1'],
} as const;

const mine = {
  plan: '/mitt-fravaer/oppfolgingsplan',
  meetings: '/mitt-fravaer/dialogmoter',
  letters: '/mitt-fravaer/legebrev',
};
const caseLink = (employeeId: string, page: 'oppfolgingsplan' | 'dialogmoter') =>
  `/sykefravaer/${employeeId}/${page}`;

type Notice = {
  trx: Transaction<Database>;
  actor: Pick<Actor, 'userId'>;
  ref: EventRef;
};

function tell(n: Notice, to: NoticeTarget[], text: { title: Text; body: Text }, link: string | null) {
  return notifyUsers(n.trx, { ref: n.ref, to, exceptUserId: n.actor.userId, ...text, link });
}

// ---------------------------------------------------------------- oppfølgingsplan

type PlanRef = {
  organisationId: string;
  employeeId: string;
  caseStart: string;
  planId: string;
  leaderId: string | null;
};

const planRef = (p: PlanRef, event: string, occurrence: string | number): EventRef => ({
  organisationId: p.organisationId,
  employeeId: p.employeeId,
  caseStart: p.caseStart,
  document: 'oppfolgingsplan',
  documentId: p.planId,
  event,
  occurrence,
});

/** The plan (content version `contentVersion`) waits for the employee's approval. */
export function notifyPlanSubmitted(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId'>,
  p: PlanRef & { contentVersion: number },
) {
  return tell(
    { trx, actor, ref: planRef(p, 'til-godkjenning', p.contentVersion) },
    [{ kind: 'employee', employeeId: p.employeeId }],
    {
      title: { nb: 'Du har en oppfølgingsplan å lese', en: 'You have a follow-up plan to read' },
      body: {
        nb: 'Oppfølgingsplanen er sendt til deg for godkjenning. Les den, kommenter det du vil ha endret, og godkjenn den når den stemmer.',
        en: 'The follow-up plan has been sent to you for approval. Read it, comment on what you want changed, and approve it when it is right.',
      },
    },
    mine.plan,
  );
}

/** The employee approved the version they read: the leader sends it on. */
export function notifyPlanApproved(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId'>,
  p: PlanRef & { contentVersion: number },
) {
  return tell(
    { trx, actor, ref: planRef(p, 'godkjent', p.contentVersion) },
    [{ kind: 'leader-of', leaderEmployeeId: p.leaderId }],
    {
      title: { nb: 'Oppfølgingsplanen er godkjent', en: 'The follow-up plan has been approved' },
      body: {
        nb: 'Arbeidstakeren har godkjent oppfølgingsplanen. Send den til sykmelder.',
        en: 'The employee has approved the follow-up plan. Send it to the doctor.',
      },
    },
    caseLink(p.employeeId, 'oppfolgingsplan'),
  );
}

/** A comment: the employee's goes to the leader (else HR), the leader's or HR's to the employee. */
export function notifyPlanComment(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId'>,
  p: PlanRef & { commentId: string; byEmployee: boolean },
) {
  const title = { nb: 'Ny kommentar til oppfølgingsplanen', en: 'New comment on the follow-up plan' };
  const n = { trx, actor, ref: planRef(p, 'kommentar', p.commentId) };
  return p.byEmployee
    ? tell(
        n,
        [{ kind: 'leader-of', leaderEmployeeId: p.leaderId }],
        {
          title,
          body: {
            nb: 'Arbeidstakeren har kommentert oppfølgingsplanen. Les kommentaren, og endre planen om det trengs.',
            en: 'The employee has commented on the follow-up plan. Read the comment, and change the plan if needed.',
          },
        },
        caseLink(p.employeeId, 'oppfolgingsplan'),
      )
    : tell(
        n,
        [{ kind: 'employee', employeeId: p.employeeId }],
        {
          title,
          body: {
            nb: 'Det er kommet en ny kommentar til oppfølgingsplanen din.',
            en: 'There is a new comment on your follow-up plan.',
          },
        },
        mine.plan,
      );
}

// ---------------------------------------------------------------- dialogmøte

export type InvitedParticipant = { role: string; email: string | null };

type MeetingRef = {
  organisationId: string;
  employeeId: string;
  caseStart: string;
  meetingId: string;
  leaderId: string | null;
};

const meetingRef = (m: MeetingRef, event: string, occurrence?: number): EventRef => ({
  organisationId: m.organisationId,
  employeeId: m.employeeId,
  caseStart: m.caseStart,
  document: 'dialogmote',
  documentId: m.meetingId,
  event,
  occurrence,
});

/**
 * Each invited participant with a login: the employee (role `ansatt`, their own login), the leader
 * (role `leder`: the leader's login) and anyone whose participant e-mail is a member's login e-mail.
 * Leader and HR get the case's meeting page, the employee their own, others no link (they cannot
 * open the case; the calendar invitation reaches them).
 */
async function tellParticipants(
  n: Notice,
  m: MeetingRef,
  participants: readonly InvitedParticipant[],
  text: { title: Text; body: Text },
) {
  const emailsOf = (roles: string[]) =>
    participants.filter((p) => roles.includes(p.role) && p.email).map((p) => p.email ?? '');
  const groups: { to: NoticeTarget[]; link: string | null }[] = [];
  if (participants.some((p) => p.role === 'ansatt'))
    groups.push({ to: [{ kind: 'employee', employeeId: m.employeeId }], link: mine.meetings });
  const caseWorkers: NoticeTarget[] = [{ kind: 'emails', emails: emailsOf(['leder', 'hr']) }];
  if (m.leaderId && participants.some((p) => p.role === 'leder'))
    caseWorkers.push({ kind: 'employee', employeeId: m.leaderId });
  groups.push({ to: caseWorkers, link: caseLink(m.employeeId, 'dialogmoter') });
  groups.push({
    to: [{ kind: 'emails', emails: emailsOf(['tillitsvalgt', 'verneombud', 'bht', 'sykmelder']) }],
    link: null,
  });
  // One key per user for the event: someone in two groups is told once (the first group's link).
  const notified: string[] = [];
  for (const g of groups) notified.push(...(await tell(n, g.to, text, g.link)).notified);
  return notified;
}

const when = (localStart: string) => ({
  date: formatNorwegian(localStart.slice(0, 10)),
  time: localStart.slice(11, 16),
});

/** A meeting planned (`version` 1), changed (its new version) or cancelled. */
export function notifyMeeting(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId'>,
  m: MeetingRef & { event: 'innkalling' | 'endret' | 'avlyst'; version: number; localStart: string },
  participants: readonly InvitedParticipant[],
) {
  const { date, time } = when(m.localStart);
  const text =
    m.event === 'innkalling'
      ? {
          title: { nb: 'Innkalling til dialogmøte', en: 'Invitation to a dialogue meeting' },
          body: {
            nb: `Du er kalt inn til dialogmøte ${date} kl. ${time}. Se sted og hvem som deltar i Nærvær.`,
            en: `You are invited to a dialogue meeting on ${date} at ${time}. See the place and who takes part in Nærvær.`,
          },
        }
      : m.event === 'endret'
        ? {
            title: { nb: 'Dialogmøtet er endret', en: 'The dialogue meeting has changed' },
            body: {
              nb: `Dialogmøtet er endret: det er ${date} kl. ${time}. Se sted og hvem som deltar i Nærvær.`,
              en: `The dialogue meeting has changed: it is on ${date} at ${time}. See the place and who takes part in Nærvær.`,
            },
          }
        : {
            title: { nb: 'Dialogmøtet er avlyst', en: 'The dialogue meeting is cancelled' },
            body: {
              nb: `Dialogmøtet ${date} kl. ${time} er avlyst.`,
              en: `The dialogue meeting on ${date} at ${time} is cancelled.`,
            },
          };
  return tellParticipants(
    { trx, actor, ref: meetingRef(m, m.event, m.event === 'avlyst' ? undefined : m.version) },
    m,
    participants,
    text,
  );
}

/** The employee answered whether an optional participant may join: the leader sends the invitation. */
export function notifyConsentAnswered(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId'>,
  m: MeetingRef & { version: number },
) {
  return tell(
    { trx, actor, ref: meetingRef(m, 'samtykke', m.version) },
    [{ kind: 'leader-of', leaderEmployeeId: m.leaderId }],
    {
      title: {
        nb: 'Svar om hvem som deltar i dialogmøtet',
        en: 'Answer about who takes part in the dialogue meeting',
      },
      body: {
        nb: 'Arbeidstakeren har svart på hvem som kan delta i dialogmøtet. Send innkalling til dem som skal være med.',
        en: 'The employee has answered who may take part in the dialogue meeting. Send the invitation to those who will join.',
      },
    },
    caseLink(m.employeeId, 'dialogmoter'),
  );
}

/** The minutes of a dialogmøte were written (the first time): the employee and the leader read them. */
export async function notifyMinutes(trx: Transaction<Database>, actor: Pick<Actor, 'userId'>, m: MeetingRef) {
  const n = { trx, actor, ref: meetingRef(m, 'referat') };
  const text = {
    title: { nb: 'Referat fra dialogmøtet', en: 'Minutes of the dialogue meeting' },
    body: {
      nb: 'Referatet fra dialogmøtet er skrevet. Les det, og se hva dere avtalte og hvem som gjør hva.',
      en: 'The minutes of the dialogue meeting have been written. Read them, and see what was agreed and who does what.',
    },
  };
  const employee = await tell(n, [{ kind: 'employee', employeeId: m.employeeId }], text, mine.meetings);
  const leader = await tell(
    n,
    [{ kind: 'leader-of', leaderEmployeeId: m.leaderId }],
    text,
    caseLink(m.employeeId, 'dialogmoter'),
  );
  return [...employee.notified, ...leader.notified];
}

// ---------------------------------------------------------------- samtalereferat, legebrev

/** Minutes of a follow-up conversation were written: the employee reads them. */
export function notifySamtalereferat(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId'>,
  s: { organisationId: string; employeeId: string; caseStart: string; id: string },
) {
  return tell(
    {
      trx,
      actor,
      ref: {
        organisationId: s.organisationId,
        employeeId: s.employeeId,
        caseStart: s.caseStart,
        document: 'samtalereferat',
        documentId: s.id,
        event: 'referat',
      },
    },
    [{ kind: 'employee', employeeId: s.employeeId }],
    {
      title: { nb: 'Nytt samtalereferat', en: 'New conversation minutes' },
      body: {
        nb: 'Det er skrevet et referat fra en samtale med deg i sykefraværsoppfølgingen. Les det i Nærvær.',
        en: 'Minutes have been written of a conversation with you in the sick-leave follow-up. Read them in Nærvær.',
      },
    },
    mine.meetings,
  );
}

/**
 * A letter to the doctor was saved: the employee reads it (and usually brings it to the doctor). A
 * letter has no case start; its key carries the day it was written, the day the retention of
 * letters goes by (`erase.ts`).
 */
export function notifyLetterReady(
  trx: Transaction<Database>,
  actor: Pick<Actor, 'userId'>,
  l: { organisationId: string; employeeId: string; id: string; createdAt: Date },
) {
  return tell(
    {
      trx,
      actor,
      ref: {
        organisationId: l.organisationId,
        employeeId: l.employeeId,
        caseStart: osloToday(l.createdAt),
        document: 'legebrev',
        documentId: l.id,
        event: 'klar',
      },
    },
    [{ kind: 'employee', employeeId: l.employeeId }],
    {
      title: { nb: 'Brevet til legen er klart', en: 'The letter to the doctor is ready' },
      body: {
        nb: 'Et brev til legen om arbeidsoppgavene dine og tilretteleggingen arbeidsplassen kan tilby, er klart. Les det i Nærvær.',
        en: 'A letter to the doctor about your work and the adjustments the workplace can offer is ready. Read it in Nærvær.',
      },
    },
    mine.letters,
  );
}
