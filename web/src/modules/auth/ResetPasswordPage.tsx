/**
 * The page the reset e-mail links to (`/nytt-passord#<token>`): the token travels in the fragment, so
 * it never reaches a server log or a Referer header; it is read once and removed from the address bar.
 */
import { Alert, BodyLong, Box, Button, Link, TextField, VStack } from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';

const KEYS = ['token', 'newPassword', 'repeat'] as const;

function takeToken(): string {
  const token = window.location.hash.replace(/^#/, '');
  if (token) window.history.replaceState(window.history.state, '', window.location.pathname);
  return token;
}

export function ResetPasswordPage() {
  const t = useT();
  const tr = t.reset;
  const [token] = useState(takeToken);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const errors = useFormErrors(KEYS);
  const confirm = useMutation({
    mutationFn: (newPassword: string) =>
      api.post<{ ok: true }>('/auth/password-reset/confirm', { token, newPassword }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (password.length < 10) fields.newPassword = tr.tooShort;
    else if (password !== repeat) fields.repeat = tr.mismatch;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    confirm.mutate(password, { onError: (error) => errors.setApiError(error) });
  };

  return (
    <Box maxWidth="28rem" paddingBlock="space-32">
      <VStack gap="space-24">
        <div>
          <PageHeading>{tr.resetTitle}</PageHeading>
          <BodyLong>{tr.resetIntro}</BodyLong>
        </div>
        {confirm.isSuccess ? (
          <div role="status">
            <Alert variant="success">{tr.done}</Alert>
          </div>
        ) : !token ? (
          <Alert variant="warning">{tr.noToken}</Alert>
        ) : (
          <>
            {errors.general ? (
              <Alert variant="error" role="alert">
                {errors.general}
              </Alert>
            ) : null}
            {errors.fields.token ? (
              <Alert variant="error" role="alert">
                {errors.fields.token}
              </Alert>
            ) : null}
            <FormErrorSummary
              errors={Object.fromEntries(Object.entries(errors.fields).filter(([k]) => k !== 'token'))}
              order={KEYS}
              attempt={errors.attempt}
            />
            <form onSubmit={submit} noValidate>
              <VStack gap="space-20">
                <TextField
                  id={fieldId('newPassword')}
                  label={tr.newPassword}
                  description={tr.policy}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  error={errors.fields.newPassword}
                />
                <TextField
                  id={fieldId('repeat')}
                  label={tr.repeat}
                  type="password"
                  autoComplete="new-password"
                  value={repeat}
                  onChange={(e) => setRepeat(e.target.value)}
                  error={errors.fields.repeat}
                />
                <div>
                  <Button type="submit" loading={confirm.isPending}>
                    {tr.save}
                  </Button>
                </div>
              </VStack>
            </form>
          </>
        )}
        <BodyLong size="small">
          <Link as={RouterLink} to={confirm.isSuccess ? '/logg-inn' : '/glemt-passord'}>
            {confirm.isSuccess ? tr.toLogin : tr.askAgain}
          </Link>
        </BodyLong>
      </VStack>
    </Box>
  );
}
