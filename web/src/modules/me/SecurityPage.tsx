/**
 * «Sikkerhet og innlogging» on Min side: failed logins by others, two-step login with an
 * authenticator app (QR code and key, recovery codes shown once), the password, and the own
 * sessions. Admin and HR are sent here first when two-step login is required (ADR 0016).
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Heading,
  HStack,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  type Enrolment,
  useAccountMutation,
  useFailedLogins,
  useSecondFactorStatus,
  useSessions,
} from './api.ts';

export function SecurityPage() {
  const t = useT();
  const ts = t.security;
  const session = useSession();
  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <div>
        <PageHeading>{ts.title}</PageHeading>
        <BodyLong>{ts.intro}</BodyLong>
      </div>
      {session.security?.secondFactorRequired ? <Alert variant="warning">{ts.requiredNotice}</Alert> : null}
      {(session.security?.failedLogins ?? 0) > 0 ? <FailedLoginsNotice /> : null}
      <SecondFactorSection />
      {session.security?.secondFactorRequired ? null : (
        <>
          <PasswordSection />
          <SessionsSection />
        </>
      )}
    </VStack>
  );
}

/** Failed logins to this account from elsewhere since the owner last looked (issue 11 item 5). */
export function FailedLoginsNotice() {
  const t = useT();
  const ts = t.security;
  const { locale } = useI18n();
  const list = useFailedLogins(true);
  const seen = useAccountMutation(() => api.post('/me/failed-logins/seen'));
  const items = list.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert variant="warning">
      <VStack gap="space-12" align="start">
        <Heading level="2" size="small">
          {ts.failedHeading(items.length)}
        </Heading>
        <BodyShort>{ts.failedBody}</BodyShort>
        <ul>
          {items.slice(0, 10).map((f) => (
            <li key={`${f.at}-${f.ipPrefix}`}>
              {dateTime(f.at, locale)} — {f.ipPrefix || ts.unknownNetwork}
            </li>
          ))}
        </ul>
        <Button
          type="button"
          size="small"
          variant="secondary"
          loading={seen.isPending}
          onClick={() => seen.mutate(undefined)}
        >
          {ts.failedSeen}
        </Button>
      </VStack>
    </Alert>
  );
}

function SecondFactorSection() {
  const t = useT();
  const ts = t.security;
  const status = useSecondFactorStatus();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<{ codes: string[]; message: string } | null>(null);
  // One of the two password-and-code forms at a time (they share the field ids).
  const [action, setAction] = useState<'codes' | 'disable' | null>(null);
  const start = useAccountMutation(() => api.post<Enrolment>('/me/second-factor/enrolment'));

  return (
    <VStack gap="space-16" as="section" aria-labelledby="second-factor-heading">
      <Heading level="2" size="medium" id="second-factor-heading">
        {ts.secondFactorHeading}
      </Heading>
      {status.isLoading ? <Loading /> : null}
      {status.isError ? <ErrorAlert error={status.error} /> : null}
      {codes ? (
        <RecoveryCodes codes={codes.codes} message={codes.message} onDone={() => setCodes(null)} />
      ) : enrolment ? (
        <ConfirmEnrolment
          enrolment={enrolment}
          onConfirmed={(recovery) => {
            setEnrolment(null);
            setCodes({ codes: recovery, message: ts.enabled });
          }}
        />
      ) : status.data?.enabled ? (
        <>
          <HStack gap="space-8" align="center">
            <Tag variant="success" size="small">
              {ts.on}
            </Tag>
            <BodyShort>{ts.codesLeft(status.data.recoveryCodesLeft)}</BodyShort>
          </HStack>
          <PasswordAndCodeForm
            url="/me/second-factor/recovery-codes"
            open={ts.newCodes}
            intro={ts.newCodesIntro}
            submit={ts.newCodesConfirm}
            variant="primary"
            isOpen={action === 'codes'}
            onOpen={() => setAction('codes')}
            onClose={() => setAction(null)}
            onDone={(reply) => setCodes({ codes: reply.recoveryCodes ?? [], message: ts.newCodesMade })}
          />
          <PasswordAndCodeForm
            url="/me/second-factor/disable"
            open={ts.disable}
            intro={ts.disableIntro}
            submit={ts.disableConfirm}
            variant="danger"
            isOpen={action === 'disable'}
            onOpen={() => setAction('disable')}
            onClose={() => setAction(null)}
          />
        </>
      ) : status.data ? (
        <VStack gap="space-12" align="start">
          <BodyLong>{ts.offIntro}</BodyLong>
          {start.isError ? <ErrorAlert error={start.error} /> : null}
          <Button
            type="button"
            loading={start.isPending}
            onClick={() => start.mutate(undefined, { onSuccess: setEnrolment })}
          >
            {ts.start}
          </Button>
        </VStack>
      ) : null}
    </VStack>
  );
}

const CONFIRM_KEYS = ['code'] as const;

function ConfirmEnrolment({
  enrolment,
  onConfirmed,
}: {
  enrolment: Enrolment;
  onConfirmed: (codes: string[]) => void;
}) {
  const t = useT();
  const ts = t.security;
  const [code, setCode] = useState('');
  const errors = useFormErrors(CONFIRM_KEYS);
  const confirm = useAccountMutation((input: { code: string }) =>
    api.post<{ recoveryCodes: string[] }>('/me/second-factor/confirm', input),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const clean = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(clean)) {
      errors.setFieldErrors({ code: ts.codeInvalid });
      return;
    }
    errors.clear();
    confirm.mutate(
      { code: clean },
      { onSuccess: (r) => onConfirmed(r.recoveryCodes), onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <VStack gap="space-16">
      <ol>
        <li>{ts.step1}</li>
        <li>{ts.step2}</li>
        <li>{ts.step3}</li>
      </ol>
      {/* The QR code keeps its white background in dark mode too, so any camera reads it. */}
      <div style={{ background: '#fff', padding: '0.5rem', width: 'fit-content', borderRadius: '8px' }}>
        <img src={enrolment.qrSvg} alt={ts.qrAlt} width={200} height={200} />
      </div>
      <div>
        <BodyShort weight="semibold" id="manual-key-label">
          {ts.manualKey}
        </BodyShort>
        <BodyShort
          aria-labelledby="manual-key-label"
          style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
        >
          {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
        </BodyShort>
      </div>
      {errors.general ? (
        <Alert variant="error" role="alert">
          {errors.general}
        </Alert>
      ) : null}
      <FormErrorSummary errors={errors.fields} order={CONFIRM_KEYS} attempt={errors.attempt} />
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16" align="start">
          <TextField
            id={fieldId('code')}
            label={ts.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            htmlSize={8}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.fields.code}
          />
          <Button type="submit" loading={confirm.isPending}>
            {ts.confirm}
          </Button>
        </VStack>
      </form>
    </VStack>
  );
}

function RecoveryCodes({ codes, message, onDone }: { codes: string[]; message: string; onDone: () => void }) {
  const t = useT();
  const ts = t.security;
  return (
    <VStack gap="space-16" align="start">
      <SuccessMessage>{message}</SuccessMessage>
      <Heading level="3" size="small">
        {ts.recoveryHeading}
      </Heading>
      <BodyLong>{ts.recoveryBody}</BodyLong>
      <ul
        aria-label={ts.recoveryHeading}
        style={{ fontFamily: 'monospace', columns: 2, paddingInlineStart: '1.5rem' }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Button type="button" variant="secondary" onClick={onDone}>
        {ts.recoverySaved}
      </Button>
    </VStack>
  );
}

const PASSWORD_AND_CODE_KEYS = ['password', 'code'] as const;

/**
 * An action on the second factor that needs the password and a code from the app (turn it off, make
 * new recovery codes): a button that opens the form.
 */
function PasswordAndCodeForm(props: {
  url: string;
  open: string;
  intro: string;
  submit: string;
  variant: 'primary' | 'danger';
  isOpen: boolean;
  onOpen: () => void;
  onClose: () => void;
  onDone?: (reply: { recoveryCodes?: string[] }) => void;
}) {
  const t = useT();
  const ts = t.security;
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const errors = useFormErrors(PASSWORD_AND_CODE_KEYS);
  const action = useAccountMutation((input: { password: string; code: string }) =>
    api.post<{ recoveryCodes?: string[] }>(props.url, input),
  );
  if (!props.isOpen) {
    return (
      <div>
        <Button type="button" variant="secondary" size="small" onClick={props.onOpen}>
          {props.open}
        </Button>
      </div>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!password) fields.password = ts.passwordRequired;
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) fields.code = ts.codeInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    action.mutate(
      { password, code: code.replace(/\s/g, '') },
      {
        onSuccess: (reply) => {
          props.onClose();
          setPassword('');
          setCode('');
          props.onDone?.(reply);
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };
  return (
    <VStack gap="space-12">
      <BodyLong>{props.intro}</BodyLong>
      {errors.general ? (
        <Alert variant="error" role="alert">
          {errors.general}
        </Alert>
      ) : null}
      <FormErrorSummary errors={errors.fields} order={PASSWORD_AND_CODE_KEYS} attempt={errors.attempt} />
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16" align="start">
          <TextField
            id={fieldId('password')}
            label={ts.yourPassword}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.fields.password}
          />
          <TextField
            id={fieldId('code')}
            label={ts.code}
            inputMode="numeric"
            autoComplete="one-time-code"
            htmlSize={8}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={errors.fields.code}
          />
          <HStack gap="space-8">
            <Button type="submit" variant={props.variant} loading={action.isPending}>
              {props.submit}
            </Button>
            <Button type="button" variant="tertiary" onClick={props.onClose}>
              {t.common.cancel}
            </Button>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}

const PASSWORD_KEYS = ['currentPassword', 'newPassword', 'repeat'] as const;

function PasswordSection() {
  const t = useT();
  const ts = t.security;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(PASSWORD_KEYS);
  const change = useAccountMutation((input: { currentPassword: string; newPassword: string }) =>
    api.put('/me/password', input),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const fields: FieldErrors = {};
    if (!current) fields.currentPassword = ts.passwordRequired;
    if (next.length < 10) fields.newPassword = ts.tooShort;
    else if (next !== repeat) fields.repeat = ts.mismatch;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setSaved(true);
          setCurrent('');
          setNext('');
          setRepeat('');
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };
  return (
    <VStack gap="space-16" as="section" aria-labelledby="password-heading">
      <Heading level="2" size="medium" id="password-heading">
        {ts.passwordHeading}
      </Heading>
      {saved ? <SuccessMessage>{ts.passwordChanged}</SuccessMessage> : null}
      {errors.general ? (
        <Alert variant="error" role="alert">
          {errors.general}
        </Alert>
      ) : null}
      <FormErrorSummary errors={errors.fields} order={PASSWORD_KEYS} attempt={errors.attempt} />
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16" align="start" maxWidth="28rem">
          <TextField
            id={fieldId('currentPassword')}
            label={ts.currentPassword}
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            error={errors.fields.currentPassword}
          />
          <TextField
            id={fieldId('newPassword')}
            label={ts.newPassword}
            description={ts.policy}
            type="password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.target.value)}
            error={errors.fields.newPassword}
          />
          <TextField
            id={fieldId('repeat')}
            label={ts.repeat}
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
            error={errors.fields.repeat}
          />
          <Button type="submit" loading={change.isPending}>
            {ts.changePassword}
          </Button>
        </VStack>
      </form>
    </VStack>
  );
}

function SessionsSection() {
  const t = useT();
  const ts = t.security;
  const { locale } = useI18n();
  const sessions = useSessions();
  const [message, setMessage] = useState<string | null>(null);
  const end = useAccountMutation((id: string) => api.del(`/me/sessions/${encodeURIComponent(id)}`));
  const endOthers = useAccountMutation(() => api.post('/me/sessions/end-others'));
  const others = (sessions.data ?? []).filter((s) => !s.current).length;
  return (
    <VStack gap="space-16" as="section" aria-labelledby="sessions-heading">
      <Heading level="2" size="medium" id="sessions-heading">
        {ts.sessionsHeading}
      </Heading>
      <BodyLong>{ts.sessionsIntro}</BodyLong>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {sessions.isLoading ? <Loading /> : null}
      {sessions.isError ? <ErrorAlert error={sessions.error} /> : null}
      {end.isError ? <ErrorAlert error={end.error} /> : null}
      <ul
        aria-labelledby="sessions-heading"
        style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '0.75rem' }}
      >
        {(sessions.data ?? []).map((s) => (
          <li key={s.id}>
            <Box padding="space-12" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
              <VStack gap="space-4" align="start">
                <HStack gap="space-8" align="center">
                  <BodyShort weight="semibold">{s.userAgent || ts.unknownBrowser}</BodyShort>
                  {s.current ? (
                    <Tag variant="info" size="xsmall">
                      {ts.thisDevice}
                    </Tag>
                  ) : null}
                </HStack>
                <BodyShort size="small">
                  {ts.network}: {s.ipPrefix || ts.unknownNetwork}
                </BodyShort>
                <BodyShort size="small">
                  {ts.started} {dateTime(s.createdAt, locale)} · {ts.lastUsed}{' '}
                  {dateTime(s.lastUsedAt, locale)}
                </BodyShort>
                {s.current ? null : (
                  <Button
                    type="button"
                    size="small"
                    variant="secondary"
                    loading={end.isPending && end.variables === s.id}
                    onClick={() => end.mutate(s.id, { onSuccess: () => setMessage(ts.ended) })}
                  >
                    {ts.end}
                    <span className="sr-only">
                      {' '}
                      {s.userAgent || ts.unknownBrowser}, {dateTime(s.createdAt, locale)}
                    </span>
                  </Button>
                )}
              </VStack>
            </Box>
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <div>
          <Button
            type="button"
            variant="secondary"
            loading={endOthers.isPending}
            onClick={() => endOthers.mutate(undefined, { onSuccess: () => setMessage(ts.endedOthers) })}
          >
            {ts.endOthers}
          </Button>
        </div>
      ) : null}
    </VStack>
  );
}
