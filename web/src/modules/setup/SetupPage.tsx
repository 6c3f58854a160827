/**
 * Onboarding on an empty database: create the organisation (orgnr checked with mod-11 here too)
 * and the first administrator, or load the demo company and log in as one of its users.
 */
import {
  Alert,
  BodyLong,
  Box,
  Button,
  Fieldset,
  Heading,
  HGrid,
  Table,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { isValidOrgnr, normaliseOrgnr } from '../../../../src/domain/organisasjon/orgnr.ts';
import { api } from '../../api/client.ts';
import { resetAfterSessionChange, setupKey } from '../../api/session.ts';
import type { DemoAccount, Role } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { looksLikeEmail } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useLogin } from '../auth/index.ts';

const KEYS = [
  'organisation.name',
  'organisation.orgnr',
  'admin.name',
  'admin.email',
  'admin.password',
  'passwordRepeat',
] as const;

type Form = { orgName: string; orgnr: string; name: string; email: string; password: string; repeat: string };

function SetupForm() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>({
    orgName: '',
    orgnr: '',
    name: '',
    email: '',
    password: '',
    repeat: '',
  });
  const errors = useFormErrors(KEYS);
  const setup = useMutation({
    mutationFn: (body: unknown) => api.post<{ organisationId: string }>('/setup', body),
    onSuccess: async () => {
      queryClient.setQueryData(setupKey, { needsSetup: false });
      await resetAfterSessionChange(queryClient);
      navigate('/', { replace: true });
    },
    onError: (error) => errors.setApiError(error),
  });

  const set = (key: keyof Form, fieldKey: string) => (event: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [key]: event.target.value }));
    errors.clearField(fieldKey);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const v = t.validation;
    const fields: FieldErrors = {};
    if (!form.orgName.trim()) fields['organisation.name'] = t.setup.orgNameRequired;
    if (!form.orgnr.trim()) fields['organisation.orgnr'] = v.orgnrRequired;
    else if (!isValidOrgnr(form.orgnr)) fields['organisation.orgnr'] = v.orgnrInvalid;
    if (!form.name.trim()) fields['admin.name'] = t.setup.adminNameRequired;
    if (!form.email.trim()) fields['admin.email'] = t.setup.emailRequired;
    else if (!looksLikeEmail(form.email)) fields['admin.email'] = v.emailInvalid;
    if (form.password.length < 10) fields['admin.password'] = v.passwordTooShort;
    else if (form.password !== form.repeat) fields.passwordRepeat = t.setup.passwordMismatch;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    setup.mutate({
      organisation: { name: form.orgName.trim(), orgnr: normaliseOrgnr(form.orgnr) },
      admin: { name: form.name.trim(), email: form.email.trim(), password: form.password },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="setup-form-heading">
      <VStack gap="space-24">
        <Heading level="2" size="medium" id="setup-form-heading" className="sr-only">
          {t.setup.submit}
        </Heading>
        {errors.general ? (
          <Alert variant="error" role="alert">
            {errors.general}
          </Alert>
        ) : null}
        <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
        <Fieldset legend={<span className="legend-heading">{t.setup.orgLegend}</span>}>
          <TextField
            id={fieldId('organisation.name')}
            label={t.setup.orgName}
            autoComplete="organization"
            value={form.orgName}
            onChange={set('orgName', 'organisation.name')}
            error={errors.fields['organisation.name']}
          />
          <TextField
            id={fieldId('organisation.orgnr')}
            label={t.setup.orgnr}
            description={t.setup.orgnrDescription}
            inputMode="numeric"
            autoComplete="off"
            htmlSize={14}
            value={form.orgnr}
            onChange={set('orgnr', 'organisation.orgnr')}
            error={errors.fields['organisation.orgnr']}
          />
        </Fieldset>
        <Fieldset
          legend={<span className="legend-heading">{t.setup.adminLegend}</span>}
          description={t.setup.adminDescription}
        >
          <TextField
            id={fieldId('admin.name')}
            label={t.setup.adminName}
            autoComplete="name"
            value={form.name}
            onChange={set('name', 'admin.name')}
            error={errors.fields['admin.name']}
          />
          <TextField
            id={fieldId('admin.email')}
            label={t.setup.email}
            type="email"
            autoComplete="email"
            value={form.email}
            onChange={set('email', 'admin.email')}
            error={errors.fields['admin.email']}
          />
          <TextField
            id={fieldId('admin.password')}
            label={t.setup.password}
            description={t.setup.passwordDescription}
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password', 'admin.password')}
            error={errors.fields['admin.password']}
          />
          <TextField
            id={fieldId('passwordRepeat')}
            label={t.setup.passwordRepeat}
            type="password"
            autoComplete="new-password"
            value={form.repeat}
            onChange={set('repeat', 'passwordRepeat')}
            error={errors.fields.passwordRepeat}
          />
        </Fieldset>
        <div>
          <Button type="submit" loading={setup.isPending}>
            {t.setup.submit}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

const SCOPED: readonly Role[] = ['leder', 'ansatt', 'verneombud'];

/** The demo names its accounts `leder (Hjemmetjenesten)`: show the role in the UI language, and the unit. */
function demoRoleLabel(label: string, roles: Record<Role, string>): string {
  const m = /^(\w+)\s*(?:\((.*)\))?$/.exec(label.trim());
  const key = m?.[1] as Role | undefined;
  if (!key || !(key in roles)) return label;
  const scope = m?.[2];
  return scope && SCOPED.includes(key) && /^\p{Lu}/u.test(scope) ? `${roles[key]} (${scope})` : roles[key];
}

function Demo() {
  const t = useT();
  const navigate = useNavigate();
  const login = useLogin();
  const [loggingInAs, setLoggingInAs] = useState<string | null>(null);
  const demo = useMutation({
    mutationFn: () => api.post<{ organisationId: string; accounts: DemoAccount[] }>('/setup/demo'),
  });

  const loginAs = (account: DemoAccount) => {
    setLoggingInAs(account.email);
    login.mutate(
      { email: account.email, password: account.password },
      { onSuccess: () => navigate('/', { replace: true }), onSettled: () => setLoggingInAs(null) },
    );
  };

  return (
    <Box
      background="neutral-soft"
      padding="space-24"
      borderRadius="12"
      as="section"
      aria-labelledby="demo-heading"
    >
      <VStack gap="space-16" align="start">
        <Heading level="2" size="medium" id="demo-heading">
          {t.setup.demoHeading}
        </Heading>
        {demo.data ? (
          <VStack gap="space-16" width="100%">
            <div role="status">
              <Alert variant="success">{t.setup.demoLoaded}</Alert>
            </div>
            <BodyLong>{t.setup.demoAccountsIntro}</BodyLong>
            {login.isError ? <ErrorAlert error={login.error} /> : null}
            <div className="table-scroll">
              <Table size="small">
                <caption className="sr-only">{t.setup.demoCaption}</caption>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell scope="col">{t.setup.colRole}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t.setup.colName}</Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="hide-small">
                      {t.setup.colEmail}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col" className="hide-small">
                      {t.setup.colPassword}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">
                      <span className="sr-only">{t.setup.loginAs}</span>
                    </Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {demo.data.accounts.map((account) => (
                    <Table.Row key={account.email}>
                      <Table.DataCell>{demoRoleLabel(account.role, t.roles)}</Table.DataCell>
                      <Table.DataCell>{account.name}</Table.DataCell>
                      <Table.DataCell className="hide-small">{account.email}</Table.DataCell>
                      <Table.DataCell className="hide-small">
                        <code>{account.password}</code>
                      </Table.DataCell>
                      <Table.DataCell>
                        <Button
                          size="small"
                          variant="secondary"
                          aria-label={t.setup.loginAsLabel(account.name)}
                          loading={loggingInAs === account.email}
                          onClick={() => loginAs(account)}
                        >
                          {t.setup.loginAs}
                        </Button>
                      </Table.DataCell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          </VStack>
        ) : (
          <>
            <BodyLong>{t.setup.demoIntro}</BodyLong>
            {demo.isError ? <ErrorAlert error={demo.error} /> : null}
            <Button variant="secondary" loading={demo.isPending} onClick={() => demo.mutate()}>
              {t.setup.demoButton}
            </Button>
          </>
        )}
      </VStack>
    </Box>
  );
}

export function SetupPage() {
  const t = useT();
  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <div>
        <PageHeading>{t.setup.title}</PageHeading>
        <BodyLong className="lead">{t.setup.intro}</BodyLong>
      </div>
      <HGrid columns={{ xs: 1, lg: '3fr 2fr' }} gap="space-40" align="start">
        <SetupForm />
        <Demo />
      </HGrid>
    </VStack>
  );
}
