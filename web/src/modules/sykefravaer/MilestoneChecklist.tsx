/**
 * The follow-up points of the case, in the order of the law's timeline: the engine's sentence with
 * concrete dates, the due date and days left, the state, who did it (or decided it was "åpenbart
 * unødvendig", and why), and the actions: mark as done, obviously unnecessary (with a reason), undo.
 * On «Dialogmøte 2»: the date NAV set for the meeting (ftrl § 8-7a), which puts the deadline of
 * «Oppdatert plan til NAV» one week before it (aml § 4-6 (3)).
 */
import { ArrowUndoIcon, CalendarIcon, CheckmarkIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Modal,
  ReadMore,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { fieldId } from '../../ui/form.ts';
import { dateTime, formatDate } from '../../ui/format.ts';
import { EvidenceLink } from '../dokumenter/index.ts';
import type { useCaseWrites } from './api.ts';
import { StateTag, useWriteFeedback } from './parts.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { EXEMPTABLE, type MilestoneView } from './types.ts';

type Writes = ReturnType<typeof useCaseWrites>;
type Dialog = { kind: 'done' | 'exempt' | 'undo' | 'meeting'; milestone: MilestoneView } | null;

const ACTIONABLE = new Set(['overdue', 'due-soon', 'upcoming']);

type Props = {
  milestones: MilestoneView[];
  caseStart: string;
  /** The date NAV set for dialogmøte 2, when one is recorded for this case. */
  meetingDate: string | null;
  version: number;
  writes: Writes;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
};

function DueLine({ m }: { m: MilestoneView }) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  if (m.due === null) return null;
  const days =
    m.daysLeft !== null && ACTIONABLE.has(m.state) ? (
      <span className={m.daysLeft < 0 ? 'sf-overdue-text' : undefined}> · {ts.daysLeft(m.daysLeft)}</span>
    ) : null;
  return (
    <BodyShort>
      {m.from ? (
        ts.window(formatDate(m.from), formatDate(m.due))
      ) : (
        <>
          {ts.due}: <strong>{formatDate(m.due)}</strong>
        </>
      )}
      {days}
    </BodyShort>
  );
}

function Record({ m }: { m: MilestoneView }) {
  const { t, locale } = useI18n();
  const ts = t.sykefravaer;
  if (m.done) {
    return (
      <VStack gap="space-4">
        <BodyShort weight="semibold">{ts.doneBy(dateTime(m.done.at, locale), m.done.by.name)}</BodyShort>
        {m.done.note ? (
          <BodyShort>
            {ts.note}: {m.done.note}
          </BodyShort>
        ) : null}
        <EvidenceLink evidenceRef={m.done.evidenceRef} />
      </VStack>
    );
  }
  if (m.exception) {
    return (
      <VStack gap="space-4">
        <BodyShort weight="semibold">
          {ts.exemptedBy(dateTime(m.exception.at, locale), m.exception.by.name)}
        </BodyShort>
        <BodyShort>
          {ts.reason}: {m.exception.reason}
        </BodyShort>
      </VStack>
    );
  }
  return null;
}

/**
 * The date NAV set for dialogmøte 2 (ftrl § 8-7a): NAV calls the meeting, the employer writes the
 * date here, and the updated plan is then due one week before it (aml § 4-6 (3)). «Fjern datoen»
 * goes back to the latest date the law allows.
 */
function MeetingDialog({
  caseStart,
  meetingDate,
  version,
  writes,
  onClose,
  onReload,
  onSaved,
}: {
  caseStart: string;
  meetingDate: string | null;
  version: number;
  writes: Writes;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const [date, setDate] = useState(meetingDate ?? '');
  const [error, setError] = useState<string | undefined>();
  const { feedback, clear } = useWriteFeedback(writes.setDialogmote2, onReload);
  const save = (value: string | null) => {
    clear();
    writes.setDialogmote2.mutate(
      { caseStart, date: value, version },
      {
        onSuccess: () => {
          onSaved(value === null ? ts.meetingRemoved : ts.meetingSaved(formatDate(value)));
          onClose();
        },
      },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const invalid =
      date === ''
        ? ts.meetingRequired
        : date === INVALID_DATE
          ? t.validation.dateInvalid
          : date < caseStart
            ? ts.meetingBeforeStart
            : undefined;
    if (invalid) {
      setError(invalid);
      document.getElementById(fieldId('meetingDate'))?.focus();
      return;
    }
    save(date);
  };
  return (
    <Modal open onClose={onClose} header={{ heading: ts.meetingHeading }} width="medium">
      <Modal.Body>
        <form id="sf-meeting-form" onSubmit={submit} noValidate>
          <VStack gap="space-16">
            {feedback}
            <BodyLong>{ts.meetingBody}</BodyLong>
            <DateField
              id={fieldId('meetingDate')}
              label={ts.meetingField}
              value={date}
              onChange={(v) => {
                setDate(v);
                setError(undefined);
              }}
              error={error}
              required
            />
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form="sf-meeting-form" loading={writes.setDialogmote2.isPending}>
          {ts.meetingConfirm}
        </Button>
        {meetingDate ? (
          <Button type="button" variant="secondary" onClick={() => save(null)}>
            {ts.meetingRemove}
          </Button>
        ) : null}
        <Button type="button" variant="tertiary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

function MilestoneDialog({
  dialog,
  caseStart,
  meetingDate,
  version,
  writes,
  onClose,
  onReload,
  onSaved,
}: {
  dialog: NonNullable<Dialog>;
  caseStart: string;
  meetingDate: string | null;
  version: number;
  writes: Writes;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const m = dialog.milestone;
  const name = ts.milestones[m.key];
  const closeAfter = (message: string) => ({
    onSuccess: () => {
      onSaved(message);
      onClose();
    },
  });
  const common = { formId: `sf-milestone-${dialog.kind}`, onReload, onClose };

  if (dialog.kind === 'meeting') {
    return (
      <MeetingDialog
        caseStart={caseStart}
        meetingDate={meetingDate}
        version={version}
        writes={writes}
        onClose={onClose}
        onReload={onReload}
        onSaved={onSaved}
      />
    );
  }
  if (dialog.kind === 'done') {
    return (
      <ReasonDialog
        {...common}
        heading={ts.doneHeading(name)}
        field={{
          id: fieldId('note'),
          label: `${ts.doneNote} ${t.common.optional}`,
          description: `${ts.doneNoteDescription} ${ts.privacyHint}`,
          minRows: 3,
        }}
        confirm={ts.doneConfirm}
        write={writes.markDone}
        onSubmit={(note) =>
          writes.markDone.mutate(
            { key: m.key, caseStart, note: note || null, version },
            closeAfter(ts.doneSaved(name)),
          )
        }
      />
    );
  }
  if (dialog.kind === 'exempt') {
    return (
      <ReasonDialog
        {...common}
        heading={ts.exemptHeading(name)}
        body={ts.exemptBody}
        field={{
          id: fieldId('reason'),
          label: ts.exemptReason,
          description: ts.privacyHint,
          minRows: 3,
          requiredMessage: ts.exemptReasonRequired,
        }}
        confirm={ts.exemptConfirm}
        write={writes.exempt}
        onSubmit={(reason) =>
          writes.exempt.mutate({ key: m.key, caseStart, reason, version }, closeAfter(ts.exemptSaved(name)))
        }
      />
    );
  }
  return (
    <ReasonDialog
      {...common}
      heading={ts.undoHeading(name)}
      body={ts.undoBody}
      confirm={ts.undoConfirm}
      danger
      write={writes.undo}
      onSubmit={() =>
        writes.undo.mutate(
          { key: m.key, recordId: m.done?.id ?? m.exception?.id ?? '', version },
          closeAfter(ts.undone(name)),
        )
      }
    />
  );
}

export function MilestoneChecklist({
  milestones,
  caseStart,
  meetingDate,
  version,
  writes,
  canEdit,
  onReload,
  onSaved,
}: Props) {
  const { t, locale } = useI18n();
  const ts = t.sykefravaer;
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = (kind: NonNullable<Dialog>['kind'], milestone: MilestoneView) => {
    writes.markDone.reset();
    writes.exempt.reset();
    writes.undo.reset();
    writes.setDialogmote2.reset();
    setDialog({ kind, milestone });
  };

  const item = (m: MilestoneView) => {
    const n = milestones.indexOf(m) + 1;
    const name = ts.milestones[m.key];
    const actionable = ACTIONABLE.has(m.state);
    const explanation = locale === 'en' ? m.explanation.en : m.explanation.nb;
    // NAV's date for dialogmøte 2: to record while the meeting is ahead in this case, or to change.
    const meeting = m.key === 'dialogmote2' && (meetingDate !== null || actionable);
    return (
      <li key={m.key} className="sf-milestone" data-state={m.state} data-key={m.key}>
        <VStack gap="space-8">
          <div className="sf-milestone-head">
            <span className="sf-milestone-num" aria-hidden="true">
              {n}
            </span>
            <Heading level="3" size="small">
              {name}
            </Heading>
            <StateTag state={m.state} />
          </div>
          <DueLine m={m} />
          {explanation ? <BodyLong>{explanation}</BodyLong> : null}
          <Record m={m} />
          {m.key === 'dialogmote2' && meetingDate ? (
            <BodyShort weight="semibold">{ts.meetingRecorded(formatDate(meetingDate))}</BodyShort>
          ) : null}
          <Detail>
            {ts.legalBasis}: {m.legalBasis}
          </Detail>
          {canEdit && (actionable || m.done || m.exception || meeting) ? (
            <HStack gap="space-8" wrap>
              {actionable ? (
                <Button
                  type="button"
                  size="small"
                  variant="primary"
                  icon={<CheckmarkIcon aria-hidden />}
                  onClick={() => open('done', m)}
                  aria-label={ts.markDoneLabel(name)}
                >
                  {ts.markDone}
                </Button>
              ) : null}
              {actionable && EXEMPTABLE.includes(m.key) ? (
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  onClick={() => open('exempt', m)}
                  aria-label={ts.exemptLabel(name)}
                >
                  {ts.exempt}
                </Button>
              ) : null}
              {meeting ? (
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  icon={<CalendarIcon aria-hidden />}
                  onClick={() => open('meeting', m)}
                >
                  {meetingDate ? ts.meetingEdit : ts.meetingAdd}
                </Button>
              ) : null}
              {m.done || m.exception ? (
                <Button
                  type="button"
                  size="small"
                  variant="tertiary"
                  icon={<ArrowUndoIcon aria-hidden />}
                  onClick={() => open('undo', m)}
                  aria-label={ts.undoLabel(name)}
                >
                  {ts.undo}
                </Button>
              ) : null}
            </HStack>
          ) : null}
        </VStack>
      </li>
    );
  };
  // What the leader acts on (or has acted on) first; the rest — NAV's steps, dates to know about,
  // points not required now — folded away below, so the page stays calm.
  const main = milestones.filter((m) => ACTIONABLE.has(m.state) || m.done !== null || m.exception !== null);
  const other = milestones.filter((m) => !main.includes(m));

  return (
    <VStack as="section" gap="space-16" aria-labelledby="sf-checklist-heading">
      <div>
        <Heading level="2" size="medium" id="sf-checklist-heading" spacing>
          {ts.checklistHeading}
        </Heading>
        <BodyShort>{ts.checklistIntro}</BodyShort>
      </div>
      {main.length > 0 ? (
        <ol className="sf-checklist">{main.map(item)}</ol>
      ) : (
        // A short first sykmelding: nothing the law asks for yet — say so instead of an empty list.
        <BodyLong className="sf-checklist-none">{ts.checklistNoneYet}</BodyLong>
      )}
      {other.length > 0 ? (
        <ReadMore header={ts.otherMilestones(other.length)} size="medium">
          <ol className="sf-checklist">{other.map(item)}</ol>
        </ReadMore>
      ) : null}
      {dialog ? (
        <MilestoneDialog
          dialog={dialog}
          caseStart={caseStart}
          meetingDate={meetingDate}
          version={version}
          writes={writes}
          onClose={() => setDialog(null)}
          onReload={onReload}
          onSaved={onSaved}
        />
      ) : null}
    </VStack>
  );
}
