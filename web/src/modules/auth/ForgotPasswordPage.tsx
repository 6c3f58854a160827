/** «Glemt passord?»: asks for a reset link; the answer is the same whether or not the address has an account. */
import { Alert, BodyLong, Box, Button, Link, TextField, VStack } from '@navikt/ds-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, useFormErrors } from '../../ui/form.ts';
import { looksLikeEmail } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';

const KEYS = ['email'] as const;

export function ForgotPasswordPage() {
  const t = useT();
  const tr = t.reset;
  const [email, setEmail] = useState('');
  const errors = useFormErrors(KEYS);
  const request = useMutation({
    mutationFn: (address: string) => api.post<{ accepted: true }>('/auth/password-reset', { email: address }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!looksLikeEmail(email.trim())) {
      errors.setFieldErrors({ email: tr.emailInvalid });
      return;
    }
    errors.clear();
    request.mutate(email.trim(), { onError: (error) => errors.setApiError(error) });
  };

  return (
    <Box maxWidth="28rem" paddingBlock="space-32">
      <VStack gap="space-24">
        <div>
          <PageHeading>{tr.forgotTitle}</PageHeading>
          <BodyLong>{tr.forgotIntro}</BodyLong>
        </div>
        {request.isSuccess ? (
          <div role="status">
            <Alert variant="success">{tr.sent}</Alert>
          </div>
        ) : (
          <>
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
                  label={tr.email}
                  type="email"
                  autoComplete="username"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  error={errors.fields.email}
                />
                <div>
                  <Button type="submit" loading={request.isPending}>
                    {tr.send}
                  </Button>
                </div>
              </VStack>
            </form>
          </>
        )}
        <BodyLong size="small">
          <Link as={RouterLink} to="/logg-inn">
            {tr.backToLogin}
          </Link>
        </BodyLong>
      </VStack>
    </Box>
  );
}
