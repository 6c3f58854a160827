/** Language, and (for people in several organisations, e.g. BHT) which organisation to work in. */
import { BodyShort, Button, Heading, Link, Radio, RadioGroup, VStack } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { api } from '../../api/client.ts';
import { hasAnyRole, resetAfterSessionChange, storeSession, useSession } from '../../api/session.ts';
import type { SessionResponse } from '../../api/types.ts';
import { changeLocale } from '../../app/locale-sync.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { isLocale, LOCALES } from '../../i18n/types.ts';
import { ErrorAlert, SuccessMessage } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { KatalogSettingsLink } from '../dokumenter/index.ts';
import { NotificationSettings } from '../notifications/index.ts';
import { SykefravaerSettings } from '../sykefravaer/index.ts';
import { useSsoSettings } from './SsoSettingsPage.tsx';

export function SettingsPage() {
  const { t, locale, setLocale, messagesFor } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [org, setOrg] = useState(session.organisation?.id ?? '');
  const switchOrg = useMutation({
    mutationFn: (organisationId: string) =>
      api.put<SessionResponse>('/session/organisation', { organisationId }),
    onSuccess: async (next) => {
      storeSession(queryClient, next);
      await resetAfterSessionChange(queryClient);
      setMessage(t.settings.switched(next.organisation?.name ?? ''));
    },
  });

  return (
    <VStack gap="space-32" paddingBlock="space-24" maxWidth="40rem">
      <PageHeading>{t.settings.title}</PageHeading>
      <SuccessMessage>{message}</SuccessMessage>
      <VStack gap="space-16" as="section" aria-labelledby="language-heading">
        <Heading level="2" size="medium" id="language-heading">
          {t.settings.languageHeading}
        </Heading>
        <RadioGroup
          legend={t.settings.languageLegend}
          hideLegend
          value={locale}
          onChange={(value: string) => {
            if (!isLocale(value)) return;
            void changeLocale(value, setLocale, session).then(() => {
              setMessage(messagesFor(value).settings.languageSaved);
            });
          }}
        >
          {LOCALES.map((l) => (
            <Radio key={l} value={l} lang={l}>
              {messagesFor(l).language.name}
            </Radio>
          ))}
        </RadioGroup>
      </VStack>
      <VStack gap="space-16" as="section" aria-labelledby="org-heading">
        <Heading level="2" size="medium" id="org-heading">
          {t.settings.organisationHeading}
        </Heading>
        {session.organisations.length > 1 ? (
          <>
            <RadioGroup
              legend={t.settings.organisationLegend}
              description={t.settings.organisationDescription}
              value={org}
              onChange={(v: string) => setOrg(v)}
            >
              {session.organisations.map((o) => (
                <Radio key={o.id} value={o.id}>
                  {o.name}
                </Radio>
              ))}
            </RadioGroup>
            {switchOrg.isError ? <ErrorAlert error={switchOrg.error} /> : null}
            <div>
              <Button
                variant="secondary"
                loading={switchOrg.isPending}
                disabled={org === session.organisation?.id}
                onClick={() => switchOrg.mutate(org)}
              >
                {t.settings.switch}
              </Button>
            </div>
          </>
        ) : (
          <BodyShort>{t.settings.onlyOne(session.organisation?.name ?? '')}</BodyShort>
        )}
      </VStack>
      <NotificationSettings />
      {hasAnyRole(session, 'admin', 'hr') ? <SykefravaerSettings /> : null}
      {hasAnyRole(session, 'admin', 'hr') ? (
        <div>
          <KatalogSettingsLink />
        </div>
      ) : null}
      {hasAnyRole(session, 'admin') ? <SsoSection /> : null}
      {hasAnyRole(session, 'admin') ? (
        <VStack gap="space-8" as="section" aria-labelledby="drift-heading">
          <Heading level="2" size="medium" id="drift-heading">
            {t.drift.title}
          </Heading>
          <Link as={RouterLink} to="/drift">
            {t.drift.link}
          </Link>
        </VStack>
      ) : null}
    </VStack>
  );
}

/** The administrator's way into «Innlogging med virksomhetens konto (SSO)», with whether it is on. */
function SsoSection() {
  const { t } = useI18n();
  const sso = useSsoSettings();
  const on = sso.data?.configured === true && sso.data.enabled;
  return (
    <VStack gap="space-8" as="section" aria-labelledby="sso-heading">
      <Heading level="2" size="medium" id="sso-heading">
        {t.sso.heading}
      </Heading>
      {sso.data ? (
        <BodyShort>{on ? t.sso.statusOn(sso.data.emailDomains.join(', ')) : t.sso.statusOff}</BodyShort>
      ) : null}
      <div>
        <Link as={RouterLink} to="/innstillinger/innlogging">
          {t.sso.settingsLink}
        </Link>
      </div>
    </VStack>
  );
}
