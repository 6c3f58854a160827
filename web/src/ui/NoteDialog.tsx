/**
 * «Marker som gjort» with a required short note: one text area (at most 2 000 characters, the
 * servers' limit), refused with `requiredMessage` at the field when empty, server errors at the
 * field or on top. `onSubmit` gets the trimmed note; the dialog stays open if it rejects.
 */
import { BodyShort, Textarea } from '@navikt/ds-react';
import { useState } from 'react';
import { ErrorAlert } from './Feedback.tsx';
import { FormDialog } from './FormDialog.tsx';
import { fieldId, focusFirstError, useFormErrors } from './form.ts';

const NOTE_KEYS = ['note'] as const;

export function NoteDialog({
  heading,
  formId,
  confirm,
  context,
  label,
  description,
  requiredMessage,
  pending,
  onClose,
  onSubmit,
}: {
  heading: string;
  formId: string;
  confirm: string;
  /** A line above the field (e.g. the due date). */
  context: string;
  label: string;
  description: string;
  requiredMessage: string;
  pending: boolean;
  onClose: () => void;
  onSubmit: (note: string) => Promise<void>;
}) {
  const [note, setNote] = useState('');
  const errors = useFormErrors(NOTE_KEYS);

  const submit = () => {
    if (!note.trim()) {
      const fields = { note: requiredMessage };
      errors.setFieldErrors(fields);
      focusFirstError(NOTE_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit(note.trim()).catch((error: unknown) => errors.setApiError(error));
  };

  return (
    <FormDialog
      heading={heading}
      formId={formId}
      confirm={confirm}
      pending={pending}
      onClose={onClose}
      onSubmit={submit}
    >
      <BodyShort size="small">{context}</BodyShort>
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <Textarea
        id={fieldId('note')}
        label={label}
        description={description}
        value={note}
        maxLength={2000}
        minRows={3}
        onChange={(e) => {
          setNote(e.target.value);
          errors.clearField('note');
        }}
        error={errors.fields.note}
      />
    </FormDialog>
  );
}
