/**
 * «Rett opplæringen»: a registered course's facts corrected in a dialog on «Opplæring» (admin, HR) —
 * the course type, its name, when it was completed, the hours, the provider, when it expires and the
 * note. Who took it and the certificate stay as they are (to replace a certificate, delete the course
 * and register it again). The same checks as «Registrer opplæring» before sending; the server's
 * field errors are shown next to the fields, and what was typed is kept when the write fails.
 */
import { BodyLong, HGrid, Select, Textarea, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import { COURSES } from '../../../../src/domain/opplaering/courses.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import type { CourseKind, TrainingRecord, TrainingUpdate } from './api.ts';
import { formatHours, parseHours, useCourseName } from './parts.tsx';

/** The fields in the order of the form. */
const KEYS = ['course', 'title', 'completedOn', 'hours', 'provider', 'expiresOn', 'note'] as const;

export function EditDialog({
  record,
  pending,
  onClose,
  onSubmit,
}: {
  record: TrainingRecord;
  pending: boolean;
  onClose: () => void;
  /** Resolves when saved (the page closes the dialog); rejects with the API's error. */
  onSubmit: (body: TrainingUpdate) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const to = t.opplaering;
  const courseName = useCourseName();
  const [form, setForm] = useState({
    course: record.course as CourseKind,
    title: record.title ?? '',
    completedOn: record.completedOn,
    hours: formatHours(record.hours, locale),
    provider: record.provider ?? '',
    expiresOn: record.expiresOn ?? '',
    note: record.note ?? '',
  });
  const errors = useFormErrors(KEYS);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };

  const submit = () => {
    const fields: FieldErrors = {};
    if (form.course === 'annet' && !form.title.trim()) fields.title = to.titleRequired;
    if (form.completedOn === '') fields.completedOn = to.completedRequired;
    else if (form.completedOn === INVALID_DATE) fields.completedOn = t.validation.dateInvalid;
    else if (form.completedOn > todayIso()) fields.completedOn = to.completedFuture;
    const hours = parseHours(form.hours);
    if (!(hours > 0 && hours <= 1000)) fields.hours = to.hoursInvalid;
    if (form.expiresOn === INVALID_DATE) fields.expiresOn = t.validation.dateInvalid;
    else if (
      form.expiresOn &&
      form.completedOn &&
      form.completedOn !== INVALID_DATE &&
      form.expiresOn <= form.completedOn
    ) {
      fields.expiresOn = to.expiresBeforeCompleted;
    }
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({
      course: form.course,
      title: form.title.trim() || null,
      completedOn: form.completedOn,
      hours,
      provider: form.provider.trim() || null,
      expiresOn: form.expiresOn || null,
      note: form.note.trim() || null,
    }).catch((error: unknown) => errors.setApiError(error));
  };

  return (
    <FormDialog
      heading={to.editHeading}
      formId="opp-edit-form"
      confirm={to.editSave}
      pending={pending}
      onClose={onClose}
      onSubmit={submit}
    >
      <BodyLong>{to.editIntro(courseName(record.course, record.title), record.employeeName)}</BodyLong>
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <Select
        id={fieldId('course')}
        label={to.course}
        value={form.course}
        onChange={(e) => {
          const course = COURSES.find((c) => c === e.target.value);
          if (course) set('course', course);
        }}
        error={errors.fields.course}
      >
        {COURSES.map((c) => (
          <option key={c} value={c}>
            {to.courses[c]}
          </option>
        ))}
      </Select>
      <TextField
        id={fieldId('title')}
        label={form.course === 'annet' ? to.titleField : `${to.titleField} ${t.common.optional}`}
        description={to.titleDescription}
        autoComplete="off"
        maxLength={200}
        value={form.title}
        onChange={(e) => set('title', e.target.value)}
        error={errors.fields.title}
      />
      <HGrid columns={{ xs: 1, sm: 2 }} gap="space-20" align="start">
        <DateField
          id={fieldId('completedOn')}
          label={to.completedOn}
          value={form.completedOn}
          onChange={(v) => set('completedOn', v)}
          error={errors.fields.completedOn}
          required
        />
        <TextField
          id={fieldId('hours')}
          label={to.hoursField}
          description={to.hoursDescription}
          inputMode="decimal"
          htmlSize={8}
          autoComplete="off"
          value={form.hours}
          onChange={(e) => set('hours', e.target.value)}
          error={errors.fields.hours}
        />
      </HGrid>
      <TextField
        id={fieldId('provider')}
        label={`${to.provider} ${t.common.optional}`}
        autoComplete="off"
        maxLength={200}
        value={form.provider}
        onChange={(e) => set('provider', e.target.value)}
        error={errors.fields.provider}
      />
      <DateField
        id={fieldId('expiresOn')}
        label={`${to.expiresOnField} ${t.common.optional}`}
        description={to.expiresDescription}
        value={form.expiresOn}
        onChange={(v) => set('expiresOn', v)}
        error={errors.fields.expiresOn}
      />
      <Textarea
        id={fieldId('note')}
        label={`${to.note} ${t.common.optional}`}
        description={to.noteDescription}
        maxLength={500}
        minRows={2}
        value={form.note}
        onChange={(e) => set('note', e.target.value)}
        error={errors.fields.note}
      />
    </FormDialog>
  );
}
