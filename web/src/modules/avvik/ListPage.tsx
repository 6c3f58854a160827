/**
 * «Avvik» (`/avvik`): my own reports, and — for the unit's leader, HR, admin and the area's
 * verneombud — the reports to handle or read. Each opens the avvik's page.
 */
import { Alert, BodyShort, Button, Detail, Heading, HStack, Link, Tag, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type AvvikListItem, useAvvikList } from './api.ts';
import { useOutbox } from './outbox.ts';
import './avvik.css';

function Items({ items, empty }: { items: AvvikListItem[]; empty: string }) {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  if (items.length === 0) return <BodyShort>{empty}</BodyShort>;
  return (
    <ul className="avvik-list">
      {items.map((a) => (
        <li key={a.id} data-avvik={a.id}>
          <VStack gap="space-4">
            <HStack gap="space-8" align="center" wrap>
              <Link as={RouterLink} to={`/avvik/${a.id}`}>
                {ta.categories[a.category]}
              </Link>
              <Tag
                size="small"
                variant={a.status === 'lukket' ? 'success' : a.status === 'ny' ? 'warning' : 'info'}
              >
                {ta.statuses[a.status]}
              </Tag>
              {a.severity !== null ? <Detail>{ta.severityShort(a.severity)}</Detail> : null}
            </HStack>
            <BodyShort size="small" className="avvik-clamp">
              {a.description}
            </BodyShort>
            <Detail>
              {[
                ta.occurred(dateTime(a.occurredAt, locale)),
                a.unitName,
                a.openTiltak > 0 ? ta.openTiltak(a.openTiltak) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Detail>
          </VStack>
        </li>
      ))}
    </ul>
  );
}

/** The pages read so far, and «Vis flere» while the server has more. */
function Paged({ list, empty }: { list: ReturnType<typeof useAvvikList>; empty: string }) {
  const { t } = useI18n();
  const items = (list.data?.pages ?? []).flatMap((p) => p.items);
  return (
    <VStack gap="space-12" align="start">
      {items.length > 0 || !list.hasNextPage ? <Items items={items} empty={empty} /> : null}
      {list.hasNextPage ? (
        <Button
          variant="secondary"
          loading={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t.avvik.showMore}
        </Button>
      ) : null}
    </VStack>
  );
}

export function ListPage() {
  const { t } = useI18n();
  const ta = t.avvik;
  const session = useSession();
  const handles = hasAnyRole(session, 'admin', 'hr', 'leder', 'verneombud');
  const mine = useAvvikList('mine');
  const outbox = useOutbox(session.user?.id ?? null, session.organisation?.id ?? null);
  const handle = useAvvikList('handle', handles);
  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <HStack justify="space-between" align="center" gap="space-16" wrap>
        <PageHeading>{ta.listTitle}</PageHeading>
        <ButtonLink to="/avvik/ny">{t.nav.avvikMeld}</ButtonLink>
      </HStack>
      {outbox.pending > 0 ? (
        <Alert variant="info" role="status">
          {ta.waiting(outbox.pending)}
        </Alert>
      ) : null}
      {handles ? (
        <VStack gap="space-12" as="section" aria-labelledby="avvik-handle-heading">
          <Heading level="2" size="medium" id="avvik-handle-heading">
            {ta.handle}
          </Heading>
          {handle.isLoading ? <Loading /> : null}
          {handle.isError ? <ErrorAlert error={handle.error} onRetry={() => void handle.refetch()} /> : null}
          {handle.data ? <Paged list={handle} empty={ta.noneHandle} /> : null}
        </VStack>
      ) : null}
      <VStack gap="space-12" as="section" aria-labelledby="avvik-mine-heading">
        <Heading level="2" size="medium" id="avvik-mine-heading">
          {ta.mine}
        </Heading>
        {mine.isLoading ? <Loading /> : null}
        {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
        {mine.data ? <Paged list={mine} empty={ta.noneMine} /> : null}
      </VStack>
    </VStack>
  );
}
