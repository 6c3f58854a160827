/**
 * "Påminn meg": the user's own reminders — create one (date + short text, optionally tied to the
 * employee whose case it is), see the list, delete. Shown on the inbox page and on a case page.
 */
import { TrashIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Detail, Heading, HGrid, Table, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { horizonError, todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { useReminders, useReminderWrites } from './api.ts';

const KEYS = ['date', 'text'] as const;

type Props = {
  /** Tie new reminders to this employee, and list only theirs. */
  employeeId?: string;
  headingLevel?: '2' | '3';
  /** An id prefix, so two panels on one page keep unique ids. */
  idPrefix?: string;
  heading?: string;
};

export function RemindersPanel({ employeeId, headingLevel = '2', idPrefix = 'reminder', heading }: Props) {
  const { t, locale } = useI18n();
  const tn = t.notifications;
  const reminders = useReminders();
  const { create, remove } = useReminderWrites();
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const errors = useFormErrors(KEYS);
  const id = (k: string) => fieldId(`${idPrefix}-${k}`);
  const items = (reminders.data ?? [])
    .filter((r) => !employeeId || r.employeeId === employeeId)
    .sort((a, b) => a.date.localeCompare(b.date));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    const fields: FieldErrors = {};
    if (date === '') fields.date = tn.reminderDateRequired;
    else if (date === INVALID_DATE) fields.date = t.validation.dateInvalid;
    else {
      const tooFar = horizonError('reminder', date, locale);
      if (tooFar) fields.date = tooFar;
    }
    if (!text.trim()) fields.text = tn.reminderTextRequired;
    else if (text.trim().length > 200) fields.text = tn.reminderTextTooLong;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      document.getElementById(id(fields.date ? 'date' : 'text'))?.focus();
      return;
    }
    errors.clear();
    create.mutate(
      { date, text: text.trim(), ...(employeeId ? { employeeId } : {}) },
      {
        onSuccess: (saved) => {
          setMessage(tn.reminderCreated(formatDate(saved.date)));
          setText('');
        },
        onError: (error) => errors.setApiError(error),
      },
    );
  };

  const headingId = `${idPrefix}-heading`;
  return (
    <VStack as="section" gap="space-16" aria-labelledby={headingId}>
      <div>
        <Heading level={headingLevel} size={headingLevel === '2' ? 'medium' : 'small'} id={headingId} spacing>
          {heading ?? tn.remindersHeading}
        </Heading>
        <BodyShort>{tn.remindersIntro}</BodyShort>
      </div>
      <SuccessMessage>{message}</SuccessMessage>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16">
          {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
          <HGrid columns={{ xs: 1, md: '16rem 1fr' }} gap="space-16" align="start">
            <DateField
              id={id('date')}
              label={tn.reminderDate}
              value={date}
              onChange={(v) => {
                setDate(v);
                errors.clearField('date');
              }}
              error={errors.fields.date}
              required
            />
            <TextField
              id={id('text')}
              label={tn.reminderText}
              description={tn.reminderTextDescription}
              value={text}
              maxLength={200}
              onChange={(e) => {
                setText(e.target.value);
                errors.clearField('text');
              }}
              error={errors.fields.text}
              autoComplete="off"
            />
          </HGrid>
          <div>
            <Button type="submit" variant="secondary" loading={create.isPending}>
              {tn.reminderCreate}
            </Button>
          </div>
        </VStack>
      </form>
      {reminders.isPending ? <Loading /> : null}
      {reminders.isError ? (
        <ErrorAlert error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {reminders.data && items.length === 0 ? <BodyShort>{tn.remindersEmpty}</BodyShort> : null}
      {items.length > 0 ? (
        <Table size="small">
          <caption className="sr-only">{tn.remindersCaption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{tn.colDate}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{tn.colText}</Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">{tn.colActions}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {items.map((r) => (
              <Table.Row key={r.id}>
                <Table.DataCell>
                  {formatDate(r.date)}
                  {r.date < todayIso() ? <Detail>{tn.reminderSent}</Detail> : null}
                </Table.DataCell>
                <Table.DataCell>
                  {r.text}
                  {!employeeId && r.employeeName ? <Detail>{r.employeeName}</Detail> : null}
                </Table.DataCell>
                <Table.DataCell>
                  <Button
                    type="button"
                    size="small"
                    variant="tertiary"
                    icon={<TrashIcon aria-hidden />}
                    aria-label={tn.reminderDeleteLabel(r.text)}
                    loading={remove.isPending && remove.variables === r.id}
                    onClick={() =>
                      remove.mutate(r.id, {
                        onSuccess: () => setMessage(tn.reminderDeleted),
                      })
                    }
                  >
                    <span className="hide-small">{tn.reminderDelete}</span>
                  </Button>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </VStack>
  );
}
