/** The organisation's name and organisasjonsnummer; administrators can change them. */
import { BodyShort, Button, Heading, Label, TextField, VStack } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { isValidOrgnr, normaliseOrgnr } from '../../../../src/domain/organisasjon/orgnr.ts';
import { api } from '../../api/client.ts';
import { sessionKey } from '../../api/session.ts';
import type { Organisation } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { formatOrgnr } from '../../ui/format.ts';
import { organisationKey, useOrganisation } from './api.ts';

const KEYS = ['name', 'orgnr'] as const;

function DetailsForm({ organisation }: { organisation: Organisation }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [name, setName] = useState(organisation.name);
  const [orgnr, setOrgnr] = useState(formatOrgnr(organisation.orgnr));
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(KEYS);
  const save = useMutation({
    mutationFn: () =>
      api.put<Organisation>('/organisation', { name: name.trim(), orgnr: normaliseOrgnr(orgnr) }),
    onSuccess: async (next) => {
      queryClient.setQueryData(organisationKey, next);
      await queryClient.invalidateQueries({ queryKey: sessionKey });
      setOrgnr(formatOrgnr(next.orgnr));
      setSaved(true);
    },
    onError: (error) => errors.setApiError(error),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const fields: FieldErrors = {};
    if (!name.trim()) fields.name = t.organisation.orgNameRequired;
    if (!orgnr.trim()) fields.orgnr = t.validation.orgnrRequired;
    else if (!isValidOrgnr(orgnr)) fields.orgnr = t.validation.orgnrInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-16" maxWidth="32rem">
        {saved ? <SuccessMessage>{t.organisation.detailsSaved}</SuccessMessage> : null}
        {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
        <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
        <TextField
          id={fieldId('name')}
          label={t.organisation.orgName}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <TextField
          id={fieldId('orgnr')}
          label={t.organisation.orgnr}
          inputMode="numeric"
          htmlSize={14}
          value={orgnr}
          onChange={(e) => setOrgnr(e.target.value)}
          error={errors.fields.orgnr}
        />
        <div>
          <Button type="submit" loading={save.isPending}>
            {t.organisation.detailsSave}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

export function DetailsPanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const organisation = useOrganisation();
  return (
    <VStack gap="space-16">
      <Heading level="2" size="medium">
        {t.organisation.detailsHeading}
      </Heading>
      {organisation.isPending ? <Loading /> : null}
      {organisation.isError ? (
        <ErrorAlert error={organisation.error} onRetry={() => void organisation.refetch()} />
      ) : null}
      {organisation.data && canEdit ? <DetailsForm organisation={organisation.data} /> : null}
      {organisation.data && !canEdit ? (
        <VStack gap="space-12">
          <div>
            <Label as="p">{t.organisation.orgName}</Label>
            <BodyShort>{organisation.data.name}</BodyShort>
          </div>
          <div>
            <Label as="p">{t.organisation.orgnr}</Label>
            <BodyShort>{formatOrgnr(organisation.data.orgnr)}</BodyShort>
          </div>
          <BodyShort size="small">{t.organisation.detailsReadOnly}</BodyShort>
        </VStack>
      ) : null}
    </VStack>
  );
}
