/**
 * The goal page's dialogs: a goal (new or changed), a measure (new or changed: what, which goal,
 * a person or a role as owner, due date), marking a measure done (a short note is required), and
 * deleting a goal or an open measure. Each checks what it can before sending, shows the server's field errors at the
 * field, offers the latest version on a 409 `STALE_VERSION`, and keeps what the user typed when the
 * write fails. The page closes the dialog when `onSubmit` resolves.
 */

import { BodyLong, Radio, RadioGroup, Select, Textarea, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import {
  GOAL_STATUSES,
  type GoalStatus,
  MEASURE_OWNER_ROLES,
  type MeasureOwnerRole,
} from '../../../../src/domain/hms-mal/index.ts';
import { isStaleVersion } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { NoteDialog } from '../../ui/NoteDialog.tsx';
import { WriteError } from '../../ui/WriteFeedback.tsx';
import type { Goal, GoalCreate, Measure, MeasureCreate, Owner } from './api.ts';

type Write = { isPending: boolean };

const GOAL_KEYS = ['title', 'status', 'target', 'indicator', 'description', 'year'] as const;
const MEASURE_KEYS = ['text', 'goalId', 'ownerUserId', 'ownerRole', 'due'] as const;

/** The error of a write that is not about one field: a stale version offers the latest. */
function GeneralError({
  error,
  message,
  onReload,
}: {
  error: unknown;
  message: string | null;
  onReload: () => Promise<unknown>;
}) {
  const t = useI18n().t.hmsMal;
  if (isStaleVersion(error))
    return <WriteError error={error} onReload={onReload} reloadLabel={t.conflictReload} />;
  return message ? <ErrorAlert error={new Error(message)} /> : null;
}

export function GoalDialog({
  year,
  goal,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  year: number;
  /** The goal to change; none: a new goal for `year`. */
  goal?: Goal;
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (body: GoalCreate) => Promise<void>;
}) {
  const { t } = useI18n();
  const th = t.hmsMal;
  const [form, setForm] = useState({
    title: goal?.title ?? '',
    status: goal?.status ?? ('planlagt' as GoalStatus),
    target: goal?.target ?? '',
    indicator: goal?.indicator ?? '',
    description: goal?.description ?? '',
  });
  const errors = useFormErrors(GOAL_KEYS);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };

  const submit = () => {
    if (!form.title.trim()) {
      const fields = { title: th.goalTitleRequired };
      errors.setFieldErrors(fields);
      focusFirstError(GOAL_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({
      year: goal?.year ?? year,
      title: form.title.trim(),
      status: form.status,
      target: form.target.trim(),
      indicator: form.indicator.trim(),
      description: form.description.trim(),
    }).catch((error: unknown) => errors.setApiError(error));
  };

  return (
    <FormDialog
      heading={goal ? th.goalHeadingEdit : th.goalHeadingNew(year)}
      formId="hm-goal-form"
      confirm={th.saveGoal}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <TextField
        id={fieldId('title')}
        label={th.goalTitle}
        description={th.goalTitleDescription}
        value={form.title}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => set('title', e.target.value)}
        error={errors.fields.title}
      />
      <Select
        id={fieldId('status')}
        label={th.goalStatus}
        value={form.status}
        onChange={(e) => {
          const status = GOAL_STATUSES.find((s) => s === e.target.value);
          if (status) set('status', status);
        }}
        error={errors.fields.status}
      >
        {GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {th.statuses[s]}
          </option>
        ))}
      </Select>
      <TextField
        id={fieldId('target')}
        label={th.goalTarget}
        description={th.goalTargetDescription}
        value={form.target}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => set('target', e.target.value)}
        error={errors.fields.target}
      />
      <TextField
        id={fieldId('indicator')}
        label={th.goalIndicator}
        description={th.goalIndicatorDescription}
        value={form.indicator}
        maxLength={500}
        autoComplete="off"
        onChange={(e) => set('indicator', e.target.value)}
        error={errors.fields.indicator}
      />
      <Textarea
        id={fieldId('description')}
        label={th.goalDescription}
        value={form.description}
        maxLength={4000}
        minRows={3}
        onChange={(e) => set('description', e.target.value)}
        error={errors.fields.description}
      />
    </FormDialog>
  );
}

type OwnerKind = 'person' | 'role';

export function MeasureDialog({
  goals,
  goalId,
  measure,
  owners,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  /** The goals it may belong to (the year's). */
  goals: readonly Goal[];
  /** The goal a new measure starts under. */
  goalId: string | null;
  /** The measure to change; none: a new one. */
  measure?: Measure;
  owners: readonly Owner[];
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (body: MeasureCreate) => Promise<void>;
}) {
  const { t } = useI18n();
  const th = t.hmsMal;
  const [form, setForm] = useState({
    text: measure?.text ?? '',
    goalId: measure ? (measure.goalId ?? '') : (goalId ?? ''),
    ownerKind: (measure?.ownerRole ? 'role' : 'person') as OwnerKind,
    ownerUserId: measure?.ownerUserId ?? '',
    ownerRole: (measure?.ownerRole ?? 'hr') as MeasureOwnerRole,
    due: measure?.due ?? '',
  });
  const errors = useFormErrors(MEASURE_KEYS);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K], field: string = key) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(field);
  };

  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.text.trim()) fields.text = th.measureTextRequired;
    if (form.ownerKind === 'person' && !form.ownerUserId) fields.ownerUserId = th.ownerPersonRequired;
    if (form.due === '') fields.due = th.measureDueRequired;
    else if (form.due === INVALID_DATE) fields.due = th.dateInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(MEASURE_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({
      text: form.text.trim(),
      goalId: form.goalId || null,
      ownerUserId: form.ownerKind === 'person' ? form.ownerUserId : null,
      ownerRole: form.ownerKind === 'role' ? form.ownerRole : null,
      due: form.due,
    }).catch((error: unknown) => errors.setApiError(error));
  };

  return (
    <FormDialog
      heading={measure ? th.measureHeadingEdit : th.measureHeadingNew}
      formId="hm-measure-form"
      confirm={th.saveMeasure}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <Textarea
        id={fieldId('text')}
        label={th.measureText}
        description={th.measureTextDescription}
        value={form.text}
        maxLength={1000}
        minRows={2}
        onChange={(e) => set('text', e.target.value)}
        error={errors.fields.text}
      />
      <Select
        id={fieldId('goalId')}
        label={th.measureGoal}
        value={form.goalId}
        onChange={(e) => set('goalId', e.target.value)}
        error={errors.fields.goalId}
      >
        <option value="">{th.measureNoGoal}</option>
        {goals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.title}
          </option>
        ))}
      </Select>
      <RadioGroup
        legend={th.ownerKind}
        value={form.ownerKind}
        onChange={(v: OwnerKind) => set('ownerKind', v, 'ownerUserId')}
      >
        <Radio value="person">{th.ownerKindPerson}</Radio>
        <Radio value="role">{th.ownerKindRole}</Radio>
      </RadioGroup>
      {form.ownerKind === 'person' ? (
        <Select
          id={fieldId('ownerUserId')}
          label={th.ownerPerson}
          value={form.ownerUserId}
          onChange={(e) => set('ownerUserId', e.target.value)}
          error={errors.fields.ownerUserId}
        >
          <option value="">{th.ownerPersonChoose}</option>
          {owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      ) : (
        <Select
          id={fieldId('ownerRole')}
          label={th.ownerRole}
          value={form.ownerRole}
          onChange={(e) => {
            const role = MEASURE_OWNER_ROLES.find((r) => r === e.target.value);
            if (role) set('ownerRole', role);
          }}
          error={errors.fields.ownerRole}
        >
          {MEASURE_OWNER_ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </Select>
      )}
      <DateField
        id={fieldId('due')}
        label={th.measureDue}
        value={form.due}
        onChange={(v) => set('due', v)}
        error={errors.fields.due}
        required
      />
    </FormDialog>
  );
}

export function DoneDialog({
  measure,
  write,
  onClose,
  onSubmit,
}: {
  measure: Measure;
  write: Write;
  onClose: () => void;
  onSubmit: (note: string) => Promise<void>;
}) {
  const th = useI18n().t.hmsMal;
  return (
    <NoteDialog
      heading={th.markDoneLabel(measure.text)}
      formId="hm-done-form"
      confirm={th.markDone}
      context={th.due(formatDate(measure.due))}
      label={th.doneNote}
      description={th.doneNoteDescription}
      requiredMessage={th.doneNoteRequired}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={onSubmit}
    />
  );
}

export function DeleteGoalDialog({
  goal,
  write,
  onClose,
  onSubmit,
}: {
  goal: Goal;
  write: Write;
  onClose: () => void;
  onSubmit: () => Promise<void>;
}) {
  const th = useI18n().t.hmsMal;
  const [error, setError] = useState<unknown>(null);
  return (
    <FormDialog
      heading={th.deleteGoalHeading}
      formId="hm-delete-form"
      confirm={th.deleteGoal}
      danger
      pending={write.isPending}
      onClose={onClose}
      onSubmit={() => {
        setError(null);
        onSubmit().catch((e: unknown) => setError(e));
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <BodyLong>{th.deleteGoalBody(goal.title)}</BodyLong>
    </FormDialog>
  );
}

/** Deleting a measure that is not carried out (a carried-out one is the record: the server says 409). */
export function DeleteMeasureDialog({
  measure,
  write,
  onClose,
  onSubmit,
}: {
  measure: Measure;
  write: Write;
  onClose: () => void;
  onSubmit: () => Promise<void>;
}) {
  const th = useI18n().t.hmsMal;
  const [error, setError] = useState<unknown>(null);
  return (
    <FormDialog
      heading={th.deleteMeasureHeading}
      formId="hm-delete-measure-form"
      confirm={th.deleteGoal}
      danger
      pending={write.isPending}
      onClose={onClose}
      onSubmit={() => {
        setError(null);
        onSubmit().catch((e: unknown) => setError(e));
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <BodyLong>{th.deleteMeasureBody(measure.text)}</BodyLong>
    </FormDialog>
  );
}
