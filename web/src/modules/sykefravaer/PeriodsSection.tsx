/**
 * The absence periods of an employee: a table, and dialogs to register, correct (with a reason) and
 * delete (with a reason) a period. Grade and "avventende" only for a sykmelding. After a conflict
 * (409 `STALE_VERSION`) the dialog stays open with what the user typed, and offers to load the latest
 * version.
 */
import { PencilIcon, PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyShort,
  Button,
  Checkbox,
  Detail,
  Heading,
  HGrid,
  HStack,
  Modal,
  Select,
  Table,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { defaultPeriodStart } from '../../../../src/domain/sykefravaer/period-overlap.ts';
import { isApiError, isStaleVersion } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { daysInclusive, todayIso } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import type { useCaseWrites } from './api.ts';
import { ReloadedNotice, WriteError } from './parts.tsx';
import { ReasonDialog } from './ReasonDialog.tsx';
import { type AbsencePeriod, PERIOD_TYPES, type PeriodType } from './types.ts';

type Writes = ReturnType<typeof useCaseWrites>;

const KEYS = ['type', 'start', 'end', 'grade', 'avventende', 'reason'] as const;

type FormState = {
  type: PeriodType;
  start: string;
  end: string;
  grade: string;
  avventende: boolean;
  reason: string;
};

/** The server refused a duplicate or overlapping period; the user may confirm it. */
const isOverlap = (error: unknown) =>
  isApiError(error) && error.status === 409 && error.reason === 'PERIOD_OVERLAP';

function PeriodDialog({
  period,
  periods,
  version,
  writes,
  onClose,
  onReload,
  onSaved,
}: {
  period: AbsencePeriod | null;
  periods: AbsencePeriod[];
  version: number;
  writes: Writes;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const [suggestedStart] = useState(() => (period ? null : defaultPeriodStart(periods, todayIso())));
  const [form, setForm] = useState<FormState>(() => ({
    type: period?.type ?? 'sykmelding',
    start: period?.start ?? suggestedStart ?? todayIso(),
    end: period?.end ?? '',
    grade: period?.grade !== null && period?.grade !== undefined ? String(period.grade) : '100',
    avventende: period?.avventende ?? false,
    reason: '',
  }));
  const [reloaded, setReloaded] = useState(false);
  const errors = useFormErrors(KEYS);
  const mutation = period ? writes.editPeriod : writes.addPeriod;
  const formId = 'sf-period-form';
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };

  const submit = (event: Pick<FormEvent, 'preventDefault'>, confirmOverlap = false) => {
    event.preventDefault();
    setReloaded(false);
    const fields: FieldErrors = {};
    if (form.start === '') fields.start = ts.startRequired;
    else if (form.start === INVALID_DATE) fields.start = t.validation.dateInvalid;
    if (form.end === '') fields.end = ts.endRequired;
    else if (form.end === INVALID_DATE) fields.end = t.validation.dateInvalid;
    else if (form.start && form.start !== INVALID_DATE && form.end < form.start)
      fields.end = ts.endBeforeStart;
    const sick = form.type === 'sykmelding';
    const grade = Number(form.grade.trim().replace(/\s*%$/, ''));
    if (sick && !form.avventende && (!/^\s*\d+\s*%?\s*$/.test(form.grade) || grade < 1 || grade > 100)) {
      fields.grade = ts.gradeInvalid;
    }
    if (period && !form.reason.trim()) fields.reason = ts.reasonRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    const input = {
      type: form.type,
      start: form.start,
      end: form.end,
      ...(sick ? (form.avventende ? { avventende: true } : { grade, avventende: false }) : {}),
      ...(confirmOverlap ? { confirmOverlap: true } : {}),
    };
    const handlers = {
      onSuccess: () => {
        onSaved(period ? ts.periodSaved : ts.periodAdded);
        onClose();
      },
      onError: (error: unknown) => errors.setApiError(error),
    };
    if (period)
      writes.editPeriod.mutate({ ...input, id: period.id, reason: form.reason.trim(), version }, handlers);
    else writes.addPeriod.mutate({ ...input, version }, handlers);
  };

  const conflict = isStaleVersion(errors.apiError);
  const overlap = isOverlap(errors.apiError) ? errors.apiError : null;
  return (
    <Modal
      open
      onClose={onClose}
      header={{ heading: period ? ts.periodEditHeading : ts.periodNewHeading }}
      width="medium"
    >
      <Modal.Body>
        <form id={formId} onSubmit={submit} noValidate>
          <VStack gap="space-20">
            {conflict ? (
              <WriteError
                error={errors.apiError}
                onReload={async () => {
                  await onReload();
                  errors.clear();
                  mutation.reset();
                  setReloaded(true);
                }}
              />
            ) : overlap ? (
              <Alert variant="warning" size="small">
                <Heading level="3" size="xsmall" spacing>
                  {ts.overlapHeading}
                </Heading>
                <BodyShort spacing>{overlap instanceof Error ? overlap.message : ''}</BodyShort>
                <Button type="button" size="small" variant="secondary" onClick={(e) => submit(e, true)}>
                  {ts.overlapConfirm}
                </Button>
              </Alert>
            ) : errors.general ? (
              <ErrorAlert error={new Error(errors.general)} />
            ) : null}
            {reloaded ? <ReloadedNotice /> : null}
            <FormErrorSummary errors={overlap ? {} : errors.fields} order={KEYS} attempt={errors.attempt} />
            <Select
              id={fieldId('type')}
              label={ts.periodType}
              description={ts.periodTypeDescriptions[form.type]}
              value={form.type}
              onChange={(e) => set('type', e.target.value as PeriodType)}
              error={errors.fields.type}
            >
              {PERIOD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {ts.periodTypes[type]}
                </option>
              ))}
            </Select>
            <HGrid columns={{ xs: 1, sm: 2 }} gap="space-16" align="start">
              <DateField
                id={fieldId('start')}
                label={ts.periodStart}
                value={form.start}
                onChange={(v) => set('start', v)}
                {...(suggestedStart !== null && form.start === suggestedStart && suggestedStart !== todayIso()
                  ? { description: ts.startContinues }
                  : {})}
                error={overlap ? undefined : errors.fields.start}
                required
              />
              <DateField
                id={fieldId('end')}
                label={ts.periodEnd}
                value={form.end}
                onChange={(v) => set('end', v)}
                error={errors.fields.end}
                required
              />
            </HGrid>
            {form.type === 'sykmelding' ? (
              <>
                <Checkbox
                  id={fieldId('avventende')}
                  checked={form.avventende}
                  onChange={(e) => set('avventende', e.target.checked)}
                  description={ts.avventendeDescription}
                >
                  {ts.avventendeLabel}
                </Checkbox>
                {!form.avventende ? (
                  <TextField
                    id={fieldId('grade')}
                    label={ts.grade}
                    description={ts.gradeDescription}
                    inputMode="numeric"
                    htmlSize={6}
                    value={form.grade}
                    onChange={(e) => set('grade', e.target.value)}
                    error={errors.fields.grade}
                  />
                ) : null}
              </>
            ) : null}
            {period ? (
              <Textarea
                id={fieldId('reason')}
                label={ts.changeReason}
                description={ts.changeReasonDescription}
                value={form.reason}
                onChange={(e) => set('reason', e.target.value)}
                error={errors.fields.reason}
                maxLength={500}
                minRows={2}
              />
            ) : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={mutation.isPending}>
          {period ? ts.periodSave : ts.periodAdd}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

function DeleteDialog({
  period,
  version,
  writes,
  onClose,
  onReload,
  onSaved,
}: {
  period: AbsencePeriod;
  version: number;
  writes: Writes;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
}) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const what = `${ts.periodTypes[period.type]} ${formatDate(period.start)}–${formatDate(period.end)}`;
  return (
    <ReasonDialog
      heading={ts.periodDeleteHeading}
      formId="sf-delete-period"
      body={ts.periodDeleteBody(what)}
      field={{
        id: fieldId('deleteReason'),
        label: ts.deleteReason,
        description: ts.privacyHint,
        minRows: 2,
        requiredMessage: ts.reasonRequired,
      }}
      confirm={ts.periodDeleteConfirm}
      danger
      write={writes.deletePeriod}
      onSubmit={(reason) =>
        writes.deletePeriod.mutate(
          { id: period.id, reason, version },
          {
            onSuccess: () => {
              onSaved(ts.periodDeleted);
              onClose();
            },
          },
        )
      }
      onReload={onReload}
      onClose={onClose}
    />
  );
}

type Props = {
  periods: AbsencePeriod[];
  version: number;
  writes: Writes;
  canEdit: boolean;
  /** Open the new-period dialog when the section first shows (the page was reached to register). */
  startNew?: boolean;
  /** Called when a dialog closes (the page drops its `?registrer=1`). */
  onDialogClosed?: () => void;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
};

export function PeriodsSection({
  periods,
  version,
  writes,
  canEdit,
  startNew = false,
  onDialogClosed,
  onReload,
  onSaved,
}: Props) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const [dialog, setDialog] = useState<
    { kind: 'new' } | { kind: 'edit' | 'delete'; period: AbsencePeriod } | null
  >(() => (startNew && canEdit ? { kind: 'new' } : null));
  const close = () => {
    setDialog(null);
    onDialogClosed?.();
  };
  const sorted = [...periods].sort((a, b) => b.start.localeCompare(a.start));
  const open = (next: NonNullable<typeof dialog>) => {
    writes.addPeriod.reset();
    writes.editPeriod.reset();
    writes.deletePeriod.reset();
    setDialog(next);
  };
  const grade = (p: AbsencePeriod) =>
    p.type !== 'sykmelding'
      ? ''
      : p.avventende
        ? ts.avventende
        : p.grade !== null
          ? t.common.percent(p.grade)
          : '';

  return (
    <VStack as="section" gap="space-16" aria-labelledby="sf-periods-heading">
      <HStack justify="space-between" align="center" gap="space-12" wrap>
        <Heading level="2" size="medium" id="sf-periods-heading">
          {ts.periodsHeading}
        </Heading>
        {canEdit ? (
          <Button type="button" icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'new' })}>
            {ts.addPeriod}
          </Button>
        ) : null}
      </HStack>
      {sorted.length === 0 ? (
        <BodyShort>{ts.periodsEmpty}</BodyShort>
      ) : (
        <Table size="small">
          <caption className="sr-only">{ts.periodsCaption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{ts.colType}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{ts.colPeriod}</Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right" className="hide-small">
                {ts.colDays}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {ts.colPeriodGrade}
              </Table.HeaderCell>
              {canEdit ? (
                <Table.HeaderCell scope="col">
                  <span className="sr-only">{ts.colActions}</span>
                </Table.HeaderCell>
              ) : null}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {sorted.map((p) => {
              const type = ts.periodTypes[p.type];
              return (
                <Table.Row key={p.id}>
                  <Table.DataCell>
                    {type}
                    {grade(p) ? <Detail className="show-small">{grade(p)}</Detail> : null}
                    {p.source === 'employee' ? <Detail>{ts.reportedByEmployee}</Detail> : null}
                  </Table.DataCell>
                  <Table.DataCell>
                    <span className="sf-nowrap">{formatDate(p.start)}</span>–
                    <span className="sf-nowrap">{formatDate(p.end)}</span>
                  </Table.DataCell>
                  <Table.DataCell align="right" className="hide-small">
                    {daysInclusive(p.start, p.end)}
                  </Table.DataCell>
                  <Table.DataCell className="hide-small">{grade(p)}</Table.DataCell>
                  {canEdit ? (
                    <Table.DataCell>
                      <div className="sf-table-actions">
                        <Button
                          type="button"
                          size="small"
                          variant="tertiary"
                          icon={<PencilIcon aria-hidden />}
                          aria-label={ts.editPeriodLabel(type, formatDate(p.start), formatDate(p.end))}
                          onClick={() => open({ kind: 'edit', period: p })}
                        >
                          <span className="hide-small">{ts.editPeriod}</span>
                        </Button>
                        <Button
                          type="button"
                          size="small"
                          variant="tertiary"
                          icon={<TrashIcon aria-hidden />}
                          aria-label={ts.deletePeriodLabel(type, formatDate(p.start), formatDate(p.end))}
                          onClick={() => open({ kind: 'delete', period: p })}
                        >
                          <span className="hide-small">{ts.deletePeriod}</span>
                        </Button>
                      </div>
                    </Table.DataCell>
                  ) : null}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      )}
      {dialog?.kind === 'new' || dialog?.kind === 'edit' ? (
        <PeriodDialog
          period={dialog.kind === 'edit' ? dialog.period : null}
          periods={periods}
          version={version}
          writes={writes}
          onClose={close}
          onReload={onReload}
          onSaved={onSaved}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDialog
          period={dialog.period}
          version={version}
          writes={writes}
          onClose={close}
          onReload={onReload}
          onSaved={onSaved}
        />
      ) : null}
    </VStack>
  );
}
