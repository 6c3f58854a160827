/**
 * «Mine rutiner» (`/mine-rutiner`, every user linked to an employee): the routines that apply to me,
 * unread first; and one routine to read and confirm (`/mine-rutiner/:id`). New employees find their
 * routines here from the first login (the front page says how many are waiting).
 */
import { BodyLong, BodyShort, Detail, Heading, HStack, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink, useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type MyRoutines, useMyRoutines, useRoutine } from './api.ts';
import { ConfirmPanel } from './ConfirmPanel.tsx';
import { ReadTag, RoutineText } from './parts.tsx';
import './rutiner.css';

type Item = MyRoutines['items'][number];

export function MineRutinerPage() {
  const { t } = useI18n();
  const tr = t.rutiner;
  const mine = useMyRoutines();
  const data = mine.data;
  const unread = data?.items.filter((i) => i.state !== 'confirmed') ?? [];
  const read = data?.items.filter((i) => i.state === 'confirmed') ?? [];
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tr.mineTitle}</PageHeading>
        <BodyLong className="rutine-measure">{tr.mineIntro}</BodyLong>
      </VStack>
      {mine.isPending ? <Loading /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {data && !data.isEmployee ? <BodyShort>{tr.mineNotEmployee}</BodyShort> : null}
      {data?.isEmployee && data.items.length === 0 ? <BodyShort>{tr.mineEmpty}</BodyShort> : null}
      {unread.length > 0 ? <MyList id="mine-unread" heading={tr.mineUnreadHeading} items={unread} /> : null}
      {read.length > 0 ? <MyList id="mine-read" heading={tr.mineReadHeading} items={read} /> : null}
    </VStack>
  );
}

function MyList({ id, heading, items }: { id: string; heading: string; items: Item[] }) {
  const { t } = useI18n();
  const tr = t.rutiner;
  return (
    <VStack as="section" gap="space-12" aria-labelledby={`${id}-heading`} className="rutine-measure">
      <Heading level="2" size="medium" id={`${id}-heading`}>
        {heading}
      </Heading>
      <ul className="rutine-list">
        {items.map((item) => (
          <li key={item.id} className="rutine-row" data-routine-id={item.id}>
            <VStack gap="space-4">
              <HStack gap="space-8" align="center" wrap>
                <Heading level="3" size="small" className="rutine-row-title">
                  <Link as={RouterLink} to={`/mine-rutiner/${item.id}`}>
                    {item.title}
                  </Link>
                </Heading>
                <ReadTag state={item.state} />
              </HStack>
              <Detail>
                {tr.categories[item.category]} ·{' '}
                {tr.versionOf(item.currentVersion, formatDate(item.publishedAt))}
                {item.state === 'confirmed' && item.confirmedAt
                  ? ` · ${tr.readOn(formatDate(item.confirmedAt))}`
                  : ''}
              </Detail>
            </VStack>
          </li>
        ))}
      </ul>
    </VStack>
  );
}

export function MinRutinePage() {
  const { t } = useI18n();
  const tr = t.rutiner;
  const { id = '' } = useParams();
  const routine = useRoutine(id);
  const data = routine.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/mine-rutiner">
          {tr.backMine}
        </Link>
      </div>
      {routine.isPending ? <Loading /> : null}
      {routine.isError ? <ErrorAlert error={routine.error} onRetry={() => void routine.refetch()} /> : null}
      {data ? (
        <VStack gap="space-24">
          <VStack gap="space-8">
            <PageHeading>{data.title}</PageHeading>
            <Detail>
              {tr.categories[data.category]} ·{' '}
              {tr.versionOf(data.currentVersion, formatDate(data.publishedAt))}
            </Detail>
          </VStack>
          <section aria-labelledby="min-rutine-text" className="rutine-text-box">
            <Heading level="2" size="medium" id="min-rutine-text" spacing>
              {tr.textHeading}
            </Heading>
            <RoutineText text={data.body} />
          </section>
          <ConfirmPanel routine={data} onReload={() => routine.refetch()} />
        </VStack>
      ) : null}
    </VStack>
  );
}
