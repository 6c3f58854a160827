/**
 * «Risikomatrise og handlingsplan» (`/risiko/matrise`): the 5 × 5 heat map with the number of risks
 * per cell, before or after tiltak, for the organisation or one unit; each cell says its band in
 * text (colour is never the only carrier, WCAG 1.4.1) and opens the list of its risks; the open
 * Høy risks; and the handlingsplan — every tiltak with owner, due date and status. AMU sees the
 * picture and the Høy risks only (as the API decides).
 */
import {
  BodyLong,
  BodyShort,
  Button,
  Detail,
  Heading,
  HStack,
  Link,
  Select,
  Table,
  ToggleGroup,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { BAND_TEXT, CONSEQUENCE, PROBABILITY, SCALE } from '../../../../src/domain/risiko/index.ts';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type Matrix, type RiskRef, useCell, useMatrix, usePlan } from './api.ts';
import { BandTag, useScoreText } from './parts.tsx';
import './risiko.css';

type Stage = 'initial' | 'residual';
type Cell = { stage: Stage; p: number; c: number };

export function MatrixPage() {
  const { t } = useI18n();
  const tr = t.risiko;
  const session = useSession();
  const [unitId, setUnitId] = useState('');
  const [stage, setStage] = useState<Stage>('initial');
  const [cell, setCell] = useState<Cell | null>(null);
  const matrix = useMatrix(unitId);
  const readsPlan = hasAnyRole(session, 'admin', 'hr', 'leder', 'verneombud', 'ansatt');
  const plan = usePlan(unitId, readsPlan);
  const data = matrix.data;
  const scopeName = unitId ? (data?.units.find((u) => u.id === unitId)?.name ?? '') : tr.wholeOrganisation;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tr.matrixTitle}</PageHeading>
        <BodyLong className="rk-prose">{tr.matrixIntro}</BodyLong>
      </VStack>
      <HStack gap="space-16" align="end" wrap>
        <Select
          label={tr.scope}
          value={unitId}
          onChange={(e) => {
            setUnitId(e.target.value);
            setCell(null);
          }}
        >
          <option value="">{tr.wholeOrganisation}</option>
          {(data?.units ?? []).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <ToggleGroup
          label={tr.stage}
          value={stage}
          onChange={(v) => {
            setStage(v === 'residual' ? 'residual' : 'initial');
            setCell(null);
          }}
          size="small"
        >
          <ToggleGroup.Item value="initial" label={tr.before} />
          <ToggleGroup.Item value="residual" label={tr.after} />
        </ToggleGroup>
      </HStack>
      {matrix.isPending ? <Loading /> : null}
      {matrix.isError ? <ErrorAlert error={matrix.error} onRetry={() => void matrix.refetch()} /> : null}
      {data ? (
        <>
          <HeatMap
            data={data}
            stage={stage}
            caption={tr.matrixCaption(stage === 'initial' ? tr.before : tr.after, scopeName)}
            selected={cell}
            onSelect={setCell}
          />
          <BodyShort>{tr.total(data.total)}</BodyShort>
          {cell ? <CellList unitId={unitId} cell={cell} /> : null}
          <section aria-labelledby="rk-high-heading">
            <VStack gap="space-8">
              <Heading level="2" size="medium" id="rk-high-heading">
                {tr.highHeading}
              </Heading>
              {data.high.length === 0 ? <BodyShort>{tr.noHigh}</BodyShort> : <RefList items={data.high} />}
              {data.highTotal > data.high.length ? (
                <BodyShort size="small">{tr.showingOf(data.high.length, data.highTotal)}</BodyShort>
              ) : null}
            </VStack>
          </section>
        </>
      ) : null}
      {readsPlan ? (
        <section aria-labelledby="rk-plan-heading">
          <VStack gap="space-8">
            <Heading level="2" size="medium" id="rk-plan-heading">
              {tr.planHeading}
            </Heading>
            {plan.isPending ? <Loading /> : null}
            {plan.isError ? <ErrorAlert error={plan.error} /> : null}
            {plan.data && plan.data.items.length === 0 ? <BodyShort>{tr.noPlan}</BodyShort> : null}
            {plan.data && plan.data.total > plan.data.items.length ? (
              <BodyShort size="small">{tr.showingOf(plan.data.items.length, plan.data.total)}</BodyShort>
            ) : null}
            {plan.data && plan.data.items.length > 0 ? (
              <div className="rk-scroll">
                <Table size="small">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{tr.colTiltak}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{tr.colRisk}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{tr.colOwner}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{tr.colDue}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{tr.colStatus}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {plan.data.items.map((x) => (
                      <Table.Row key={x.id} data-tiltak={x.id}>
                        <Table.DataCell className="rk-text">{x.text}</Table.DataCell>
                        <Table.DataCell>
                          <Link as={RouterLink} to={`/risiko/${x.assessmentId}`}>
                            {x.riskTitle}
                          </Link>{' '}
                          <BandTag value={x.riskBand} />
                          <Detail>{`${x.assessmentTitle} · ${x.unitName}`}</Detail>
                        </Table.DataCell>
                        <Table.DataCell>{x.ownerName ?? ''}</Table.DataCell>
                        <Table.DataCell>{formatDate(x.due)}</Table.DataCell>
                        <Table.DataCell>
                          {tr.statuses[x.status]}
                          {x.overdue ? ` · ${tr.overdue}` : ''}
                        </Table.DataCell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            ) : null}
          </VStack>
        </section>
      ) : null}
    </VStack>
  );
}

function HeatMap({
  data,
  stage,
  caption,
  selected,
  onSelect,
}: {
  data: Matrix;
  stage: Stage;
  caption: string;
  selected: Cell | null;
  onSelect: (cell: Cell) => void;
}) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  return (
    <div className="rk-scroll">
      <table className="rk-matrix" data-stage={stage}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="rk-axis">{tr.cAxis}</span> / <span className="rk-axis">{tr.pAxis}</span>
            </th>
            {SCALE.map((p) => (
              <th key={p} scope="col" title={PROBABILITY[p].hint[locale]}>
                {`${p} ${PROBABILITY[p].label[locale]}`}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {([5, 4, 3, 2, 1] as const).map((c) => (
            <tr key={c}>
              <th scope="row" title={CONSEQUENCE[c].hint[locale]}>
                {`${c} ${CONSEQUENCE[c].label[locale]}`}
              </th>
              {SCALE.map((p) => {
                const cell = data.cells.find((x) => x.p === p && x.c === c);
                if (!cell) return <td key={p} />;
                const n = stage === 'initial' ? cell.initial : cell.residual;
                const bandName = BAND_TEXT[cell.band].label[locale];
                const isSelected = selected?.p === p && selected.c === c && selected.stage === stage;
                return (
                  <td key={p} data-band={cell.band} data-p={p} data-c={c} data-count={n}>
                    <Button
                      type="button"
                      size="small"
                      variant="tertiary-neutral"
                      className="rk-cell"
                      aria-label={tr.cellLabel(p, c, n, bandName)}
                      aria-pressed={isSelected}
                      onClick={() => onSelect({ stage, p, c })}
                    >
                      {tr.cellText(n, bandName)}
                    </Button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CellList({ unitId, cell }: { unitId: string; cell: Cell }) {
  const tr = useI18n().t.risiko;
  const list = useCell(unitId, cell);
  return (
    <section aria-labelledby="rk-cell-heading" aria-live="polite">
      <VStack gap="space-8">
        <Heading level="2" size="medium" id="rk-cell-heading">
          {tr.cellHeading(cell.p, cell.c)}
        </Heading>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        {list.data && list.data.items.length === 0 ? <BodyShort>{tr.cellEmpty}</BodyShort> : null}
        {list.data && list.data.items.length > 0 ? <RefList items={list.data.items} /> : null}
      </VStack>
    </section>
  );
}

function RefList({ items }: { items: readonly RiskRef[] }) {
  const tr = useI18n().t.risiko;
  const scoreText = useScoreText();
  return (
    <ul className="rk-list">
      {items.map((r) => (
        <li key={r.id} className="rk-item" data-risk={r.id}>
          <HStack gap="space-8" align="center" wrap>
            {r.canOpen ? (
              <Link as={RouterLink} to={`/risiko/${r.assessmentId}`}>
                {r.title}
              </Link>
            ) : (
              <BodyShort weight="semibold">{r.title}</BodyShort>
            )}
            <BandTag value={r.band} />
            {r.status === 'lukket' ? <Detail>{tr.closed}</Detail> : null}
          </HStack>
          <Detail>{`${r.assessmentTitle} · ${r.unitName} · ${tr.initial}: ${scoreText(r.initial)} · ${tr.residual}: ${scoreText(r.current)}`}</Detail>
        </li>
      ))}
    </ul>
  );
}
