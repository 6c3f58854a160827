/**
 * Innstillinger → Innlogging med virksomhetens konto (SSO), for the administrator: the organisation's
 * OpenID Connect provider (e.g. Microsoft Entra ID) — on/off, issuer, client ID, client secret (never
 * shown; left empty it keeps the stored one), the e-mail domains that get the button on the login
 * page, and the redirect URI to register at the provider (ADR 0019).
 */
import {
  BodyLong,
  Button,
  CopyButton,
  Heading,
  Link,
  Switch,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { SsoSettingsRequest, SsoSettingsResponse } from '../../../../src/contracts/auth/oidc.schemas.ts';
import { ApiError, api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { parseDomains } from './sso-domains.ts';

export const ssoSettingsKey = ['settings', 'sso'] as const;

export function useSsoSettings(enabled = true) {
  return useQuery({
    queryKey: ssoSettingsKey,
    queryFn: ({ signal }) => api.get<SsoSettingsResponse>('/organisation/sso', undefined, signal),
    enabled,
  });
}

const KEYS = ['enabled', 'issuer', 'clientId', 'clientSecret', 'emailDomains'] as const;

type Form = {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailDomains: string;
};

function toForm(s: SsoSettingsResponse): Form {
  return {
    // A first set-up is meant to be used: the switch starts on.
    enabled: s.configured ? s.enabled : true,
    issuer: s.issuer,
    clientId: s.clientId,
    clientSecret: '',
    emailDomains: s.emailDomains.join('\n'),
  };
}

export function SsoSettingsPage() {
  const t = useT();
  const ts = t.sso;
  const queryClient = useQueryClient();
  const settings = useSsoSettings();
  const errors = useFormErrors(KEYS);
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: SsoSettingsRequest) => api.put<SsoSettingsResponse>('/organisation/sso', body),
    onSuccess: (next) => queryClient.setQueryData(ssoSettingsKey, next),
  });
  useEffect(() => {
    if (settings.data && form === null) setForm(toForm(settings.data));
  }, [settings.data, form]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => {
    if (!form) return;
    setForm({ ...form, [key]: value });
    errors.clearField(key);
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form || !settings.data) return;
    const domains = parseDomains(form.emailDomains);
    const fields: FieldErrors = {};
    if (!form.issuer.trim()) fields.issuer = ts.issuerRequired;
    if (!form.clientId.trim()) fields.clientId = ts.clientIdRequired;
    if (!settings.data.hasClientSecret && !form.clientSecret.trim())
      fields.clientSecret = ts.clientSecretRequired;
    if (domains.length === 0) fields.emailDomains = ts.emailDomainsRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      setSaved(false);
      return;
    }
    errors.clear();
    const body: SsoSettingsRequest = {
      enabled: form.enabled,
      issuer: form.issuer.trim(),
      clientId: form.clientId.trim(),
      emailDomains: domains,
      ...(form.clientSecret.trim() ? { clientSecret: form.clientSecret.trim() } : {}),
    };
    save.mutate(body, {
      onSuccess: (next) => {
        setForm(toForm(next));
        setSaved(true);
      },
      onError: (error) => {
        setSaved(false);
        setForm({ ...form, clientSecret: '' });
        errors.setApiError(withDomainFields(error, domains, ts.domainInvalid));
      },
    });
  };

  return (
    <VStack gap="space-24" paddingBlock="space-24" maxWidth="44rem">
      <div>
        <Link as={RouterLink} to="/innstillinger">
          {t.nav.settings}
        </Link>
      </div>
      <div>
        <PageHeading>{ts.title}</PageHeading>
        <BodyLong>{ts.intro}</BodyLong>
      </div>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {settings.data && form ? (
        <>
          <VStack gap="space-12" as="section" aria-labelledby="sso-redirect-heading">
            <Heading level="2" size="small" id="sso-redirect-heading">
              {ts.redirectUri}
            </Heading>
            <BodyLong>{ts.providerSteps}</BodyLong>
            <TextField
              id="sso-redirect-uri"
              label={ts.redirectUri}
              hideLabel
              description={ts.redirectUriDescription}
              value={settings.data.redirectUri}
              readOnly
              onFocus={(e) => e.target.select()}
            />
            <div>
              <CopyButton
                copyText={settings.data.redirectUri}
                text={ts.copy}
                activeText={ts.copied}
                variant="action"
              />
            </div>
          </VStack>
          <VStack gap="space-16" as="section" aria-labelledby="sso-form-heading">
            <Heading level="2" size="small" id="sso-form-heading">
              {ts.formHeading}
            </Heading>
            <form onSubmit={submit} noValidate>
              <VStack gap="space-20">
                {saved ? <SuccessMessage>{ts.saved}</SuccessMessage> : null}
                {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
                <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
                <Switch
                  id={fieldId('enabled')}
                  checked={form.enabled}
                  description={ts.enabledDescription}
                  onChange={(e) => set('enabled', e.target.checked)}
                >
                  {ts.enabled}
                </Switch>
                <TextField
                  id={fieldId('issuer')}
                  label={ts.issuer}
                  description={ts.issuerDescription}
                  type="url"
                  autoComplete="off"
                  spellCheck={false}
                  value={form.issuer}
                  onChange={(e) => set('issuer', e.target.value)}
                  error={errors.fields.issuer}
                />
                <TextField
                  id={fieldId('clientId')}
                  label={ts.clientId}
                  description={ts.clientIdDescription}
                  autoComplete="off"
                  spellCheck={false}
                  value={form.clientId}
                  onChange={(e) => set('clientId', e.target.value)}
                  error={errors.fields.clientId}
                />
                <TextField
                  id={fieldId('clientSecret')}
                  label={ts.clientSecret}
                  description={settings.data.hasClientSecret ? ts.clientSecretStored : ts.clientSecretNew}
                  type="password"
                  autoComplete="new-password"
                  value={form.clientSecret}
                  onChange={(e) => set('clientSecret', e.target.value)}
                  error={errors.fields.clientSecret}
                />
                <Textarea
                  id={fieldId('emailDomains')}
                  label={ts.emailDomains}
                  description={ts.emailDomainsDescription}
                  minRows={2}
                  spellCheck={false}
                  value={form.emailDomains}
                  onChange={(e) => set('emailDomains', e.target.value)}
                  error={errors.fields.emailDomains}
                />
                <div>
                  <Button type="submit" loading={save.isPending}>
                    {ts.save}
                  </Button>
                </div>
              </VStack>
            </form>
          </VStack>
        </>
      ) : null}
    </VStack>
  );
}

/**
 * The API names a bad domain by its place in the list (`emailDomains.1`); the form has one field for
 * all of them, so the message goes there with the domain it is about.
 */
function withDomainFields(
  error: unknown,
  domains: readonly string[],
  label: (domain: string, message: string) => string,
): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields = error.fields.map((f) => {
    const match = /^emailDomains\.(\d+)$/.exec(f.path);
    if (!match) return f;
    const domain = domains[Number(match[1])];
    return { path: 'emailDomains', message: domain ? label(domain, f.message) : f.message };
  });
  return new ApiError(error.status, error.code, error.message, fields, error.body, error.reason);
}
