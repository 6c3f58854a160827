/**
 * One version of a routine's text (`/internkontroll/rutiner/:id/versjoner/:version`): what the
 * routine said then, who published it and what changed. Plain text, never HTML.
 */
import { Alert, BodyShort, Detail, Heading, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink, useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useRoutineVersion } from './api.ts';
import { RoutineText } from './parts.tsx';
import './rutiner.css';

export function RutineVersionPage() {
  const { id = '', version = '' } = useParams();
  // Anything but a positive whole number is asked for as 0, and the API answers that it is invalid.
  const number = /^\d{1,7}$/.test(version) ? Number(version) : 0;
  return <VersionView id={id} version={number} />;
}

function VersionView({ id, version }: { id: string; version: number }) {
  const { t, locale } = useI18n();
  const tr = t.rutiner;
  const query = useRoutineVersion(id, version);
  const data = query.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to={`/internkontroll/rutiner/${id}`}>
          {tr.toCurrent}
        </Link>
      </div>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {data ? (
        <VStack gap="space-16">
          <PageHeading>{tr.versionTitle(data.title, data.version)}</PageHeading>
          <Detail>{tr.publishedBy(dateTime(data.publishedAt, locale), data.publishedBy)}</Detail>
          {data.changeNote ? (
            <BodyShort>
              {tr.changeNoteLabel}: {data.changeNote}
            </BodyShort>
          ) : null}
          {data.current ? null : (
            <Alert variant="info" className="rutine-measure">
              {tr.oldVersionNotice}
            </Alert>
          )}
          <section aria-labelledby="rutine-version-text" className="rutine-text-box">
            <Heading level="2" size="medium" id="rutine-version-text" spacing>
              {tr.textHeading}
            </Heading>
            <RoutineText text={data.body} />
          </section>
        </VStack>
      ) : null}
    </VStack>
  );
}
