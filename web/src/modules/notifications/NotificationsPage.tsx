/**
 * Varsler (`/varsler`): the inbox — reminders about deadlines and notices that it is the user's
 * turn in a document (no names in e-mails, but the app shows where they lead), mark one or all as read — and the user's own reminders ("Påminn meg").
 */
import { CheckmarkIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Detail, HStack, Link, Tag, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { appPath, useInbox, useInboxWrites } from './api.ts';
import { RemindersPanel } from './RemindersPanel.tsx';
import './notifications.css';

export function NotificationsPage() {
  const { t, locale } = useI18n();
  const tn = t.notifications;
  const inbox = useInbox();
  const { markRead, markAll } = useInboxWrites();
  const [message, setMessage] = useState<string | null>(null);
  const items = inbox.data?.items ?? [];
  const unread = items.filter((n) => !n.read).length;

  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <VStack gap="space-16">
        <div>
          <PageHeading>{tn.title}</PageHeading>
          <BodyShort className="lead">{tn.intro}</BodyShort>
        </div>
        <SuccessMessage>{message}</SuccessMessage>
        {inbox.isPending ? <Loading /> : null}
        {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
        {markRead.isError ? <ErrorAlert error={markRead.error} /> : null}
        {markAll.isError ? <ErrorAlert error={markAll.error} /> : null}
        {inbox.data && items.length === 0 ? <BodyShort>{tn.empty}</BodyShort> : null}
        {unread > 0 ? (
          <div>
            <Button
              type="button"
              variant="secondary"
              size="small"
              icon={<CheckmarkIcon aria-hidden />}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onSuccess: () => setMessage(tn.allRead) })}
            >
              {tn.markAllRead}
            </Button>
          </div>
        ) : null}
        {items.length > 0 ? (
          <ul className="nf-list" aria-label={tn.listCaption}>
            {items.map((n) => {
              const to = appPath(n.link);
              return (
                <li key={n.id} className="nf-item" data-unread={!n.read}>
                  <VStack gap="space-4" style={{ flex: '1 1 20rem' }}>
                    <HStack gap="space-8" align="center" wrap>
                      {!n.read ? (
                        <Tag size="xsmall" variant="moderate" data-color="info">
                          {tn.unread}
                        </Tag>
                      ) : null}
                      <BodyShort weight="semibold">{n.title}</BodyShort>
                    </HStack>
                    {n.body ? <BodyShort>{n.body}</BodyShort> : null}
                    <Detail>{dateTime(n.createdAt, locale)}</Detail>
                  </VStack>
                  <HStack gap="space-8" align="center" wrap>
                    {to ? (
                      <Link
                        as={RouterLink}
                        to={to}
                        onClick={() => {
                          if (!n.read) markRead.mutate(n.id);
                        }}
                      >
                        {tn.open}
                        <span className="sr-only">: {n.title}</span>
                      </Link>
                    ) : null}
                    {!n.read ? (
                      <Button
                        type="button"
                        size="small"
                        variant="tertiary"
                        aria-label={tn.markReadLabel(n.title)}
                        loading={markRead.isPending && markRead.variables === n.id}
                        onClick={() => markRead.mutate(n.id)}
                      >
                        {tn.markRead}
                      </Button>
                    ) : null}
                  </HStack>
                </li>
              );
            })}
          </ul>
        ) : null}
      </VStack>
      <RemindersPanel />
    </VStack>
  );
}
