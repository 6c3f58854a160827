/** Invitations to other organisations, accepted or declined by the account's owner (issue 11 item 4). */
import { BodyLong, BodyShort, Box, Button, Heading, HStack, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { type Invitation, useAccountMutation, useInvitations } from './api.ts';

export function Invitations() {
  const t = useT();
  const tm = t.me;
  const invitations = useInvitations();
  const [message, setMessage] = useState<string | null>(null);
  const answer = useAccountMutation((input: { invitation: Invitation; accept: boolean }) => {
    const url = `/me/invitations/${input.invitation.organisationId}/${input.invitation.id}`;
    return input.accept ? api.post(`${url}/accept`) : api.del(url);
  });
  const items = invitations.data ?? [];
  if (items.length === 0 && !message) return null;
  return (
    <VStack gap="space-16" as="section" aria-labelledby="invitations-heading">
      <Heading level="2" size="medium" id="invitations-heading">
        {tm.invitationsHeading}
      </Heading>
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {answer.isError ? <ErrorAlert error={answer.error} /> : null}
      {items.length > 0 ? <BodyLong>{tm.invitationsIntro}</BodyLong> : null}
      {items.map((inv) => (
        <Box key={inv.id} padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
          <VStack gap="space-8" align="start">
            <Heading level="3" size="small">
              {inv.organisationName}
            </Heading>
            <BodyShort>
              {tm.invitationRoles}:{' '}
              {inv.roles.map((r) => (r in t.roles ? t.roles[r as keyof typeof t.roles] : r)).join(', ')}
            </BodyShort>
            <BodyShort size="small">{tm.invitationFrom(formatDate(inv.createdAt.slice(0, 10)))}</BodyShort>
            <HStack gap="space-8">
              <Button
                type="button"
                size="small"
                aria-label={tm.acceptLabel(inv.organisationName)}
                loading={
                  answer.isPending && answer.variables?.invitation.id === inv.id && answer.variables.accept
                }
                onClick={() =>
                  answer.mutate(
                    { invitation: inv, accept: true },
                    { onSuccess: () => setMessage(tm.accepted(inv.organisationName)) },
                  )
                }
              >
                {tm.accept}
              </Button>
              <Button
                type="button"
                size="small"
                variant="secondary"
                aria-label={tm.declineLabel(inv.organisationName)}
                onClick={() =>
                  answer.mutate(
                    { invitation: inv, accept: false },
                    { onSuccess: () => setMessage(tm.declined(inv.organisationName)) },
                  )
                }
              >
                {tm.decline}
              </Button>
            </HStack>
          </VStack>
        </Box>
      ))}
    </VStack>
  );
}
