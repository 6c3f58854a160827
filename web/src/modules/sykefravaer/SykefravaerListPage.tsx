/**
 * "Sykefravær" (`/sykefravaer`): the people with a current or recent case, the next deadline first,
 * each with a coloured tag (overdue / due soon / on track). A leader sees their own people; HR and
 * admin see everyone and can filter by unit (`?enhet=`). «Registrer sykefravær» at the top finds anyone
 * else by typing and opens the absence form for them.
 */
import { Alert, BodyShort, Detail, Link, Table, VStack } from '@navikt/ds-react';
import { useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { UnitFilter } from '../organisation/index.ts';
import { useCaseList } from './api.ts';
import { StateTag } from './parts.tsx';
import { RegisterSickLeave } from './RegisterSickLeave.tsx';
import type { CaseListItem } from './types.ts';
import './sykefravaer.css';

const RANK: Record<string, number> = { overdue: 0, 'due-soon': 1, upcoming: 2 };

/** Overdue first, then by the date of the next deadline; people with no deadline last. */
export function sortCases(items: CaseListItem[]): CaseListItem[] {
  return [...items].sort((a, b) => {
    const ra = a.next ? (RANK[a.next.state] ?? 3) : 4;
    const rb = b.next ? (RANK[b.next.state] ?? 3) : 4;
    if (ra !== rb) return ra - rb;
    const da = a.next?.due ?? '9999';
    const db = b.next?.due ?? '9999';
    return da.localeCompare(db) || a.employeeName.localeCompare(b.employeeName, 'nb');
  });
}

export function SykefravaerListPage() {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const session = useSession();
  const manager = hasAnyRole(session, 'admin', 'hr');
  const [params, setParams] = useSearchParams();
  const unitId = params.get('enhet') ?? '';
  const list = useCaseList(manager ? unitId : undefined);
  const items = useMemo(() => sortCases(list.data ?? []), [list.data]);

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <PageHeading>{ts.title}</PageHeading>
        <BodyShort className="lead">{manager ? ts.introHr : ts.intro}</BodyShort>
      </div>
      <RegisterSickLeave idPrefix="sf-open" />
      {manager ? (
        <UnitFilter
          label={ts.unitFilter}
          allLabel={ts.allUnits}
          value={unitId}
          onChange={(enhet) => setParams(enhet ? { enhet } : {}, { replace: true })}
        />
      ) : null}
      <div role="status" className="list-status">
        {list.data && items.length > 0 ? <BodyShort>{ts.count(items.length)}</BodyShort> : null}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && items.length === 0 ? (
        <Alert variant="info">{manager ? ts.emptyAll : ts.empty}</Alert>
      ) : null}
      {items.length > 0 ? (
        <Table aria-busy={list.isFetching}>
          <caption className="sr-only">{ts.listCaption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{ts.colName}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{ts.colNext}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {ts.colStart}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right" className="hide-small">
                {ts.colSickDays}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" align="right" className="hide-small">
                {ts.colGrade}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {items.map((c) => (
              <Table.Row key={c.employeeId}>
                <Table.DataCell>
                  <Link as={RouterLink} to={`/sykefravaer/${c.employeeId}`}>
                    {c.employeeName}
                  </Link>
                  <Detail>{c.unitName}</Detail>
                  <Detail className="show-small">
                    {ts.colStart}: {formatDate(c.caseStart)}
                  </Detail>
                </Table.DataCell>
                <Table.DataCell>
                  {c.next ? (
                    <div className="sf-next-cell">
                      <BodyShort size="small" weight="semibold">
                        {ts.milestones[c.next.key]}
                      </BodyShort>
                      <BodyShort size="small">
                        {formatDate(c.next.due)}
                        {c.next.daysLeft !== null ? ` · ${ts.daysLeft(c.next.daysLeft)}` : ''}
                      </BodyShort>
                      <StateTag state={c.next.state} />
                      {c.overdue > 1 ? <Detail>{ts.overdueMore(c.overdue)}</Detail> : null}
                    </div>
                  ) : (
                    <BodyShort size="small">
                      {ts.noDeadline}
                      {!c.ongoing && c.caseEnd ? (
                        <Detail as="span"> · {ts.ended(formatDate(c.caseEnd))}</Detail>
                      ) : null}
                    </BodyShort>
                  )}
                </Table.DataCell>
                <Table.DataCell className="hide-small">{formatDate(c.caseStart)}</Table.DataCell>
                <Table.DataCell align="right" className="hide-small">
                  {c.sickDaysSoFar}
                </Table.DataCell>
                <Table.DataCell align="right" className="hide-small">
                  {c.grade !== null ? t.common.percent(c.grade) : ''}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </VStack>
  );
}
