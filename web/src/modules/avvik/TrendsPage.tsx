/**
 * «Trender» (`/avvik/trender`): avvik per month as a chart and as a table (the table is the
 * accessible version of the chart), mean severity, days to closure and overdue tiltak — for
 * leaders (their units), the verneombud (HMS avvik of their areas), HR, admin and AMU. Injury
 * counts under 5 in a month are shown as «under 5» (k < 5), and the month's total with them.
 */
import { BodyLong, BodyShort, Table, VStack } from '@navikt/ds-react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useTrends } from './api.ts';
import { ScrollBox } from './ScrollBox.tsx';
import './avvik.css';

/** `2026-03` → `03.2026`. */
const monthLabel = (m: string) => `${m.slice(5, 7)}.${m.slice(0, 4)}`;

export function TrendsPage() {
  const { t, locale } = useI18n();
  const ta = t.avvik;
  const trends = useTrends();
  const data = trends.data;
  const number = (n: number | null) =>
    n === null ? '' : n.toLocaleString(locale === 'en' ? 'en-GB' : 'nb-NO');
  const count = (n: number | null) => (n === null ? ta.masked : String(n));
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{ta.trendsTitle}</PageHeading>
        <BodyLong>{ta.trendsIntro}</BodyLong>
      </VStack>
      {trends.isLoading ? <Loading /> : null}
      {trends.isError ? <ErrorAlert error={trends.error} onRetry={() => void trends.refetch()} /> : null}
      {data ? (
        <>
          <BodyShort weight="semibold">{ta.overdue(data.overdueTiltak)}</BodyShort>
          {data.masked ? <BodyShort>{ta.maskedNote(data.k)}</BodyShort> : null}
          <figure className="avvik-chart" aria-label={ta.chartLabel}>
            <div inert style={{ width: '100%', height: 240 }}>
              <ResponsiveContainer>
                <BarChart
                  data={data.months.map((m) => ({ month: monthLabel(m.month), total: m.total ?? 0 }))}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" tick={{ fontSize: 12 }} />
                  <YAxis allowDecimals={false} width={32} />
                  <Tooltip />
                  <Bar dataKey="total" name={ta.colTotal} fill="#0067c5" />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <figcaption>{ta.chartCaption}</figcaption>
          </figure>
          <ScrollBox label={ta.trendsCaption}>
            <Table size="small">
              <caption className="sr-only">{ta.trendsCaption}</caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{ta.colMonth}</Table.HeaderCell>
                  {data.categories.map((c) => (
                    <Table.HeaderCell key={c} scope="col" align="right">
                      {ta.categories[c]}
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell scope="col" align="right">
                    {ta.colTotal}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ta.colSeverity}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ta.colDays}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.months.map((m) => (
                  <Table.Row key={m.month}>
                    <Table.HeaderCell scope="row">{monthLabel(m.month)}</Table.HeaderCell>
                    {data.categories.map((c) => (
                      <Table.DataCell key={c} align="right">
                        {count(m.counts[c] ?? 0)}
                      </Table.DataCell>
                    ))}
                    <Table.DataCell align="right">{count(m.total)}</Table.DataCell>
                    <Table.DataCell align="right">{number(m.meanSeverity)}</Table.DataCell>
                    <Table.DataCell align="right">{number(m.meanDaysToClose)}</Table.DataCell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollBox>
        </>
      ) : null}
    </VStack>
  );
}
