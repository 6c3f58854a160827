/**
 * The employee list: search, unit filter and pages, kept in the URL (`?sok=&enhet=&side=`) so
 * back/forward and reload keep the view. Admin/HR see everyone; a leader sees their own team.
 */
import { PlusIcon, UploadIcon } from '@navikt/aksel-icons';
import { Alert, BodyShort, Detail, HStack, Link, Pagination, Search, Table, VStack } from '@navikt/ds-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { canManageEmployees, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Flash, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDebounced } from '../../ui/useDebounced.ts';
import { UnitFilter } from '../organisation/index.ts';
import { useEmployeeList } from './api.ts';

const PAGE_SIZE = 25;

export function EmployeesPage() {
  const { t } = useI18n();
  const te = t.employees;
  const session = useSession();
  const manager = canManageEmployees(session);
  const [params, setParams] = useSearchParams();
  const search = params.get('sok') ?? '';
  const unitId = params.get('enhet') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('side') ?? '1', 10) || 1);
  const [text, setText] = useState(search);
  const typed = useDebounced(text.trim(), 300);

  const update = (next: { sok?: string; enhet?: string; side?: number }) => {
    const merged = { sok: search, enhet: unitId, side: page, ...next };
    const out: Record<string, string> = {};
    if (merged.sok) out.sok = merged.sok;
    if (merged.enhet) out.enhet = merged.enhet;
    if (merged.side > 1) out.side = String(merged.side);
    setParams(out, { replace: true });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text starts a search
  useEffect(() => {
    if (typed !== search) update({ sok: typed, side: 1 });
  }, [typed]);

  const list = useEmployeeList({
    search: search || undefined,
    unitId: unitId || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, from + data.items.length - 1) : 0;
  const filtered = search !== '' || unitId !== '';

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ sok: text.trim(), side: 1 });
  };

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <HStack justify="space-between" align="center" gap="space-16" wrap>
        <PageHeading>{manager ? te.title : te.titleLeader}</PageHeading>
        {manager ? (
          <HStack gap="space-12" wrap>
            <ButtonLink to="/ansatte/ny" icon={<PlusIcon aria-hidden />}>
              {te.add}
            </ButtonLink>
            <ButtonLink to="/import" variant="secondary" icon={<UploadIcon aria-hidden />}>
              {te.importLink}
            </ButtonLink>
          </HStack>
        ) : null}
      </HStack>
      <Flash />
      <HStack gap="space-16" align="end" wrap className="filters">
        <search className="filter-search">
          <form onSubmit={submitSearch}>
            <Search
              label={te.search}
              variant="simple"
              value={text}
              onChange={(v) => setText(v)}
              onClear={() => {
                setText('');
                update({ sok: '', side: 1 });
              }}
              autoComplete="off"
            />
          </form>
        </search>
        {manager ? (
          <UnitFilter
            label={te.unitFilter}
            allLabel={te.allUnits}
            value={unitId}
            onChange={(enhet) => update({ enhet, side: 1 })}
          />
        ) : null}
      </HStack>
      <div role="status" className="list-status">
        {data && data.total > 0 ? <BodyShort>{te.showing(from, to, data.total)}</BodyShort> : null}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.total === 0 ? (
        <Alert variant="info">{filtered ? te.noMatch : manager ? te.empty : te.emptyLeader}</Alert>
      ) : null}
      {data && data.items.length > 0 ? (
        <Table className="employee-table" aria-busy={list.isFetching}>
          <caption className="sr-only">{te.tableCaption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{te.colName}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {te.colUnit}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small" align="right">
                {te.colPosition}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {te.colStart}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {te.colLeader}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.items.map((e) => (
              <Table.Row key={e.id}>
                <Table.DataCell>
                  <Link as={RouterLink} to={`/ansatte/${e.id}`}>
                    {e.name}
                  </Link>
                  <Detail className="show-small">
                    {e.unitName} · {t.common.percent(e.positionPercent)}
                  </Detail>
                </Table.DataCell>
                <Table.DataCell className="hide-small">{e.unitName}</Table.DataCell>
                <Table.DataCell className="hide-small" align="right">
                  {t.common.percent(e.positionPercent)}
                </Table.DataCell>
                <Table.DataCell className="hide-small">{formatDate(e.employmentStart)}</Table.DataCell>
                <Table.DataCell className="hide-small">{e.leaderName ?? ''}</Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      {data && pages > 1 ? (
        <Pagination
          page={Math.min(page, pages)}
          count={pages}
          onPageChange={(p) => update({ side: p })}
          size="small"
          siblingCount={1}
          boundaryCount={1}
          srHeading={{ tag: 'h2', text: te.pagination }}
        />
      ) : null}
    </VStack>
  );
}
