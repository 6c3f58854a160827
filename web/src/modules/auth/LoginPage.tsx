import { Alert, BodyLong, Box, Button, Heading, Link, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate } from 'react-router';
import { sessionNotices } from '../../api/session.ts';
import type { SessionResponse } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { emailDomain } from './email-domain.ts';
import { useLogin, useSecondFactorLogin, useSsoLookup, useSsoStart } from './useLogin.ts';

const KEYS = ['email', 'password'] as const;
const CODE_KEYS = ['code', 'recoveryCode'] as const;

/** Where to go after logging in: the security page when strangers have tried the account, else back. */
function destination(session: SessionResponse, from: string | undefined, loggedOut: boolean): string {
  if ((session.security?.failedLogins ?? 0) > 0) return '/min-side/sikkerhet';
  return !loggedOut && typeof from === 'string' ? from : '/';
}

export function LoginPage() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as { from?: string } | null;
  const [loggedOut] = useState(() => sessionNotices.loggedOut);
  // The notice lasts as long as this page: the next visit to the login page starts afresh.
  useEffect(
    () => () => {
      sessionNotices.loggedOut = false;
    },
    [],
  );
  const [email, setEmail] = useState('');
  // The address as it was when the person left the field: whether its domain has single sign-on.
  const [lookedUp, setLookedUp] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const errors = useFormErrors(KEYS);
  const login = useLogin();

  const done = (session: SessionResponse) =>
    navigate(destination(session, state?.from, loggedOut), { replace: true });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!email.trim()) fields.email = t.login.emailRequired;
    if (!password) fields.password = t.login.passwordRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    login.mutate(
      { email: email.trim(), password },
      {
        // After an explicit logout, the next person starts on the front page, not on the last page of the previous one.
        onSuccess: (session) => {
          if (session.secondFactorPending) {
            setPassword('');
            setStep('code');
            return;
          }
          void done(session);
        },
        onError: (error) => {
          errors.setApiError(error);
          setPassword('');
        },
      },
    );
  };

  if (step === 'code') {
    return <SecondStep onDone={done} onRestart={() => setStep('password')} />;
  }

  return (
    <Box maxWidth="28rem" paddingBlock="space-32">
      <VStack gap="space-24">
        <div>
          <PageHeading>{t.login.title}</PageHeading>
          <BodyLong>{t.login.intro}</BodyLong>
        </div>
        {loggedOut && !login.isError && !errors.hasErrors ? (
          <div role="status">
            <Alert variant="info">{t.login.loggedOut}</Alert>
          </div>
        ) : null}
        {errors.general ? (
          <Alert variant="error" role="alert">
            {errors.general}
          </Alert>
        ) : null}
        <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
        <form onSubmit={submit} noValidate>
          <VStack gap="space-20">
            <TextField
              id={fieldId('email')}
              label={t.login.email}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              onBlur={() => setLookedUp(email)}
              error={errors.fields.email}
            />
            <TextField
              id={fieldId('password')}
              label={t.login.password}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.fields.password}
            />
            <div>
              <Button type="submit" loading={login.isPending}>
                {t.login.submit}
              </Button>
            </div>
          </VStack>
        </form>
        <SsoChoice email={email} lookedUp={lookedUp} />
        <BodyLong size="small">
          <Link as={RouterLink} to="/glemt-passord">
            {t.login.forgot}
          </Link>
        </BodyLong>
      </VStack>
    </Box>
  );
}

/**
 * «Logg inn med virksomhetens konto» (ADR 0019), when the domain of the address typed has its
 * organisation's login: one button per organisation offering it. In a live region, so a screen reader
 * hears it appear after leaving the e-mail field.
 */
function SsoChoice({ email, lookedUp }: { email: string; lookedUp: string }) {
  const t = useT();
  const lookup = useSsoLookup(lookedUp);
  const start = useSsoStart();
  const [chosen, setChosen] = useState<string | null>(null);
  const domain = emailDomain(email);
  const organisations =
    domain !== null && domain === emailDomain(lookedUp) ? (lookup.data?.organisations ?? []) : [];
  return (
    <div aria-live="polite">
      {organisations.length > 0 ? (
        <VStack gap="space-12" as="section" aria-labelledby="sso-login-heading">
          <Heading level="2" size="small" id="sso-login-heading">
            {t.login.ssoHeading}
          </Heading>
          <BodyLong>{t.login.ssoIntro}</BodyLong>
          {start.isError ? (
            <Alert variant="error" role="alert">
              {start.error.message}
            </Alert>
          ) : null}
          {organisations.map((o) => (
            <div key={o.id}>
              <Button
                type="button"
                variant="secondary"
                loading={start.isPending && chosen === o.id}
                onClick={() => {
                  setChosen(o.id);
                  start.mutate({ organisationId: o.id, email: email.trim() });
                }}
              >
                {o.name ? t.login.ssoButtonFor(o.name) : t.login.ssoButton}
              </Button>
            </div>
          ))}
        </VStack>
      ) : null}
    </div>
  );
}

/** The second step: the 6-digit code from the authenticator app, or one of the recovery codes. */
function SecondStep({
  onDone,
  onRestart,
}: {
  onDone: (session: SessionResponse) => void;
  onRestart: () => void;
}) {
  const t = useT();
  const tl = t.login;
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const errors = useFormErrors(CODE_KEYS);
  const verify = useSecondFactorLogin();
  const key = useRecovery ? 'recoveryCode' : 'code';
  const field = useRef<HTMLInputElement>(null);
  // The code field takes focus when the step opens and when the kind of code changes.
  useEffect(() => field.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      errors.setFieldErrors({ [key]: useRecovery ? tl.recoveryRequired : tl.codeRequired });
      return;
    }
    errors.clear();
    verify.mutate(useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') }, {
      onSuccess: onDone,
      onError: (error) => {
        errors.setApiError(error);
        setValue('');
      },
    });
  };
  const expired = errors.apiError?.status === 401;

  return (
    <Box maxWidth="28rem" paddingBlock="space-32">
      <VStack gap="space-24">
        <div>
          <PageHeading>{tl.secondStepTitle}</PageHeading>
          <BodyLong>{useRecovery ? tl.recoveryIntro : tl.codeIntro}</BodyLong>
        </div>
        {errors.general ? (
          <Alert variant="error" role="alert">
            {errors.general}
          </Alert>
        ) : null}
        <FormErrorSummary errors={errors.fields} order={CODE_KEYS} attempt={errors.attempt} />
        {expired ? (
          <div>
            <Button type="button" variant="secondary" onClick={onRestart}>
              {tl.restart}
            </Button>
          </div>
        ) : (
          <form onSubmit={submit} noValidate>
            <VStack gap="space-20">
              <TextField
                ref={field}
                id={fieldId(key)}
                label={useRecovery ? tl.recoveryCode : tl.code}
                autoComplete="one-time-code"
                inputMode={useRecovery ? 'text' : 'numeric'}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                error={errors.fields[key]}
                htmlSize={useRecovery ? 16 : 8}
              />
              <div>
                <Button type="submit" loading={verify.isPending}>
                  {tl.verify}
                </Button>
              </div>
            </VStack>
          </form>
        )}
        <div>
          <Button
            type="button"
            variant="tertiary"
            size="small"
            onClick={() => {
              setUseRecovery(!useRecovery);
              setValue('');
              errors.clear();
              setTimeout(() => field.current?.focus(), 0);
            }}
          >
            {useRecovery ? tl.useApp : tl.useRecovery}
          </Button>
        </div>
      </VStack>
    </Box>
  );
}
