/**
 * Innstillinger → Varsler: e-mail on or off, and the personal iCal feed (create → the secret URL is
 * shown once with a copy button; create a new one; turn it off). The feed carries no names.
 */
import {
  Alert,
  BodyShort,
  Button,
  CopyButton,
  Heading,
  HStack,
  Switch,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { useCalendarFeed, useNotificationSettings, useNotificationSettingWrites } from './api.ts';

export function NotificationSettings() {
  const { t, locale } = useI18n();
  const tn = t.notifications;
  const settings = useNotificationSettings();
  const feed = useCalendarFeed();
  const { save, createFeed, revokeFeed } = useNotificationSettingWrites();
  const [message, setMessage] = useState<string | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const active = feed.data?.active === true;
  const pending = createFeed.isPending || revokeFeed.isPending;

  return (
    <VStack gap="space-16" as="section" aria-labelledby="nf-settings-heading">
      <Heading level="2" size="medium" id="nf-settings-heading">
        {tn.settingsHeading}
      </Heading>
      <SuccessMessage>{message}</SuccessMessage>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {settings.data ? (
        <Switch
          checked={settings.data.emailEnabled}
          description={tn.emailDescription}
          loading={save.isPending}
          onChange={(e) => {
            setMessage(null);
            save.mutate(
              { emailEnabled: e.target.checked },
              { onSuccess: () => setMessage(tn.settingsSaved) },
            );
          }}
        >
          {tn.emailLabel}
        </Switch>
      ) : null}
      <VStack gap="space-12">
        <Heading level="3" size="small">
          {tn.calendarHeading}
        </Heading>
        <BodyShort>{tn.calendarIntro}</BodyShort>
        {feed.isError ? <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} /> : null}
        {createFeed.isError ? <ErrorAlert error={createFeed.error} /> : null}
        {revokeFeed.isError ? <ErrorAlert error={revokeFeed.error} /> : null}
        {feed.data ? (
          <BodyShort weight="semibold">
            {active
              ? feed.data.createdAt
                ? tn.calendarActive(dateTime(feed.data.createdAt, locale))
                : tn.calendarActiveNoDate
              : tn.calendarNone}
          </BodyShort>
        ) : null}
        {url ? (
          <Alert variant="warning">
            <VStack gap="space-12">
              <BodyShort>{tn.calendarShownOnce}</BodyShort>
              <TextField
                label={tn.calendarUrl}
                value={url}
                readOnly
                className="nf-feed-url"
                onFocus={(e) => e.target.select()}
              />
              <div>
                <CopyButton copyText={url} text={tn.copy} activeText={tn.copied} variant="action" />
              </div>
            </VStack>
          </Alert>
        ) : null}
        {feed.data ? (
          <HStack gap="space-12" wrap>
            <Button
              type="button"
              variant="secondary"
              loading={createFeed.isPending}
              disabled={pending}
              onClick={() => {
                setMessage(null);
                createFeed.mutate(undefined, { onSuccess: (created) => setUrl(created.url ?? null) });
              }}
            >
              {active ? tn.calendarRegenerate : tn.calendarCreate}
            </Button>
            {active ? (
              <Button
                type="button"
                variant="tertiary"
                loading={revokeFeed.isPending}
                disabled={pending}
                onClick={() =>
                  revokeFeed.mutate(undefined, {
                    onSuccess: () => {
                      setUrl(null);
                      setMessage(tn.calendarRevoked);
                    },
                  })
                }
              >
                {tn.calendarRevoke}
              </Button>
            ) : null}
          </HStack>
        ) : null}
        {active && !url ? <BodyShort size="small">{tn.calendarRegenerateHint}</BodyShort> : null}
      </VStack>
    </VStack>
  );
}
