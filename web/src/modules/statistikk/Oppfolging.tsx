/**
 * ★ «Oppfølging innen fristen» on the statistics page: of the sick-leave cases whose oppfølgingsplan
 * (aml § 4-6 (3): 4 weeks) or dialogmøte 1 (aml § 4-6 (4): 7 weeks) fell due in the last four
 * quarters, the share done in time — per unit and for the organisation, masked by the server below
 * 5 persons. A bar chart (hidden from screen readers) followed by a table of the same numbers.
 */
import { BodyLong, BodyShort, Heading, Table, Tag } from '@navikt/ds-react';
import { lazy, Suspense } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { type KpiFigures, type KpiUnit, type OppfolgingView, useOppfolging } from './api.ts';
import type { SeriesPoint } from './charts.tsx';
import { formatPercent, shortQuarter } from './format.ts';
import { ScrollTable } from './ScrollTable.tsx';

const KpiBarChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.KpiBarChart })));

type Shown = Extract<KpiFigures, { masked: false }>;
const shown = (g: KpiFigures | KpiUnit | null | undefined): Shown | null =>
  g === null || g === undefined || g.masked ? null : g;

interface Row {
  key: string;
  name: string;
  plan: KpiFigures | KpiUnit;
  dm1: KpiFigures | KpiUnit;
}

function rowsOf(view: OppfolgingView, organisation: string): Row[] {
  const { oppfolgingsplan, dialogmote1 } = view.rolling;
  const rows: Row[] = [];
  if (oppfolgingsplan.organisation && dialogmote1.organisation) {
    rows.push({
      key: 'org',
      name: organisation,
      plan: oppfolgingsplan.organisation,
      dm1: dialogmote1.organisation,
    });
  }
  oppfolgingsplan.units.forEach((u, i) => {
    const d = dialogmote1.units[i];
    if (d) rows.push({ key: u.unitId, name: u.name, plan: u, dm1: d });
  });
  return rows;
}

function Cell({ group }: { group: KpiFigures | KpiUnit }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const s = shown(group);
  if (s === null) {
    return (
      <Table.DataCell>
        <Tag size="small" variant="neutral">
          {group.masked && group.maskReason === 'complementary' ? ts.hiddenComplementary : ts.hidden(5)}
        </Tag>
      </Table.DataCell>
    );
  }
  return (
    <Table.DataCell align="right">
      {formatPercent(s.percent, locale)}{' '}
      <span className="statistikk-sub">({ts.kpiOf(s.inTime, s.cases)})</span>
    </Table.DataCell>
  );
}

export function Oppfolging({ quarter }: { quarter: string | null }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const query = useOppfolging(quarter);
  const view = query.data;
  const period = view
    ? `${shortQuarter(view.rolling.quarters[0] ?? '', locale)}–${shortQuarter(view.rolling.quarters.at(-1) ?? '', locale)}`
    : '';
  const rows = view ? rowsOf(view, ts.organisation) : [];
  const data: SeriesPoint[] = rows
    .filter((r) => shown(r.plan) || shown(r.dm1))
    .map((r) => ({
      label: r.name,
      plan: shown(r.plan)?.percent ?? null,
      dialogmote1: shown(r.dm1)?.percent ?? null,
    }));
  return (
    <section aria-labelledby="statistikk-kpi" className="statistikk-section">
      <Heading level="2" size="medium" id="statistikk-kpi" spacing>
        {ts.kpiHeading}
      </Heading>
      <BodyLong className="statistikk-measure" spacing>
        {ts.kpiIntro}
      </BodyLong>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : null}
      {view ? (
        <>
          <figure className="statistikk-figure">
            <figcaption>
              <BodyShort size="small">{ts.kpiCaption(period)}</BodyShort>
            </figcaption>
            {data.length > 0 ? (
              <Suspense fallback={null}>
                <KpiBarChart data={data} plan={ts.kpiPlan} dialogmote1={ts.kpiDm1} />
              </Suspense>
            ) : (
              <BodyShort>{ts.kpiNothingShown}</BodyShort>
            )}
          </figure>
          <ScrollTable label={ts.kpiHeading}>
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{ts.unit}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.kpiPlan}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.kpiDm1}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {rows.map((r) => (
                  <Table.Row key={r.key}>
                    <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
                    <Cell group={r.plan} />
                    <Cell group={r.dm1} />
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
          <BodyShort size="small" className="statistikk-note">
            {ts.kpiRules(view.weeks.oppfolgingsplan, view.weeks.dialogmote1)}
          </BodyShort>
        </>
      ) : null}
    </section>
  );
}
