/**
 * «Skaderegister» (`/avvik/skaderegister`): the § 5-1 register (aml § 5-1 (3): VO, BHT and AMU read
 * it). Names only for those with a need (admin, HR, the area's VO); BHT without names; AMU counts
 * per year and category only. No medical information is kept (aml § 5-1 (2)).
 */
import { BodyLong, BodyShort, Table, VStack } from '@navikt/ds-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useRegister } from './api.ts';
import { ScrollBox } from './ScrollBox.tsx';
import './avvik.css';

export function RegisterPage() {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  const register = useRegister();
  const data = register.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{ta.registerTitle}</PageHeading>
        <BodyLong>{ta.registerIntro}</BodyLong>
      </VStack>
      {register.isLoading ? <Loading /> : null}
      {register.isError ? (
        <ErrorAlert error={register.error} onRetry={() => void register.refetch()} />
      ) : null}
      {data && data.view === 'aggregates' ? <BodyShort>{ta.registerAggregates}</BodyShort> : null}
      {data && data.totals.length === 0 ? <BodyShort>{ta.registerEmpty}</BodyShort> : null}
      {data && data.view === 'aggregates' && data.totals.length > 0 ? (
        <ScrollBox label={ta.totalsCaption}>
          <Table size="small">
            <caption className="sr-only">{ta.totalsCaption}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{ta.colYear}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{ta.colCategory}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ta.colCount}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.totals.map((x) => (
                <Table.Row key={`${x.year}-${x.category}`}>
                  <Table.DataCell>{x.year}</Table.DataCell>
                  <Table.DataCell>{ta.categories[x.category]}</Table.DataCell>
                  <Table.DataCell align="right">{x.count}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
      ) : null}
      {data && data.view !== 'aggregates' && data.entries.length > 0 ? (
        <ScrollBox label={ta.registerCaption}>
          <Table size="small">
            <caption className="sr-only">{ta.registerCaption}</caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{ta.colWhen}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{ta.colCategory}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{ta.colWhere}</Table.HeaderCell>
                {data.view === 'names' ? <Table.HeaderCell scope="col">{ta.colWho}</Table.HeaderCell> : null}
                <Table.HeaderCell scope="col">{ta.colEvent}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{ta.colSerious}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.entries.map((e) => (
                <Table.Row key={e.avvikId}>
                  <Table.DataCell>{dateTime(e.occurredAt, locale)}</Table.DataCell>
                  <Table.DataCell>{ta.categories[e.category]}</Table.DataCell>
                  <Table.DataCell>{e.unitName ?? ''}</Table.DataCell>
                  {data.view === 'names' ? (
                    <Table.DataCell>{e.reporterName ?? ta.anonymousReporter}</Table.DataCell>
                  ) : null}
                  <Table.DataCell>
                    {[e.workTask, e.courseOfEvents, e.injuryDescription].filter(Boolean).join(' – ')}
                  </Table.DataCell>
                  <Table.DataCell>{e.serious ? ta.yes : ta.no}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
      ) : null}
    </VStack>
  );
}
