/**
 * «Mottakere og lenke» (`/varsling/innstillinger`, admin/HR): who receives reports (only they can
 * open a case), which of them is the top leader, the public link, and the cases without content
 * (that they exist and their deadlines).
 */
import { BodyLong, BodyShort, Button, Checkbox, CheckboxGroup, Heading, VStack } from '@navikt/ds-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { fieldId } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useOverview, useSaveHandlers, useSettings } from './api.ts';
import { Deadlines, StatusTag } from './parts.tsx';
import { PublicLink } from './ReportPages.tsx';

export function SettingsPage() {
  const v = useT().varsling;
  const settings = useSettings();
  const save = useSaveHandlers();
  const overview = useOverview();
  const [handlers, setHandlers] = useState<string[]>([]);
  const [topLeaders, setTopLeaders] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const loaded = settings.data;
  useEffect(() => {
    if (loaded) {
      setHandlers(loaded.handlers.map((h) => h.userId));
      setTopLeaders(loaded.handlers.filter((h) => h.topLeader).map((h) => h.userId));
    }
  }, [loaded]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.mutate(
      handlers.map((userId) => ({ userId, topLeader: topLeaders.includes(userId) })),
      { onSuccess: () => setSaved(true) },
    );
  };
  const nameOf = (id: string) => loaded?.candidates.find((c) => c.userId === id)?.name ?? id;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{v.settingsTitle}</PageHeading>
      <BodyLong>{v.settingsIntro}</BodyLong>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      {loaded ? (
        <>
          {loaded.channelId && loaded.handlers.length > 0 ? (
            <PublicLink channelId={loaded.channelId} />
          ) : (
            <BodyShort>{v.noLinkYet}</BodyShort>
          )}
          <form onSubmit={submit} noValidate>
            <VStack gap="space-16" align="start">
              <CheckboxGroup
                id={fieldId('handlers')}
                legend={v.handler}
                value={handlers}
                onChange={(value: string[]) => {
                  setHandlers(value);
                  setTopLeaders((tl) => tl.filter((id) => value.includes(id)));
                }}
              >
                {loaded.candidates.map((c) => (
                  <Checkbox key={c.userId} value={c.userId}>
                    {c.name}
                  </Checkbox>
                ))}
              </CheckboxGroup>
              {handlers.length > 0 ? (
                <CheckboxGroup
                  legend={v.topLeader}
                  description={v.topLeaderHelp}
                  value={topLeaders}
                  onChange={(value: string[]) => setTopLeaders(value)}
                >
                  {handlers.map((id) => (
                    <Checkbox key={id} value={id}>
                      {nameOf(id)}
                    </Checkbox>
                  ))}
                </CheckboxGroup>
              ) : null}
              {save.isError ? <ErrorAlert error={save.error} /> : null}
              {saved ? <SuccessMessage>{v.handlersSaved}</SuccessMessage> : null}
              <Button type="submit" loading={save.isPending}>
                {v.saveHandlers}
              </Button>
            </VStack>
          </form>
        </>
      ) : null}
      <section aria-labelledby="oversikt">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="oversikt">
            {v.overview}
          </Heading>
          <BodyShort size="small">{v.overviewHelp}</BodyShort>
          {overview.isError ? <ErrorAlert error={overview.error} /> : null}
          {overview.data && overview.data.items.length === 0 ? (
            <BodyShort>{v.overviewEmpty}</BodyShort>
          ) : null}
          <ul className="varsling-list">
            {overview.data?.items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the overview carries no case ids on purpose; it is only replaced whole
              <li key={`${item.receivedOn}-${i}`}>
                <VStack gap="space-4">
                  <BodyShort weight="semibold">
                    {v.receivedOn} {formatDate(item.receivedOn)} <StatusTag status={item.status} />
                  </BodyShort>
                  <Deadlines deadlines={item.deadlines} />
                </VStack>
              </li>
            ))}
          </ul>
        </VStack>
      </section>
    </VStack>
  );
}
