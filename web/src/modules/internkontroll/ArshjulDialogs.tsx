/**
 * The årshjul's dialogs: mark an activity done (a short note is required), move it to another date
 * (own activities may also be renamed), delete an own activity, and add one. Each checks what it can
 * before sending, shows the server's field errors at the field, and keeps what the user typed when
 * the write fails. The page closes the dialog when `onSubmit` resolves.
 */

import { BodyLong, Select, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { NoteDialog } from '../../ui/NoteDialog.tsx';
import { type ArshjulItem, type NewArshjulItem, OWNER_ROLES, type OwnerRole } from './api.ts';

type Write = { isPending: boolean };

const MOVE_KEYS = ['due', 'title'] as const;
const ADD_KEYS = ['title', 'due', 'ownerRole'] as const;

export function DoneDialog({
  item,
  write,
  onClose,
  onSubmit,
}: {
  item: ArshjulItem;
  write: Write;
  onClose: () => void;
  onSubmit: (note: string) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const title = locale === 'en' ? item.title.en : item.title.nb;
  return (
    <NoteDialog
      heading={ti.markDoneLabel(title)}
      formId="ik-done-form"
      confirm={ti.markDone}
      context={ti.due(formatDate(item.due))}
      label={ti.doneNote}
      description={ti.doneNoteDescription}
      requiredMessage={ti.doneNoteRequired}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={onSubmit}
    />
  );
}

export function MoveDialog({
  item,
  write,
  onClose,
  onSubmit,
}: {
  item: ArshjulItem;
  write: Write;
  onClose: () => void;
  onSubmit: (body: { due: string; title?: string }) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const own = item.key === null;
  const current = locale === 'en' ? item.title.en : item.title.nb;
  // The server keeps an item in its year: a move is within the year of its generated date.
  const year = (item.generatedDue ?? item.due).slice(0, 4);
  const [due, setDue] = useState(item.due);
  const [title, setTitle] = useState(current);
  const errors = useFormErrors(MOVE_KEYS);

  const submit = () => {
    const fields: FieldErrors = {};
    if (due === '') fields.due = ti.moveDateRequired;
    else if (due === INVALID_DATE) fields.due = t.validation.dateInvalid;
    else if (due.slice(0, 4) !== year) fields.due = ti.moveDateOtherYear(year);
    if (own && !title.trim()) fields.title = ti.moveTitleRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(MOVE_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit(own ? { due, title: title.trim() } : { due }).catch((error: unknown) =>
      errors.setApiError(error),
    );
  };

  return (
    <FormDialog
      heading={ti.moveLabel(current)}
      formId="ik-move-form"
      confirm={ti.move}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <DateField
        id={fieldId('due')}
        label={ti.moveDate}
        description={ti.moveDateDescription(year)}
        value={due}
        onChange={(v) => {
          setDue(v);
          errors.clearField('due');
        }}
        error={errors.fields.due}
        required
      />
      {own ? (
        <TextField
          id={fieldId('title')}
          label={ti.moveTitle}
          value={title}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => {
            setTitle(e.target.value);
            errors.clearField('title');
          }}
          error={errors.fields.title}
        />
      ) : null}
    </FormDialog>
  );
}

export function DeleteDialog({
  item,
  write,
  onClose,
  onSubmit,
}: {
  item: ArshjulItem;
  write: Write;
  onClose: () => void;
  onSubmit: () => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const [error, setError] = useState<unknown>(null);
  const title = locale === 'en' ? item.title.en : item.title.nb;
  return (
    <FormDialog
      heading={ti.deleteHeading}
      formId="ik-delete-form"
      confirm={ti.remove}
      danger
      pending={write.isPending}
      onClose={onClose}
      onSubmit={() => {
        setError(null);
        onSubmit().catch((e: unknown) => setError(e));
      }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <BodyLong>{ti.deleteBody(title)}</BodyLong>
    </FormDialog>
  );
}

export function AddDialog({
  write,
  onClose,
  onSubmit,
}: {
  write: Write;
  onClose: () => void;
  onSubmit: (item: NewArshjulItem) => Promise<void>;
}) {
  const { t } = useI18n();
  const ti = t.internkontroll;
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [ownerRole, setOwnerRole] = useState<OwnerRole>('hr');
  const errors = useFormErrors(ADD_KEYS);

  const submit = () => {
    const fields: FieldErrors = {};
    if (!title.trim()) fields.title = ti.addTitleRequired;
    if (due === '') fields.due = ti.addDueRequired;
    else if (due === INVALID_DATE) fields.due = t.validation.dateInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(ADD_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({ title: title.trim(), due, ownerRole }).catch((error: unknown) => errors.setApiError(error));
  };

  return (
    <FormDialog
      heading={ti.addHeading}
      formId="ik-add-form"
      confirm={ti.addConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <TextField
        id={fieldId('title')}
        label={ti.addTitle}
        value={title}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => {
          setTitle(e.target.value);
          errors.clearField('title');
        }}
        error={errors.fields.title}
      />
      <DateField
        id={fieldId('due')}
        label={ti.addDue}
        value={due}
        onChange={(v) => {
          setDue(v);
          errors.clearField('due');
        }}
        error={errors.fields.due}
        required
      />
      <Select
        id={fieldId('ownerRole')}
        label={ti.addOwner}
        value={ownerRole}
        onChange={(e) => {
          const role = OWNER_ROLES.find((r) => r === e.target.value);
          if (role) setOwnerRole(role);
          errors.clearField('ownerRole');
        }}
        error={errors.fields.ownerRole}
      >
        {OWNER_ROLES.map((r) => (
          <option key={r} value={r}>
            {t.roles[r]}
          </option>
        ))}
      </Select>
    </FormDialog>
  );
}
