/**
 * The IK-f § 5 dashboard: the eight points of internkontroll, each green, yellow or red with the
 * evidence that makes it so and what is missing. Points 4–8 must be in writing (IK-f § 5 last
 * paragraph): they are green only with a current written record; "current" is 13 months for the
 * yearly reviews (a year plus a month's slack, the product's decision where IK-f gives no interval).
 * Points 1–3 are shown in practice (regelverk, training, participation). The top leader's own HMS
 * training (aml § 3-5) is a precondition for point 2 being green. Pure: `today` is in the evidence.
 */
import { addMonths, formatNorwegian, type IsoDate } from '../calendar/index.ts';
import type { Duties } from './types.ts';

type Text = { nb: string; en: string };

export type IkEvidence = {
  today: IsoDate;
  profileSaved: boolean;
  duties: Duties;
  /** Laws and regulations in the overview (`regelverk`). */
  regelverk: number;
  training: {
    /** Date of the top leader's aml § 3-5 training, or null. */
    topLeaderHmsTraining: IsoDate | null;
    /** Verneombud and AMU members holding the role now, and how many of them lack the 40 hours. */
    voAmuMembers: number;
    voAmuWithout40h: number;
  };
  participation: { lastRecorded: IsoDate | null };
  goals: { thisYear: number };
  roles: {
    verneomrader: number;
    verneomraderWithVo: number;
    hovedverneombud: boolean;
    amuMembers: number;
    bhtContact: boolean;
    /** Roles whose term ended without a successor. */
    expiredTerms: number;
  };
  risk: { lastReviewed: IsoDate | null };
  routines: { current: number; avvik: boolean; overdueReview: number };
  annualReview: { lastDone: IsoDate | null };
};

export type IkPointStatus = 'green' | 'yellow' | 'red' | 'not-applicable';

export type IkPoint = {
  point: number;
  written: boolean;
  status: IkPointStatus;
  title: Text;
  evidence: Text[];
  missing: Text[];
  legalBasis: string;
  /** Where to fix it in the app. */
  link: string;
};

const t = (nb: string, en: string): Text => ({ nb, en });
/** Dates in the texts as dd.mm.åååå (in both languages). */
const fmt = (date: IsoDate | null): string => (date === null ? '' : formatNorwegian(date));

/** Within the last 13 months. */
function current(date: IsoDate | null, today: IsoDate): boolean {
  return date !== null && date <= today && date > addMonths(today, -13);
}

function point(
  n: number,
  title: Text,
  link: string,
  evidence: Text[],
  missing: Text[],
  status: IkPointStatus,
): IkPoint {
  return {
    point: n,
    written: n >= 4,
    status,
    title,
    evidence,
    missing,
    legalBasis: `IK-f § 5 andre ledd nr. ${n}`,
    link,
  };
}

export function ikDashboard(e: IkEvidence): IkPoint[] {
  const d = e.duties;
  const titles: Text[] = [
    t('Oversikt over regelverket', 'Overview of the rules'),
    t('Kunnskap og ferdigheter', 'Knowledge and skills'),
    t('Medvirkning', 'Employee participation'),
    t('HMS-mål', 'HSE goals'),
    t('Organisering, ansvar og roller', 'Organisation, responsibilities and roles'),
    t('Kartlegging og risikovurdering', 'Hazard mapping and risk assessment'),
    t('Rutiner for å avdekke og rette avvik', 'Routines to uncover and correct non-conformities'),
    t('Årlig gjennomgang av internkontrollen', 'Annual review of internal control'),
  ];
  if (d.internkontroll === 'not-applicable') {
    return titles.map((title, i) =>
      point(
        i + 1,
        title,
        '/internkontroll',
        [],
        [t('Dere har ingen arbeidstakere.', 'You have no employees.')],
        'not-applicable',
      ),
    );
  }
  const year = e.today.slice(0, 4);
  const voNeeded = d.verneombud === 'required' || d.verneombud === 'required-unless-agreement';
  const amuNeeded = d.amu === 'required';
  const bhtNeeded = d.bht === 'required-by-nace' || d.bht === 'ordered' || d.bht === 'required-by-risk';

  // 1 — regelverk (not written; shown in practice by the overview).
  const p1 = e.profileSaved
    ? point(
        1,
        titles[0] as Text,
        '/internkontroll',
        [
          t(
            `${e.regelverk} lover og forskrifter er listet ut fra virksomhetsprofilen.`,
            `${e.regelverk} laws and regulations listed from the company profile.`,
          ),
        ],
        [],
        'green',
      )
    : point(
        1,
        titles[0] as Text,
        '/internkontroll/profil',
        [
          t(
            `${e.regelverk} lover og forskrifter er listet ut fra ansattregisteret.`,
            `${e.regelverk} laws and regulations listed from the employee register.`,
          ),
        ],
        [
          t(
            'Fyll ut virksomhetsprofilen, så blir oversikten riktig for dere.',
            'Fill in the company profile so the overview fits you.',
          ),
        ],
        'yellow',
      );

  // 2 — training; aml § 3-5 is personal to the top leader and a precondition for green.
  const ev2: Text[] = [];
  const miss2: Text[] = [];
  if (e.training.topLeaderHmsTraining)
    ev2.push(
      t(
        `Øverste leder tok HMS-opplæring ${fmt(e.training.topLeaderHmsTraining)} (aml § 3-5).`,
        `The top leader took HSE training on ${fmt(e.training.topLeaderHmsTraining)} (aml § 3-5).`,
      ),
    );
  else
    miss2.push(
      t(
        'Øverste leders HMS-opplæring er ikke registrert (aml § 3-5).',
        "The top leader's HSE training is not recorded (aml § 3-5).",
      ),
    );
  if (e.training.voAmuMembers > 0) {
    const ok = e.training.voAmuMembers - e.training.voAmuWithout40h;
    ev2.push(
      t(
        `${ok} av ${e.training.voAmuMembers} verneombud og AMU-medlemmer har 40 timers opplæring.`,
        `${ok} of ${e.training.voAmuMembers} safety representatives and AMU members have the 40-hour training.`,
      ),
    );
    if (e.training.voAmuWithout40h > 0)
      miss2.push(
        t(
          `${e.training.voAmuWithout40h} mangler 40 timers opplæring (FOLM § 3-19).`,
          `${e.training.voAmuWithout40h} lack the 40-hour training (FOLM § 3-19).`,
        ),
      );
  }
  const p2 = point(
    2,
    titles[1] as Text,
    '/internkontroll/opplaering',
    ev2,
    miss2,
    !e.training.topLeaderHmsTraining ? 'red' : miss2.length > 0 ? 'yellow' : 'green',
  );

  // 3 — participation: VO/AMU took part (recorded) within 13 months.
  const p3 = current(e.participation.lastRecorded, e.today)
    ? point(
        3,
        titles[2] as Text,
        '/internkontroll/arshjul',
        [
          t(
            `Verneombud eller AMU deltok sist ${fmt(e.participation.lastRecorded)}.`,
            `The safety representative or AMU last took part on ${fmt(e.participation.lastRecorded)}.`,
          ),
        ],
        [],
        'green',
      )
    : point(
        3,
        titles[2] as Text,
        '/internkontroll/arshjul',
        [],
        [
          t(
            'Ingen registrert medvirkning fra verneombud eller AMU siste 13 måneder (marker f.eks. en vernerunde eller et AMU-møte som gjort).',
            'No recorded participation by the safety representative or AMU in the last 13 months (e.g. mark a safety inspection or an AMU meeting done).',
          ),
        ],
        'yellow',
      );

  // 4 — written goals for this year.
  const p4 =
    e.goals.thisYear > 0
      ? point(
          4,
          titles[3] as Text,
          '/internkontroll/mal',
          [t(`${e.goals.thisYear} HMS-mål for ${year}.`, `${e.goals.thisYear} HSE goals for ${year}.`)],
          [],
          'green',
        )
      : point(
          4,
          titles[3] as Text,
          '/internkontroll/mal',
          [],
          [t(`Ingen skriftlige HMS-mål for ${year}.`, `No written HSE goals for ${year}.`)],
          'red',
        );

  // 5 — organisation and roles, written with names and terms.
  const ev5: Text[] = [];
  const miss5: Text[] = [];
  if (voNeeded) {
    if (e.roles.verneomrader === 0)
      miss5.push(t('Ingen verneområder er satt opp.', 'No safety areas are set up.'));
    else if (e.roles.verneomraderWithVo < e.roles.verneomrader)
      miss5.push(
        t(
          `${e.roles.verneomrader - e.roles.verneomraderWithVo} av ${e.roles.verneomrader} verneområder mangler verneombud (aml § 6-1).`,
          `${e.roles.verneomrader - e.roles.verneomraderWithVo} of ${e.roles.verneomrader} safety areas lack a safety representative (aml § 6-1).`,
        ),
      );
    else
      ev5.push(
        t(
          `Verneombud i alle ${e.roles.verneomrader} verneområder.`,
          `Safety representative in all ${e.roles.verneomrader} safety areas.`,
        ),
      );
  }
  if (d.hovedverneombud === 'required') {
    if (e.roles.hovedverneombud)
      ev5.push(t('Hovedverneombud er valgt.', 'A senior safety representative is elected.'));
    else
      miss5.push(
        t('Hovedverneombud mangler (aml § 6-1).', 'Senior safety representative missing (aml § 6-1).'),
      );
  }
  if (amuNeeded) {
    if (e.roles.amuMembers >= 2)
      ev5.push(t(`AMU har ${e.roles.amuMembers} medlemmer.`, `AMU has ${e.roles.amuMembers} members.`));
    else
      miss5.push(
        t(
          'Arbeidsmiljøutvalget er ikke satt sammen (aml § 7-1).',
          'The working environment committee is not set up (aml § 7-1).',
        ),
      );
  }
  if (bhtNeeded) {
    if (e.roles.bhtContact)
      ev5.push(
        t(
          'Bedriftshelsetjeneste med kontaktperson er registrert.',
          'Occupational health service with a contact is recorded.',
        ),
      );
    else
      miss5.push(
        t(
          'Bedriftshelsetjeneste er ikke registrert (aml § 3-3).',
          'No occupational health service recorded (aml § 3-3).',
        ),
      );
  }
  if (e.roles.expiredTerms > 0)
    miss5.push(
      t(
        `${e.roles.expiredTerms} verv har utløpt funksjonstid.`,
        `${e.roles.expiredTerms} roles have an expired term.`,
      ),
    );
  const roleGap = miss5.length;
  const p5 = point(
    5,
    titles[4] as Text,
    '/internkontroll/roller',
    ev5,
    miss5,
    roleGap === 0 ? 'green' : voNeeded && e.roles.verneomraderWithVo === 0 ? 'red' : 'yellow',
  );

  // 6 — risk assessment reviewed within 13 months.
  const p6 = current(e.risk.lastReviewed, e.today)
    ? point(
        6,
        titles[5] as Text,
        '/risiko',
        [
          t(
            `Risikovurderingen ble sist gjennomgått ${fmt(e.risk.lastReviewed)}.`,
            `The risk assessment was last reviewed on ${fmt(e.risk.lastReviewed)}.`,
          ),
        ],
        [],
        'green',
      )
    : point(
        6,
        titles[5] as Text,
        '/risiko',
        [],
        [
          e.risk.lastReviewed
            ? t(
                `Risikovurderingen er eldre enn 13 måneder (${fmt(e.risk.lastReviewed)}).`,
                `The risk assessment is older than 13 months (${fmt(e.risk.lastReviewed)}).`,
              )
            : t('Ingen skriftlig risikovurdering er registrert.', 'No written risk assessment is recorded.'),
        ],
        e.risk.lastReviewed ? 'yellow' : 'red',
      );

  // 7 — written routines, including one for avvik.
  const ev7: Text[] = [];
  const miss7: Text[] = [];
  if (e.routines.current > 0)
    ev7.push(
      t(
        `${e.routines.current} gjeldende skriftlige rutiner.`,
        `${e.routines.current} current written routines.`,
      ),
    );
  if (!e.routines.avvik)
    miss7.push(
      t(
        'Rutine for avvikshåndtering mangler (aml § 3-1 (2) e).',
        'Routine for handling non-conformities is missing (aml § 3-1 (2) e).',
      ),
    );
  if (e.routines.overdueReview > 0)
    miss7.push(
      t(
        `${e.routines.overdueReview} rutiner har passert gjennomgangsdatoen.`,
        `${e.routines.overdueReview} routines are past their review date.`,
      ),
    );
  const p7 = point(
    7,
    titles[6] as Text,
    '/internkontroll/rutiner',
    ev7,
    miss7,
    miss7.length === 0 ? 'green' : e.routines.current === 0 ? 'red' : 'yellow',
  );

  // 8 — the annual review, done within 13 months.
  const p8 = current(e.annualReview.lastDone, e.today)
    ? point(
        8,
        titles[7] as Text,
        '/internkontroll/gjennomgang',
        [
          t(
            `Årlig gjennomgang ble gjort ${fmt(e.annualReview.lastDone)}.`,
            `The annual review was done on ${fmt(e.annualReview.lastDone)}.`,
          ),
        ],
        [],
        'green',
      )
    : point(
        8,
        titles[7] as Text,
        '/internkontroll/gjennomgang',
        [],
        [t('Ingen årlig gjennomgang de siste 13 månedene.', 'No annual review in the last 13 months.')],
        'red',
      );

  return [p1, p2, p3, p4, p5, p6, p7, p8];
}
