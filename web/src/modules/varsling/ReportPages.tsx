/**
 * Reporting: the public anonymous page (`/varsle/:kanal`, no login), its mailbox
 * (`/varsle/:kanal/postkasse`), and the logged-in page (`/varsling`): report under one's own name or
 * anonymously, «Mine varsler», the mailbox for a receipt code, and the link to share.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  CopyButton,
  FileUpload,
  Heading,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { fieldId } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  EVIDENCE_ACCEPT,
  EVIDENCE_MAX_BYTES,
  type Mailbox,
  type Receipt,
  useAnonymousReport,
  useMailbox,
  useMyChannel,
  useMyReply,
  useMyReports,
  useNamedReport,
  usePublicChannel,
} from './api.ts';
import { Conversation, Files, fill, ReceiptCode, ReportForm, StatusTag } from './parts.tsx';

export function AnonymousReportPage() {
  const v = useT().varsling;
  const { kanal = '' } = useParams();
  const channel = usePublicChannel(kanal);
  const send = useAnonymousReport(kanal);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const mailbox = `/varsle/${kanal}/postkasse`;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{v.anonymousTitle}</PageHeading>
      {channel.isPending ? <Loading /> : null}
      {channel.isError ? (
        isApiError(channel.error) && channel.error.status === 404 ? (
          <Alert variant="warning">{v.channelNotFound}</Alert>
        ) : (
          <ErrorAlert error={channel.error} onRetry={() => void channel.refetch()} />
        )
      ) : null}
      {channel.data && receipt ? (
        <ReceiptCode
          code={receipt.receiptCode}
          mailboxLink={
            <Link as={RouterLink} to={mailbox}>
              {v.toMailbox}
            </Link>
          }
        />
      ) : null}
      {channel.data && !receipt ? (
        <>
          <BodyShort weight="semibold">{fill(v.channelOf, { org: channel.data.organisationName })}</BodyShort>
          <BodyLong>{v.intro}</BodyLong>
          <BodyLong>{v.anonymousIntro}</BodyLong>
          <Link as={RouterLink} to={mailbox}>
            {v.alreadyReported} {v.openMailboxLink}
          </Link>
          <ReportForm
            handlers={channel.data.handlers}
            submitLabel={v.sendAnonymous}
            pending={send.isPending}
            onSubmit={(input) => send.mutateAsync(input).then(setReceipt)}
          >
            <Alert variant="warning">
              <Heading level="2" size="xsmall">
                {v.codeWarningHeading}
              </Heading>
              <BodyLong>{v.codeWarning}</BodyLong>
            </Alert>
          </ReportForm>
          <BodyShort>{v.external}</BodyShort>
        </>
      ) : null}
    </VStack>
  );
}

export function MailboxPage() {
  const v = useT().varsling;
  const { kanal = '' } = useParams();
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{v.mailboxTitle}</PageHeading>
      <MailboxPanel kanal={kanal} />
      <Link as={RouterLink} to={`/varsle/${kanal}`}>
        {v.anonymousTitle}
      </Link>
    </VStack>
  );
}

/** Open a mailbox with the receipt code, read, answer. The code lives in this component's state only. */
export function MailboxPanel({ kanal, headingLevel }: { kanal: string; headingLevel?: '2' | '3' }) {
  const v = useT().varsling;
  const { open, reply, upload } = useMailbox(kanal);
  const [fileRejected, setFileRejected] = useState(false);
  const [fileSent, setFileSent] = useState(false);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [box, setBox] = useState<Mailbox | null>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const level = headingLevel ?? '2';

  const submitCode = (event: FormEvent) => {
    event.preventDefault();
    if (code.replace(/[\s-]/g, '').length !== 16) {
      setCodeError(v.codeRequired);
      document.getElementById(fieldId('code'))?.focus();
      return;
    }
    setCodeError(undefined);
    open.mutate(code, { onSuccess: (data) => setBox(data) });
  };
  const submitReply = (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    if (text.trim() === '') {
      setTextError(v.textRequired);
      document.getElementById(fieldId('svar'))?.focus();
      return;
    }
    setTextError(undefined);
    reply.mutate(
      { code, text },
      {
        onSuccess: (data) => {
          setBox(data);
          setText('');
          setSent(true);
        },
      },
    );
  };

  if (!box) {
    return (
      <form onSubmit={submitCode} noValidate>
        <VStack gap="space-16" align="start">
          <BodyLong>{v.mailboxIntro}</BodyLong>
          <TextField
            id={fieldId('code')}
            label={v.code}
            description={v.codeHelp}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={codeError}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
          />
          {open.isError ? <ErrorAlert error={open.error} /> : null}
          <Button type="submit" loading={open.isPending}>
            {v.openMailbox}
          </Button>
        </VStack>
      </form>
    );
  }
  return (
    <VStack gap="space-16">
      <dl className="varsling-dl">
        <dt>{v.status}</dt>
        <dd>
          <StatusTag status={box.status} />
        </dd>
        <dt>{v.receivedOn}</dt>
        <dd>{formatDate(box.receivedOn)}</dd>
        {box.acknowledgedOn ? (
          <>
            <dt>{v.acknowledgedOn}</dt>
            <dd>{formatDate(box.acknowledgedOn)}</dd>
          </>
        ) : null}
        {box.closedOn ? (
          <>
            <dt>{v.closedOn}</dt>
            <dd>{formatDate(box.closedOn)}</dd>
          </>
        ) : null}
      </dl>
      <Heading level={level} size="small">
        {v.messages}
      </Heading>
      <Conversation messages={box.messages} perspective="reporter" />
      <Heading level={level} size="small">
        {v.files}
      </Heading>
      <Files files={box.files} />
      {box.status !== 'avsluttet' ? (
        <VStack gap="space-8">
          <FileUpload.Dropzone
            id={fieldId('fil')}
            label={v.addFile}
            description={v.addFileHelp}
            accept={EVIDENCE_ACCEPT}
            maxSizeInBytes={EVIDENCE_MAX_BYTES}
            multiple={false}
            onSelect={(_files, { accepted, rejected }) => {
              setFileSent(false);
              setFileRejected(rejected.length > 0 && accepted.length === 0);
              const file = accepted[0];
              if (file) {
                upload.mutate(
                  { code, file },
                  {
                    onSuccess: (data) => {
                      setBox(data);
                      setFileSent(true);
                    },
                  },
                );
              }
            }}
            error={fileRejected ? v.fileRejected : undefined}
          />
          {upload.isPending ? <Loading /> : null}
          {upload.isError ? <ErrorAlert error={upload.error} /> : null}
          {fileSent ? <SuccessMessage>{v.fileSent}</SuccessMessage> : null}
        </VStack>
      ) : null}
      {box.status !== 'avsluttet' ? (
        <form onSubmit={submitReply} noValidate>
          <VStack gap="space-12" align="start">
            <Textarea
              id={fieldId('svar')}
              label={v.answer}
              value={text}
              onChange={(e) => setText(e.target.value)}
              error={textError}
              maxLength={5000}
            />
            {reply.isError ? <ErrorAlert error={reply.error} /> : null}
            {sent ? <SuccessMessage>{v.answerSent}</SuccessMessage> : null}
            <Button type="submit" loading={reply.isPending}>
              {v.sendAnswer}
            </Button>
          </VStack>
        </form>
      ) : null}
      <div>
        <Button
          variant="secondary"
          size="small"
          type="button"
          onClick={() => {
            setBox(null);
            setCode('');
            setSent(false);
          }}
        >
          {v.closeMailbox}
        </Button>
      </div>
    </VStack>
  );
}

/** `/varsling` for everyone logged in. */
export function VarslingPage() {
  const v = useT().varsling;
  const channel = useMyChannel();
  const named = useNamedReport();
  const [mode, setMode] = useState<'named' | 'anonymous'>('anonymous');
  const channelId = channel.data?.channelId ?? null;
  const anonymous = useAnonymousReport(channelId ?? '');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [namedSent, setNamedSent] = useState(false);
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{v.reportTitle}</PageHeading>
      <BodyLong>{v.intro}</BodyLong>
      {channel.isPending ? <Loading /> : null}
      {channel.isError ? <ErrorAlert error={channel.error} onRetry={() => void channel.refetch()} /> : null}
      {channel.data && channelId === null ? <Alert variant="info">{v.noChannel}</Alert> : null}
      {channel.data && channelId !== null ? (
        <>
          <PublicLink channelId={channelId} />
          {receipt ? (
            <ReceiptCode
              code={receipt.receiptCode}
              mailboxLink={<Link href="#postkasse">{v.toMailbox}</Link>}
            />
          ) : null}
          {namedSent ? <SuccessMessage>{v.namedSent}</SuccessMessage> : null}
          {!receipt ? (
            <ReportForm
              key={namedSent ? 'sent' : 'new'}
              handlers={channel.data.handlers}
              submitLabel={mode === 'anonymous' ? v.sendAnonymous : v.sendNamed}
              pending={named.isPending || anonymous.isPending}
              onSubmit={(input) =>
                mode === 'anonymous'
                  ? anonymous.mutateAsync(input).then(setReceipt)
                  : named.mutateAsync(input).then(() => setNamedSent(true))
              }
            >
              <RadioGroup
                legend={v.howToSend}
                value={mode}
                onChange={(value: 'named' | 'anonymous') => setMode(value)}
              >
                <Radio value="anonymous">{v.anonymous}</Radio>
                <Radio value="named">{v.named}</Radio>
              </RadioGroup>
              {mode === 'anonymous' ? (
                <Alert variant="warning">
                  <Heading level="2" size="xsmall">
                    {v.codeWarningHeading}
                  </Heading>
                  <BodyLong>{v.codeWarning}</BodyLong>
                </Alert>
              ) : null}
            </ReportForm>
          ) : null}
          <section id="postkasse" aria-labelledby="postkasse-heading">
            <VStack gap="space-12">
              <Heading level="2" size="medium" id="postkasse-heading">
                {v.mailboxTitle}
              </Heading>
              <MailboxPanel kanal={channelId} headingLevel="3" />
            </VStack>
          </section>
          <MyReports />
        </>
      ) : null}
      <BodyShort>{v.external}</BodyShort>
    </VStack>
  );
}

export function PublicLink({ channelId }: { channelId: string }) {
  const v = useT().varsling;
  const url = `${window.location.origin}/varsle/${channelId}`;
  return (
    <Box padding="space-16" borderRadius="8" background="neutral-soft">
      <VStack gap="space-8">
        <Heading level="2" size="xsmall">
          {v.publicLink}
        </Heading>
        <BodyShort size="small">{v.publicLinkHelp}</BodyShort>
        <HStack gap="space-8" align="center" wrap>
          <BodyShort className="varsling-text" data-testid="varslingslenke">
            {url}
          </BodyShort>
          <CopyButton copyText={url} size="small" />
        </HStack>
      </VStack>
    </Box>
  );
}

function MyReports() {
  const v = useT().varsling;
  const mine = useMyReports();
  const reply = useMyReply();
  const [texts, setTexts] = useState<Record<string, string>>({});
  return (
    <section aria-labelledby="mine-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="mine-heading">
          {v.mine}
        </Heading>
        {mine.isPending ? <Loading /> : null}
        {mine.isError ? <ErrorAlert error={mine.error} /> : null}
        {mine.data && mine.data.items.length === 0 ? <BodyShort>{v.mineEmpty}</BodyShort> : null}
        {mine.data?.items.map((item) => (
          <Box key={item.id} padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
            <VStack gap="space-12">
              <HStack gap="space-8" align="center">
                <Heading level="3" size="xsmall">
                  {fill(v.mineItem, { date: formatDate(item.receivedOn) })}
                </Heading>
                <StatusTag status={item.status} />
              </HStack>
              <Conversation messages={item.messages} perspective="reporter" />
              {item.status !== 'avsluttet' ? (
                <form
                  onSubmit={(event) => {
                    event.preventDefault();
                    const text = texts[item.id] ?? '';
                    if (text.trim() === '') return;
                    reply.mutate(
                      { id: item.id, text },
                      { onSuccess: () => setTexts((all) => ({ ...all, [item.id]: '' })) },
                    );
                  }}
                >
                  <VStack gap="space-8" align="start">
                    <Textarea
                      label={v.answer}
                      value={texts[item.id] ?? ''}
                      onChange={(e) => setTexts((all) => ({ ...all, [item.id]: e.target.value }))}
                      maxLength={5000}
                    />
                    <Button type="submit" size="small" loading={reply.isPending}>
                      {v.sendAnswer}
                    </Button>
                  </VStack>
                </form>
              ) : null}
            </VStack>
          </Box>
        ))}
        {reply.isError ? <ErrorAlert error={reply.error} /> : null}
      </VStack>
    </section>
  );
}
