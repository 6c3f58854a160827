/**
 * Samtalereferater on the dialogmøte pages: the leader/HR lists and writes short minutes of other
 * follow-up conversations; the employee (employeeId null) lists theirs. Each downloads as a PDF.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Fieldset,
  Heading,
  Link,
  Select,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { SamtaleDto } from '../../../../src/contracts/dokumenter/samtalereferat.schemas.ts';
import { findHealthWords } from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
import { API_BASE, api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { type ActionRow, ActionRowsEditor, toActionInput } from './ActionRows.tsx';
import { useDialogmoteText } from './dialogmoteApi.ts';
import { samtaleEn, samtaleNb } from './messages.ts';

const path = (employeeId: string | null) =>
  employeeId === null
    ? '/sykefravaer/me/samtalereferater'
    : `/sykefravaer/employees/${employeeId}/samtalereferater`;
type Kind = SamtaleDto['kind'];

export function SamtaleSection({ employeeId }: { employeeId: string | null }) {
  const { locale } = useI18n();
  const s = locale === 'en' ? samtaleEn : samtaleNb;
  const m = useDialogmoteText();
  const key = ['samtalereferater', employeeId ?? 'me'];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<{ caseStart: string | null; items: SamtaleDto[] }>(path(employeeId), undefined, signal),
  });
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
                  <div>
                    <Link href={`${API_BASE}${path(employeeId)}/${item.id}/pdf`} download>
                      {s.pdf(s.kinds[item.kind], formatDate(item.heldOn))}
                    </Link>
                  </div>
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

function SamtaleForm({ employeeId }: { employeeId: string }) {
  const { locale } = useI18n();
  const s = locale === 'en' ? samtaleEn : samtaleNb;
  const m = useDialogmoteText();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('oppfolging');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [summary, setSummary] = useState('');
  const [actions, setActions] = useState<ActionRow[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const words = findHealthWords(`${summary}\n${actions.map((a) => a.what).join('\n')}`);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await api.post<SamtaleDto>(path(employeeId), {
        kind,
        heldOn,
        summary,
        actions: toActionInput(actions),
      });
      setSummary('');
      setActions([]);
      setMessage(s.saved);
      await client.invalidateQueries({ queryKey: ['samtalereferater', employeeId] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="samtale-new">
      <VStack gap="space-12">
        <Heading level="3" size="small" id="samtale-new">
          {s.newHeading}
        </Heading>
        <Select label={s.kind} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(Object.keys(s.kinds) as Kind[]).map((k) => (
            <option key={k} value={k}>
              {s.kinds[k]}
            </option>
          ))}
        </Select>
        <DateField id="samtale-date" label={s.heldOn} value={heldOn} onChange={setHeldOn} required />
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
          <ActionRowsEditor idPrefix="samtale-new" rows={actions} onChange={setActions} />
        </Fieldset>
        {error ? <ErrorAlert error={error} /> : null}
        <SuccessMessage>{message}</SuccessMessage>
        <div>
          <Button type="submit" loading={busy}>
            {s.save}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
