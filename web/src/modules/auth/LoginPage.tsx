import { Alert, BodyLong, Box, Button, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { sessionNotices } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useLogin } from './useLogin.ts';

const KEYS = ['email', 'password'] as const;

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
  const [password, setPassword] = useState('');
  const errors = useFormErrors(KEYS);
  const login = useLogin();

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
        onSuccess: () =>
          navigate(!loggedOut && typeof state?.from === 'string' ? state.from : '/', { replace: true }),
        onError: (error) => {
          errors.setApiError(error);
          setPassword('');
        },
      },
    );
  };

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
        <BodyLong size="small">{t.login.forgot}</BodyLong>
      </VStack>
    </Box>
  );
}
