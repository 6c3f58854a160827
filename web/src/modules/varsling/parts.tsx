/**
 * Pieces the varsling pages share: the report form (the routine's questions), the conversation,
 * the status and the deadlines. User text is shown as text (React escapes it), with its line breaks.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Link,
  Radio,
  RadioGroup,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import {
  type CaseView,
  type Evidence,
  evidenceUrl,
  type Mailbox,
  type PublicChannel,
  type ReportInput,
} from './api.ts';
import './varsling.css';

/** «anbefalt», the handler's own date, or «lovkrav» — never law where it is not. */
export const ruleLabel = (
  v: { anbefalt: string; egenFrist: string; lovkrav: string },
  rule: 'anbefalt' | 'egen-frist' | 'lovkrav',
) => (rule === 'anbefalt' ? v.anbefalt : rule === 'lovkrav' ? v.lovkrav : v.egenFrist);

export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_m, key: string) => values[key] ?? '');

const REPORT_KEYS = [
  'what',
  'when',
  'where',
  'involved',
  'howKnown',
  'reportedBefore',
  'reportedBeforeTo',
  'excludeHandlerIds',
] as const;

type ReportedBefore = ReportInput['reportedBefore'];

/**
 * The report form. `children` go before the send button (e.g. the choice anonymous / named);
 * `onSubmit` returns the write's promise, whose error is mapped onto the fields.
 */
export function ReportForm({
  handlers,
  submitLabel,
  onSubmit,
  pending,
  children,
}: {
  handlers: PublicChannel['handlers'];
  submitLabel: string;
  onSubmit: (input: ReportInput) => Promise<unknown>;
  pending: boolean;
  children?: ReactNode;
}) {
  const t = useT();
  const v = t.varsling;
  const errors = useFormErrors(REPORT_KEYS);
  const [what, setWhat] = useState('');
  const [when, setWhen] = useState('');
  const [where, setWhere] = useState('');
  const [involved, setInvolved] = useState('');
  const [howKnown, setHowKnown] = useState('');
  const [reportedBefore, setReportedBefore] = useState<ReportedBefore | ''>('');
  const [reportedBeforeTo, setReportedBeforeTo] = useState('');
  const [exclude, setExclude] = useState<string[]>([]);
  const [concernsTopLeader, setConcernsTopLeader] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (what.trim() === '') fields.what = v.whatRequired;
    if (reportedBefore === '') fields.reportedBefore = v.reportedBeforeRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    onSubmit({
      what,
      when,
      where,
      involved,
      howKnown,
      reportedBefore: reportedBefore === '' ? 'vet-ikke' : reportedBefore,
      reportedBeforeTo,
      excludeHandlerIds: exclude,
      concernsTopLeader,
    }).catch((error: unknown) => errors.setApiError(error));
  };

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-24">
        <FormErrorSummary errors={errors.fields} order={REPORT_KEYS} attempt={errors.attempt} />
        {errors.general ? (
          <Alert variant="error" role="alert">
            {errors.general}
          </Alert>
        ) : null}
        <BodyShort>{v.notAboutHealth}</BodyShort>
        <Textarea
          id={fieldId('what')}
          label={v.what}
          description={v.whatHelp}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
          error={errors.fields.what}
          maxLength={10000}
          minRows={5}
        />
        <TextField
          id={fieldId('when')}
          label={v.when}
          value={when}
          onChange={(e) => setWhen(e.target.value)}
          error={errors.fields.when}
          autoComplete="off"
        />
        <TextField
          id={fieldId('where')}
          label={v.where}
          value={where}
          onChange={(e) => setWhere(e.target.value)}
          error={errors.fields.where}
          autoComplete="off"
        />
        <Textarea
          id={fieldId('involved')}
          label={v.involved}
          value={involved}
          onChange={(e) => setInvolved(e.target.value)}
          error={errors.fields.involved}
          maxLength={2000}
        />
        <Textarea
          id={fieldId('howKnown')}
          label={v.howKnown}
          value={howKnown}
          onChange={(e) => setHowKnown(e.target.value)}
          error={errors.fields.howKnown}
          maxLength={2000}
        />
        <RadioGroup
          id={fieldId('reportedBefore')}
          legend={v.reportedBefore}
          value={reportedBefore}
          onChange={(value: ReportedBefore) => setReportedBefore(value)}
          error={errors.fields.reportedBefore}
        >
          <Radio value="nei">{v.reportedBeforeNei}</Radio>
          <Radio value="ja">{v.reportedBeforeJa}</Radio>
          <Radio value="vet-ikke">{v.reportedBeforeVetIkke}</Radio>
        </RadioGroup>
        {reportedBefore === 'ja' ? (
          <TextField
            id={fieldId('reportedBeforeTo')}
            label={v.reportedBeforeTo}
            value={reportedBeforeTo}
            onChange={(e) => setReportedBeforeTo(e.target.value)}
            error={errors.fields.reportedBeforeTo}
          />
        ) : null}
        <CheckboxGroup
          id={fieldId('excludeHandlerIds')}
          legend={v.recipients}
          description={v.recipientsHelp}
          value={exclude}
          onChange={(value: string[]) => setExclude(value)}
          error={errors.fields.excludeHandlerIds}
        >
          {handlers.map((h) => (
            <Checkbox key={h.id} value={h.id}>
              {fill(v.exclude, { name: h.topLeader ? `${h.name} ${v.topLeaderMark}` : h.name })}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <Checkbox
          checked={concernsTopLeader}
          onChange={(e) => setConcernsTopLeader(e.target.checked)}
          description={v.concernsTopLeaderHelp}
        >
          {v.concernsTopLeader}
        </Checkbox>
        {children}
        <div>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

export function ReceiptCode({ code, mailboxLink }: { code: string; mailboxLink: ReactNode }) {
  const v = useT().varsling;
  return (
    <div role="status">
      <Alert variant="success">
        <VStack gap="space-12">
          <Heading level="2" size="small">
            {v.receiptHeading}
          </Heading>
          <BodyShort>{v.receiptCode}:</BodyShort>
          <BodyShort className="varsling-code" data-testid="kvitteringskode">
            {code}
          </BodyShort>
          <BodyLong>{v.receiptBody}</BodyLong>
          <BodyLong>{v.receiptFiles}</BodyLong>
          {mailboxLink}
        </VStack>
      </Alert>
    </div>
  );
}

export function StatusTag({ status }: { status: Mailbox['status'] }) {
  const v = useT().varsling;
  const label = {
    registrert: v.statusRegistrert,
    bekreftet: v.statusBekreftet,
    vurdert: v.statusVurdert,
    undersokes: v.statusUndersokes,
    avsluttet: v.statusAvsluttet,
  }[status];
  return (
    <Tag variant={status === 'avsluttet' ? 'neutral' : 'info'} size="small">
      {label}
    </Tag>
  );
}

type AnyMessage = Mailbox['messages'][number] & { authorName?: string | null };

/** The conversation, oldest first. `perspective` names the reporter «Deg» in their own mailbox. */
export function Conversation({
  messages,
  perspective,
}: {
  messages: readonly AnyMessage[];
  perspective: 'reporter' | 'handler';
}) {
  const v = useT().varsling;
  if (messages.length === 0) return <BodyShort>{v.noMessages}</BodyShort>;
  const kind = {
    melding: v.kindMelding,
    bekreftelse: v.kindBekreftelse,
    tilbakemelding: v.kindTilbakemelding,
    avslutning: v.kindAvslutning,
  };
  return (
    <ol className="varsling-list" aria-label={v.messages}>
      {messages.map((m) => {
        const who =
          m.from === 'varsler'
            ? perspective === 'reporter'
              ? v.you
              : v.fromReporter
            : (m.authorName ?? v.fromHandler);
        return (
          <li key={m.id}>
            <Box padding="space-12" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
              <VStack gap="space-4">
                <BodyShort size="small" weight="semibold">
                  {who} · {kind[m.kind]} · {formatDate(m.at)}
                </BodyShort>
                <BodyLong className="varsling-text">{m.text}</BodyLong>
              </VStack>
            </Box>
          </li>
        );
      })}
    </ol>
  );
}

/** The case's deadlines with their kind of rule: «anbefalt frist», never «lovkrav». */
export function Deadlines({ deadlines }: { deadlines: CaseView['deadlines'] }) {
  const v = useT().varsling;
  const label = {
    bekreft: v.deadlineBekreft,
    gjengjeldelse: v.deadlineGjengjeldelse,
    personvern: v.deadlinePersonvern,
    undersokelse: v.deadlineUndersokelse,
    tilbakemelding: v.deadlineTilbakemelding,
  };
  return (
    <ul className="varsling-list">
      {deadlines.map((d) => (
        <li key={`${d.kind}-${d.due}`}>
          <BodyShort>
            <strong>{label[d.kind]}</strong>: {formatDate(d.due)}{' '}
            {d.open ? (
              d.overdue ? (
                <Tag variant="error" size="xsmall">
                  {v.overdue}
                </Tag>
              ) : null
            ) : (
              <Tag variant="success" size="xsmall">
                {v.done}
              </Tag>
            )}
          </BodyShort>
          <BodyShort size="small">{ruleLabel(v, d.kindOfRule)}</BodyShort>
        </li>
      ))}
    </ul>
  );
}

/** The case's attachments; `caseId` given (a handler): each name is a download link. */
export function Files({ files, caseId }: { files: readonly Evidence[]; caseId?: string }) {
  const v = useT().varsling;
  if (files.length === 0) return <BodyShort>{v.noFiles}</BodyShort>;
  return (
    <ul className="varsling-list" aria-label={v.files}>
      {files.map((f) => (
        <li key={f.id}>
          <BodyShort>
            {caseId ? (
              <Link href={evidenceUrl(caseId, f.id)} download>
                {f.name}
              </Link>
            ) : (
              f.name
            )}{' '}
            ({formatDate(f.at)})
          </BodyShort>
        </li>
      ))}
    </ul>
  );
}
