/**
 * Samtalereferater on the dialogmøte pages: the leader/HR lists, writes and corrects short minutes of
 * other follow-up conversations; the employee (employeeId null) lists theirs. Each downloads as a PDF.
 * A correction sends the version read; on a 409 `STALE_VERSION` the form keeps what was typed and
 * «Hent siste versjon» loads the latest underneath it, so the next save goes through.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Fieldset,
  Heading,
  HStack,
  Link,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { SamtaleDto } from '../../../../src/contracts/dokumenter/samtalereferat.schemas.ts';
import { findHealthWords } from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
import { API_BASE, api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { useWriteFeedback } from '../../ui/WriteFeedback.tsx';
import { type ActionRow, ActionRowsEditor, toActionInput, toActionRows } from './ActionRows.tsx';
import { useDialogmoteText } from './dialogmoteApi.ts';
import { samtaleEn, samtaleNb } from './messages.ts';

const path = (employeeId: string | null) =>
  employeeId === null
    ? '/sykefravaer/me/samtalereferater'
    : `/sykefravaer/employees/${employeeId}/samtalereferater`;
type Kind = SamtaleDto['kind'];
const listKey = (employeeId: string | null) => ['samtalereferater', employeeId ?? 'me'];

function useSamtaleText() {
  const { locale } = useI18n();
  return locale === 'en' ? samtaleEn : samtaleNb;
}

export function SamtaleSection({ employeeId }: { employeeId: string | null }) {
  const { locale } = useI18n();
  const s = useSamtaleText();
  const m = useDialogmoteText();
  const query = useQuery({
    queryKey: listKey(employeeId),
    queryFn: ({ signal }) =>
      api.get<{ caseStart: string | null; items: SamtaleDto[] }>(path(employeeId), undefined, signal),
  });
  const [editing, setEditing] = useState<string | null>(null);
  /** The item last corrected: «Endringene er lagret.» stands under it. */
  const [updated, setUpdated] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const closeEdit = (id: string) => {
    setEditing(null);
    requestAnimationFrame(() => editButtons.current.get(id)?.focus());
  };
  return (
    <Box as="section" aria-labelledby="samtaler-heading" className="plan-section">
      <VStack gap="space-16">
        <Heading level="2" size="medium" id="samtaler-heading">
          {s.heading}
        </Heading>
        <BodyLong>{s.intro}</BodyLong>
        {query.isPending ? <Loading /> : null}
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.data && query.data.items.length === 0 ? <BodyShort>{s.none}</BodyShort> : null}
        {query.data && query.data.items.length > 0 ? (
          <ul className="plan-list">
            {query.data.items.map((item) => (
              <li key={item.id}>
                <VStack gap="space-4">
                  <BodyShort weight="semibold">
                    {s.kinds[item.kind]} – {formatDate(item.heldOn)}
                  </BodyShort>
                  {item.version > 1 ? (
                    <BodyShort size="small" textColor="subtle">
                      {s.changedBy(item.updatedBy.name, dateTime(item.updatedAt, locale))}
                    </BodyShort>
                  ) : null}
                  <BodyShort className="plan-text">{item.summary}</BodyShort>
                  {item.actions.length > 0 ? (
                    <VStack gap="space-4">
                      <BodyShort size="small" weight="semibold">
                        {m.actions}
                      </BodyShort>
                      <ul className="plan-list">
                        {item.actions.map((a, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; the list is read-only
                          <li key={i}>
                            <BodyShort className="plan-text">{a.what}</BodyShort>
                            <BodyShort size="small" textColor="subtle">
                              {m.actionOwner}: {a.owner}
                              {a.deadline
                                ? ` · ${m.actionDeadline.replace(/ \(.*\)$/, '')} ${formatDate(a.deadline)}`
                                : ''}
                            </BodyShort>
                          </li>
                        ))}
                      </ul>
                    </VStack>
                  ) : null}
                  <HStack gap="space-16" align="center" wrap>
                    <Link href={`${API_BASE}${path(employeeId)}/${item.id}/pdf`} download>
                      {s.pdf(s.kinds[item.kind], formatDate(item.heldOn))}
                    </Link>
                    {employeeId !== null ? (
                      <Button
                        ref={(el) => {
                          if (el) editButtons.current.set(item.id, el);
                          else editButtons.current.delete(item.id);
                        }}
                        type="button"
                        variant="tertiary"
                        size="small"
                        aria-expanded={editing === item.id}
                        aria-controls={`samtale-edit-${item.id}`}
                        onClick={() => {
                          setUpdated(null);
                          if (editing === item.id) closeEdit(item.id);
                          else setEditing(item.id);
                        }}
                      >
                        {s.edit(s.kinds[item.kind], formatDate(item.heldOn))}
                      </Button>
                    ) : null}
                  </HStack>
                  <div id={`samtale-edit-${item.id}`}>
                    {employeeId !== null && editing === item.id ? (
                      <SamtaleForm
                        employeeId={employeeId}
                        existing={item}
                        onDone={() => {
                          setUpdated(item.id);
                          closeEdit(item.id);
                        }}
                        onCancel={() => closeEdit(item.id)}
                      />
                    ) : null}
                  </div>
                  {updated === item.id ? <SuccessMessage>{s.updated}</SuccessMessage> : null}
                </VStack>
              </li>
            ))}
          </ul>
        ) : null}
        {employeeId !== null && query.data?.caseStart ? <SamtaleForm employeeId={employeeId} /> : null}
      </VStack>
    </Box>
  );
}

/** The state of a write done without react-query, in the shape `useWriteFeedback` reads. */
function useWriteState() {
  const [error, setError] = useState<unknown>(null);
  return { isError: error !== null, error, reset: () => setError(null), fail: setError };
}

/**
 * A new samtalereferat, or (with `existing`) a correction of one, sent with the version read; `onDone`
 * after a correction is saved.
 */
function SamtaleForm({
  employeeId,
  existing,
  onDone,
  onCancel,
}: {
  employeeId: string;
  existing?: SamtaleDto;
  onDone?: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const s = useSamtaleText();
  const m = useDialogmoteText();
  const client = useQueryClient();
  const formId = existing ? `samtale-${existing.id}` : 'samtale-new';
  const [kind, setKind] = useState<Kind>(existing?.kind ?? 'oppfolging');
  const [heldOn, setHeldOn] = useState(existing?.heldOn ?? todayIso());
  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [actions, setActions] = useState<ActionRow[]>(() => toActionRows(existing?.actions ?? []));
  const write = useWriteState();
  const { feedback, clear } = useWriteFeedback(
    write,
    () => client.refetchQueries({ queryKey: listKey(employeeId) }),
    { reload: t.sykefravaer.conflictReload, reloaded: t.sykefravaer.reloaded },
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const words = findHealthWords(`${summary}\n${actions.map((a) => a.what).join('\n')}`);

  // The correction opens under its button: move focus to its heading (once).
  const [focusOnOpen] = useState(existing !== undefined);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    write.reset();
    clear();
    setMessage(null);
    try {
      const body = { kind, heldOn, summary, actions: toActionInput(actions) };
      if (existing) {
        await api.put<SamtaleDto>(`${path(employeeId)}/${existing.id}`, {
          ...body,
          version: existing.version,
        });
      } else {
        await api.post<SamtaleDto>(path(employeeId), body);
        setSummary('');
        setActions([]);
        setMessage(s.saved);
      }
      await client.invalidateQueries({ queryKey: listKey(employeeId) });
      if (existing) onDone?.();
    } catch (e) {
      write.fail(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={formId}>
      <VStack gap="space-12">
        <Heading level="3" size="small" id={formId} ref={headingRef} tabIndex={existing ? -1 : undefined}>
          {existing ? s.editHeading : s.newHeading}
        </Heading>
        <Select label={s.kind} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(Object.keys(s.kinds) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </Select>
        <DateField id={`${formId}-date`} label={s.heldOn} value={heldOn} onChange={setHeldOn} required />
        <Textarea
          label={s.summary}
          description={m.healthHint}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={2000}
          required
        />
        {words.length > 0 ? (
          <Alert variant="warning" size="small">
            {m.healthWarning(words.join(', '))}
          </Alert>
        ) : null}
        <Fieldset legend={m.actions}>
          <ActionRowsEditor idPrefix={formId} rows={actions} onChange={setActions} />
        </Fieldset>
        {feedback}
        <SuccessMessage>{message}</SuccessMessage>
        <HStack gap="space-8">
          <Button type="submit" loading={busy}>
            {existing ? s.saveChanges : s.save}
          </Button>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel}>
              {s.cancelEdit}
            </Button>
          ) : null}
        </HStack>
      </VStack>
    </form>
  );
}
