/** A logged-in user without a chosen organisation: choose one, or learn whom to ask. */
import { Alert, Button, Radio, RadioGroup, VStack } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { resetAfterSessionChange, storeSession, useSession } from '../../api/session.ts';
import type { SessionResponse } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';

export function NoOrganisationPage() {
  const t = useT();
  const session = useSession();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState(session.organisations[0]?.id ?? '');
  const choose = useMutation({
    mutationFn: (organisationId: string) =>
      api.put<SessionResponse>('/session/organisation', { organisationId }),
    onSuccess: async (next) => {
      storeSession(queryClient, next);
      await resetAfterSessionChange(queryClient);
    },
  });
  return (
    <VStack gap="space-24" paddingBlock="space-24" align="start">
      <PageHeading>{t.common.appName}</PageHeading>
      {session.organisations.length === 0 ? (
        <Alert variant="info">{t.home.noOrganisation}</Alert>
      ) : (
        <VStack gap="space-16" align="start">
          <RadioGroup
            legend={t.home.chooseOrganisation}
            value={choice}
            onChange={(v: string) => setChoice(v)}
          >
            {session.organisations.map((o) => (
              <Radio key={o.id} value={o.id}>
                {o.name}
              </Radio>
            ))}
          </RadioGroup>
          {choose.isError ? <ErrorAlert error={choose.error} /> : null}
          <Button loading={choose.isPending} onClick={() => choose.mutate(choice)}>
            {t.settings.switch}
          </Button>
        </VStack>
      )}
    </VStack>
  );
}
