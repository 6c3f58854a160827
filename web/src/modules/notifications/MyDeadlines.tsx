/**
 * The HMS part of "Mine oppgaver": every open deadline outside the sick-leave follow-up that this
 * user is responsible for (the reminders' rule) — handlingsplan measures, årshjul activities,
 * routine reviews, expiring training, terms of office — overdue or due within 14 days, each with a
 * link to where it is done.
 */
import { BodyShort, Detail, Heading, Link, Table, Tag, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { appPath, type MyDeadlineItem, useMyDeadlines } from './api.ts';

const STATE_COLOR: Record<MyDeadlineItem['state'], 'danger' | 'warning' | 'info'> = {
  overdue: 'danger',
  'due-today': 'warning',
  upcoming: 'info',
};

export function MyDeadlines({ headingLevel = '2' }: { headingLevel?: '2' | '3' }) {
  const t = useT().notifications;
  const list = useMyDeadlines();
  const items = list.data?.items ?? [];
  return (
    <VStack gap="space-12" as="section" aria-labelledby="my-deadlines-heading">
      <Heading level={headingLevel} size="medium" id="my-deadlines-heading">
        {t.myDeadlinesHeading}
      </Heading>
      <BodyShort>{t.myDeadlinesIntro}</BodyShort>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? <BodyShort>{t.myDeadlinesEmpty}</BodyShort> : null}
      {items.length > 0 ? (
        <Table aria-busy={list.isFetching} data-testid="my-deadlines">
          <caption className="sr-only">{t.myDeadlinesCaption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{t.colDue}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t.colWhat}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {items.map((d) => {
              const path = appPath(d.link);
              const what = d.detail ? `${d.title}: ${d.detail}` : d.title;
              return (
                <Table.Row
                  key={`${d.source}|${d.link}|${d.due}|${what}`}
                  data-source={d.source}
                  data-state={d.state}
                >
                  <Table.DataCell>
                    <VStack gap="space-4" align="start">
                      <span>{formatDate(d.due)}</span>
                      <Tag variant="moderate" size="small" data-color={STATE_COLOR[d.state]}>
                        {t.deadlineStates[d.state]}
                      </Tag>
                    </VStack>
                  </Table.DataCell>
                  <Table.DataCell>
                    {path ? (
                      <Link as={RouterLink} to={path} aria-label={t.openDeadline(what)}>
                        {d.title}
                      </Link>
                    ) : (
                      <BodyShort size="small" weight="semibold">
                        {d.title}
                      </BodyShort>
                    )}
                    {d.detail ? <BodyShort size="small">{d.detail}</BodyShort> : null}
                    <Detail>{d.area}</Detail>
                  </Table.DataCell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      ) : null}
    </VStack>
  );
}
