/**
 * The follow-up points of the case, in the order of the law's timeline: the engine's sentence with
 * concrete dates, the due date and days left, the state, who did it (or decided it was "åpenbart
 * unødvendig", and why), and the actions: mark as done, obviously unnecessary (with a reason), undo.
 */
import { ArrowUndoIcon, CheckmarkIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Modal,
  ReadMore,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { fieldId } from '../../ui/form.ts';
import { EvidenceLink } from '../dokumenter/EvidenceLink.tsx';
import type { useCaseWrites } from './api.ts';
import { dateTime, dmy } from './dates.ts';
import { StateTag, useWriteFeedback } from './parts.tsx';
import { EXEMPTABLE, type MilestoneView } from './types.ts';

type Writes = ReturnType<typeof useCaseWrites>;
type Dialog = { kind: 'done' | 'exempt' | 'undo'; milestone: MilestoneView } | null;

const ACTIONABLE = new Set(['overdue', 'due-soon', 'upcoming']);

type Props = {
  milestones: MilestoneView[];
  caseStart: string;
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
        ts.window(dmy(m.from), dmy(m.due))
      ) : (
        <>
          {ts.due}: <strong>{dmy(m.due)}</strong>
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

function ReasonDialog({
  dialog,
  caseStart,
  version,
  writes,
  onClose,
  onReload,
  onSaved,
}: {
  dialog: NonNullable<Dialog>;
  caseStart: string;
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
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const mutation =
    dialog.kind === 'done' ? writes.markDone : dialog.kind === 'exempt' ? writes.exempt : writes.undo;
  const { feedback, clear } = useWriteFeedback(mutation, onReload);
  const formId = `sf-milestone-${dialog.kind}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    const onSuccess = () => {
      onSaved(
        dialog.kind === 'done'
          ? ts.doneSaved(name)
          : dialog.kind === 'exempt'
            ? ts.exemptSaved(name)
            : ts.undone(name),
      );
      onClose();
    };
    if (dialog.kind === 'done') {
      writes.markDone.mutate({ key: m.key, caseStart, note: text.trim() || null, version }, { onSuccess });
    } else if (dialog.kind === 'exempt') {
      if (!text.trim()) {
        setError(ts.exemptReasonRequired);
        document.getElementById(fieldId('reason'))?.focus();
        return;
      }
      writes.exempt.mutate({ key: m.key, caseStart, reason: text.trim(), version }, { onSuccess });
    } else {
      const recordId = m.done?.id ?? m.exception?.id ?? '';
      writes.undo.mutate({ key: m.key, recordId, version }, { onSuccess });
    }
  };

  const heading =
    dialog.kind === 'done'
      ? ts.doneHeading(name)
      : dialog.kind === 'exempt'
        ? ts.exemptHeading(name)
        : ts.undoHeading(name);
  return (
    <Modal open onClose={onClose} header={{ heading }} width="medium">
      <Modal.Body>
        <form id={formId} onSubmit={submit} noValidate>
          <VStack gap="space-16">
            {feedback}
            {dialog.kind === 'undo' ? <BodyLong>{ts.undoBody}</BodyLong> : null}
            {dialog.kind === 'exempt' ? <BodyLong>{ts.exemptBody}</BodyLong> : null}
            {dialog.kind === 'done' ? (
              <Textarea
                id={fieldId('note')}
                label={`${ts.doneNote} ${t.common.optional}`}
                description={`${ts.doneNoteDescription} ${ts.privacyHint}`}
                value={text}
                onChange={(e) => setText(e.target.value)}
                maxLength={500}
                minRows={3}
              />
            ) : null}
            {dialog.kind === 'exempt' ? (
              <Textarea
                id={fieldId('reason')}
                label={ts.exemptReason}
                description={ts.privacyHint}
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setError(undefined);
                }}
                error={error}
                maxLength={500}
                minRows={3}
              />
            ) : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button
          type="submit"
          form={formId}
          loading={mutation.isPending}
          variant={dialog.kind === 'undo' ? 'danger' : 'primary'}
        >
          {dialog.kind === 'done'
            ? ts.doneConfirm
            : dialog.kind === 'exempt'
              ? ts.exemptConfirm
              : ts.undoConfirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

export function MilestoneChecklist({
  milestones,
  caseStart,
  version,
  writes,
  canEdit,
  onReload,
  onSaved,
}: Props) {
  const { t, locale } = useI18n();
  const ts = t.sykefravaer;
  const [dialog, setDialog] = useState<Dialog>(null);
  const open = (kind: 'done' | 'exempt' | 'undo', milestone: MilestoneView) => {
    writes.markDone.reset();
    writes.exempt.reset();
    writes.undo.reset();
    setDialog({ kind, milestone });
  };

  const item = (m: MilestoneView) => {
    const n = milestones.indexOf(m) + 1;
    const name = ts.milestones[m.key];
    const actionable = ACTIONABLE.has(m.state);
    const explanation = locale === 'en' ? m.explanation.en : m.explanation.nb;
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
          <Detail>
            {ts.legalBasis}: {m.legalBasis}
          </Detail>
          {canEdit && (actionable || m.done || m.exception) ? (
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
      <ol className="sf-checklist">{main.map(item)}</ol>
      {other.length > 0 ? (
        <ReadMore header={ts.otherMilestones(other.length)} size="medium">
          <ol className="sf-checklist">{other.map(item)}</ol>
        </ReadMore>
      ) : null}
      {dialog ? (
        <ReasonDialog
          dialog={dialog}
          caseStart={caseStart}
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
