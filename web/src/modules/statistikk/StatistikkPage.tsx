/**
 * «Sykefraværsstatistikk» (`/statistikk`): the rate by SSB's and NAV's definitions for a quarter and
 * the rolling four quarters, by quarter (line), by unit (bars) and short vs long term (stacked),
 * each chart followed by a table of the same numbers. Groups of fewer than 5 persons — and the
 * groups that would reveal them — are masked by the server for everyone; the page says so and why.
 * Also ★ oppfølging innen fristen (`Oppfolging.tsx`) and NAV's published rates beside the own rate
 * (`Benchmark.tsx`, where admin and HR import them). Admin and HR also set the daily cost behind the
 * cost estimate.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Heading,
  HGrid,
  HStack,
  ReadMore,
  Select,
  Table,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, lazy, Suspense, useEffect, useId, useState } from 'react';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  type Group,
  type QuarterBlock,
  type StatistikkView,
  type UnitGroup,
  useSaveDailyCost,
  useStatistikk,
  useStatistikkSettings,
} from './api.ts';
import { Benchmark } from './Benchmark.tsx';
import type { SeriesPoint } from './charts.tsx';
import { formatDagsverk, formatKroner, formatPercent, formatQuarter, shortQuarter } from './format.ts';
import { Oppfolging } from './Oppfolging.tsx';
import { ScrollTable } from './ScrollTable.tsx';
import './statistikk.css';

// The charts (recharts) load in their own chunk when the page is opened, not with the app.
const RateLineChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.RateLineChart })));
const UnitBarChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.UnitBarChart })));
const ShortLongChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.ShortLongChart })));

type Shown = Extract<Group, { masked: false }>;
const shownOf = (g: Group | UnitGroup | null | undefined): Shown | null =>
  g === null || g === undefined || g.masked ? null : g;

/** A leader's top unit: the first of their units whose parent they do not see. */
function topUnit(units: readonly UnitGroup[]): UnitGroup | null {
  const ids = new Set(units.map((u) => u.unitId));
  return units.find((u) => u.parentId === null || !ids.has(u.parentId)) ?? null;
}

/** The group the history charts follow: the organisation, or a leader's top unit. */
function mainGroup(
  view: StatistikkView,
  block: QuarterBlock | StatistikkView['rolling'],
): Group | UnitGroup | null {
  return view.scope === 'organisation' ? block.organisation : topUnit(block.units);
}

function mainName(view: StatistikkView, organisation: string): string {
  if (view.scope === 'organisation') return organisation;
  return topUnit(view.quarters.at(-1)?.units ?? [])?.name ?? organisation;
}

function Masked({ group }: { group: Group | UnitGroup }) {
  const { t } = useI18n();
  const ts = t.statistikk;
  if (!group.masked) return null;
  return (
    <Tag size="small" variant="neutral">
      {group.maskReason === 'population' ? ts.hidden(5) : ts.hiddenComplementary}
    </Tag>
  );
}

function KeyFigures({ view, block }: { view: StatistikkView; block: QuarterBlock }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const group = mainGroup(view, block);
  const rollingGroup = mainGroup(view, view.rolling);
  const shown = shownOf(group);
  const rolling = shownOf(rollingGroup);
  const headingId = useId();
  const daily = formatKroner(view.dailyCost.amount, locale);
  return (
    <Box as="section" aria-labelledby={headingId} padding="space-16" borderWidth="1" borderRadius="8">
      <Heading level="2" size="medium" id={headingId} spacing>
        {ts.keyFiguresFor(formatQuarter(block.quarter, locale))} — {mainName(view, ts.organisation)}
      </Heading>
      {group?.masked ? <Masked group={group} /> : null}
      {shown ? (
        <HGrid as="dl" columns={{ xs: 1, sm: 2, md: 3 }} gap="space-16" className="statistikk-figures">
          <div>
            <dt>{ts.total}</dt>
            <dd className="statistikk-big">{formatPercent(shown.prosent.total, locale)}</dd>
          </div>
          <div>
            <dt>{ts.legemeldt}</dt>
            <dd>{formatPercent(shown.prosent.legemeldt, locale)}</dd>
          </div>
          <div>
            <dt>{ts.egenmeldt}</dt>
            <dd>{formatPercent(shown.prosent.egenmeldt, locale)}</dd>
          </div>
          <div>
            <dt>{ts.korttid}</dt>
            <dd>{formatPercent(shown.prosent.korttid, locale)}</dd>
          </div>
          <div>
            <dt>{ts.langtid}</dt>
            <dd>{formatPercent(shown.prosent.langtid, locale)}</dd>
          </div>
          <div>
            <dt>
              {ts.rolling(
                shortQuarter(view.rolling.quarters[0] ?? '', locale),
                shortQuarter(block.quarter, locale),
              )}
            </dt>
            <dd>{rolling ? formatPercent(rolling.prosent.total, locale) : ts.hidden(5)}</dd>
          </div>
          <div>
            <dt>{ts.tapteDagsverk}</dt>
            <dd>
              {formatDagsverk(shown.tapteDagsverk.total, locale)} /{' '}
              {formatDagsverk(shown.avtalteDagsverk, locale)}
            </dd>
          </div>
          <div>
            <dt>{ts.population}</dt>
            <dd>{shown.population}</dd>
          </div>
          <div>
            <dt>{ts.cost}</dt>
            <dd>
              {formatKroner(shown.estimatedCost, locale)}
              <BodyShort size="small" className="statistikk-note">
                {ts.costExplained(daily)}{' '}
                {view.dailyCost.isDefault ? ts.costDefault(formatKroner(17_000, locale), daily) : ts.costOwn}
              </BodyShort>
            </dd>
          </div>
        </HGrid>
      ) : null}
    </Box>
  );
}

function ByQuarter({ view }: { view: StatistikkView }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const name = mainName(view, ts.organisation);
  const rows = view.quarters.map((q) => ({ q, g: mainGroup(view, q) }));
  const data: SeriesPoint[] = rows.map(({ q, g }) => {
    const s = shownOf(g);
    return {
      label: shortQuarter(q.quarter, locale),
      total: s?.prosent.total ?? null,
      legemeldt: s?.prosent.legemeldt ?? null,
      korttid: s?.prosent.korttid ?? null,
      langtid: s?.prosent.langtid ?? null,
    };
  });
  return (
    <>
      <section aria-labelledby="statistikk-by-quarter" className="statistikk-section">
        <Heading level="2" size="medium" id="statistikk-by-quarter" spacing>
          {ts.byQuarterHeading}
        </Heading>
        <figure className="statistikk-figure">
          <figcaption>
            <BodyShort size="small">{ts.byQuarterCaption(name)}</BodyShort>
          </figcaption>
          <Suspense fallback={null}>
            <RateLineChart
              data={data}
              series={[
                { key: 'total', name: ts.total },
                { key: 'legemeldt', name: ts.legemeldt },
              ]}
            />
          </Suspense>
        </figure>
        <ScrollTable label={ts.byQuarterHeading}>
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{ts.quarter}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ts.total}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ts.legemeldt}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ts.egenmeldt}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ts.population}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map(({ q, g }) => {
                const s = shownOf(g);
                return (
                  <Table.Row key={q.quarter}>
                    <Table.HeaderCell scope="row">
                      {formatQuarter(q.quarter, locale)}
                      {q.preliminary ? ` (${ts.preliminary.toLowerCase()})` : ''}
                    </Table.HeaderCell>
                    {s ? (
                      <>
                        <Table.DataCell align="right">
                          {formatPercent(s.prosent.total, locale)}
                        </Table.DataCell>
                        <Table.DataCell align="right">
                          {formatPercent(s.prosent.legemeldt, locale)}
                        </Table.DataCell>
                        <Table.DataCell align="right">
                          {formatPercent(s.prosent.egenmeldt, locale)}
                        </Table.DataCell>
                        <Table.DataCell align="right">{s.population}</Table.DataCell>
                      </>
                    ) : (
                      <Table.DataCell colSpan={4}>{g ? <Masked group={g} /> : ts.noData}</Table.DataCell>
                    )}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollTable>
      </section>

      <section aria-labelledby="statistikk-short-long" className="statistikk-section">
        <Heading level="2" size="medium" id="statistikk-short-long" spacing>
          {ts.shortLongHeading}
        </Heading>
        <figure className="statistikk-figure">
          <figcaption>
            <BodyShort size="small">{ts.shortLongCaption(name)}</BodyShort>
          </figcaption>
          <Suspense fallback={null}>
            <ShortLongChart data={data} korttid={ts.korttid} langtid={ts.langtid} />
          </Suspense>
        </figure>
        <ScrollTable label={ts.shortLongHeading}>
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{ts.quarter}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ts.korttid}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ts.langtid}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ts.tapteDagsverk}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rows.map(({ q, g }) => {
                const s = shownOf(g);
                return (
                  <Table.Row key={q.quarter}>
                    <Table.HeaderCell scope="row">{formatQuarter(q.quarter, locale)}</Table.HeaderCell>
                    {s ? (
                      <>
                        <Table.DataCell align="right">
                          {formatPercent(s.prosent.korttid, locale)}
                        </Table.DataCell>
                        <Table.DataCell align="right">
                          {formatPercent(s.prosent.langtid, locale)}
                        </Table.DataCell>
                        <Table.DataCell align="right">
                          {formatDagsverk(s.tapteDagsverk.total, locale)}
                        </Table.DataCell>
                      </>
                    ) : (
                      <Table.DataCell colSpan={3}>{g ? <Masked group={g} /> : ts.noData}</Table.DataCell>
                    )}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </ScrollTable>
      </section>
    </>
  );
}

function ByUnit({ view, block }: { view: StatistikkView; block: QuarterBlock }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const names = new Map(block.units.map((u) => [u.unitId, u.name]));
  const data: SeriesPoint[] = block.units
    .filter((u) => !u.masked)
    .map((u) => ({ label: u.name, total: shownOf(u)?.prosent.total ?? null }));
  const org = shownOf(block.organisation);
  return (
    <section aria-labelledby="statistikk-by-unit" className="statistikk-section">
      <Heading level="2" size="medium" id="statistikk-by-unit" spacing>
        {ts.byUnitHeading}
      </Heading>
      {block.units.length === 0 ? (
        <BodyShort>{ts.noUnits}</BodyShort>
      ) : (
        <>
          <figure className="statistikk-figure">
            <figcaption>
              <BodyShort size="small">{ts.byUnitCaption(formatQuarter(block.quarter, locale))}</BodyShort>
            </figcaption>
            <Suspense fallback={null}>
              <UnitBarChart data={data} name={ts.total} />
            </Suspense>
          </figure>
          <ScrollTable label={ts.byUnitHeading}>
            <Table size="small">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{ts.unit}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.population}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.total}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.legemeldt}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.egenmeldt}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.korttid}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.langtid}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" align="right">
                    {ts.cost}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {org ? <UnitRow name={ts.organisation} sub={null} group={org} /> : null}
                {block.units.map((u) => (
                  <UnitRow
                    key={u.unitId}
                    name={u.name}
                    sub={u.parentId === null ? null : (names.get(u.parentId) ?? null)}
                    group={u}
                  />
                ))}
              </Table.Body>
            </Table>
          </ScrollTable>
        </>
      )}
      {view.scope === 'units' ? <BodyShort className="statistikk-note">{ts.scopeUnits}</BodyShort> : null}
    </section>
  );
}

function UnitRow({ name, sub, group }: { name: string; sub: string | null; group: Group | UnitGroup }) {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const s = shownOf(group);
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">
        {name}
        {sub ? <span className="statistikk-sub"> ({ts.under(sub)})</span> : null}
      </Table.HeaderCell>
      {s ? (
        <>
          <Table.DataCell align="right">{s.population}</Table.DataCell>
          <Table.DataCell align="right">{formatPercent(s.prosent.total, locale)}</Table.DataCell>
          <Table.DataCell align="right">{formatPercent(s.prosent.legemeldt, locale)}</Table.DataCell>
          <Table.DataCell align="right">{formatPercent(s.prosent.egenmeldt, locale)}</Table.DataCell>
          <Table.DataCell align="right">{formatPercent(s.prosent.korttid, locale)}</Table.DataCell>
          <Table.DataCell align="right">{formatPercent(s.prosent.langtid, locale)}</Table.DataCell>
          <Table.DataCell align="right">{formatKroner(s.estimatedCost, locale)}</Table.DataCell>
        </>
      ) : (
        <Table.DataCell colSpan={7}>
          <Masked group={group} />
        </Table.DataCell>
      )}
    </Table.Row>
  );
}

const COST_KEYS = ['dailyCost'] as const;

function DailyCostForm() {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const settings = useStatistikkSettings(true);
  const save = useSaveDailyCost();
  const errors = useFormErrors(COST_KEYS);
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  const current = settings.data?.dailyCost;
  useEffect(() => {
    if (current) setValue(current.isDefault ? '' : String(current.amount));
  }, [current]);

  const submit = (dailyCost: number | null) => {
    setSaved(false);
    errors.clear();
    save.mutate(
      { dailyCost },
      {
        onSuccess: () => setSaved(true),
        onError: (error) => errors.setApiError(error),
      },
    );
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const text = value.replace(/\s/g, '');
    if (text === '') return submit(null);
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > 1_000_000) {
      setSaved(false);
      errors.setFieldErrors({ dailyCost: ts.dailyCostInvalid });
      return;
    }
    submit(n);
  };

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <section aria-labelledby="statistikk-cost" className="statistikk-section">
      <Heading level="2" size="medium" id="statistikk-cost" spacing>
        {ts.settingsHeading}
      </Heading>
      <form onSubmit={onSubmit} noValidate>
        <VStack gap="space-16" className="statistikk-measure">
          <FormErrorSummary errors={errors.fields} order={COST_KEYS} attempt={errors.attempt} />
          {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
          <BodyShort size="small">
            {ts.costDefault(
              formatKroner(17_000, locale),
              formatKroner(settings.data.defaultDailyCost, locale),
            )}
          </BodyShort>
          <TextField
            id={fieldId('dailyCost')}
            label={ts.dailyCost}
            description={ts.dailyCostDescription}
            inputMode="numeric"
            autoComplete="off"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              errors.clearField('dailyCost');
            }}
            error={errors.fields.dailyCost}
            htmlSize={12}
          />
          <HStack gap="space-8">
            <Button type="submit" loading={save.isPending}>
              {ts.save}
            </Button>
            <Button type="button" variant="secondary" onClick={() => submit(null)} disabled={save.isPending}>
              {ts.useDefault}
            </Button>
          </HStack>
          {saved ? <SuccessMessage>{ts.saved}</SuccessMessage> : null}
        </VStack>
      </form>
    </section>
  );
}

export function StatistikkPage() {
  const { t, locale } = useI18n();
  const ts = t.statistikk;
  const session = useSession();
  const canSetCost = hasAnyRole(session, 'admin', 'hr');
  const [quarter, setQuarter] = useState<string | null>(null);
  const query = useStatistikk(quarter);
  const view = query.data;
  const block = view?.quarters.at(-1);

  return (
    <VStack gap="space-24">
      <div>
        <PageHeading>{ts.title}</PageHeading>
        <BodyLong className="statistikk-measure">{ts.intro}</BodyLong>
        <ReadMore header={ts.readMore}>{ts.introDetails}</ReadMore>
      </div>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => query.refetch()} /> : null}
      {view && block ? (
        <>
          <HStack gap="space-16" align="end" wrap>
            <Select
              label={ts.quarter}
              value={view.quarter}
              onChange={(e) => setQuarter(e.target.value)}
              className="statistikk-select"
            >
              {[...view.choosableQuarters].reverse().map((q) => (
                <option key={q} value={q}>
                  {formatQuarter(q, locale)}
                </option>
              ))}
            </Select>
            {block.preliminary ? (
              <Tag variant="warning" size="small">
                {ts.preliminary}
              </Tag>
            ) : null}
          </HStack>
          {block.preliminary ? (
            <Alert variant="warning" size="small">
              {ts.preliminaryText}
            </Alert>
          ) : null}
          <Alert variant="info" size="small">
            <Heading level="2" size="xsmall" spacing>
              {ts.maskingHeading}
            </Heading>
            <BodyLong size="small" spacing>
              {ts.maskingText(view.minPersons)}
            </BodyLong>
            <BodyLong size="small">{ts.maskedRolling(view.minPersons)}</BodyLong>
          </Alert>
          <KeyFigures view={view} block={block} />
          <Benchmark view={view} />
          <ByUnit view={view} block={block} />
          <Oppfolging quarter={view.quarter} />
          <ByQuarter view={view} />
          {canSetCost ? <DailyCostForm /> : null}
        </>
      ) : null}
    </VStack>
  );
}
