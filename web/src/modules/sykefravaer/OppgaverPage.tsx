/**
 * "Mine oppgaver" (`/oppgaver`): every open task and milestone deadline that is overdue or due in
 * the next 14 days — a leader's own people, HR/admin the organisation (filter by unit) — sorted by
 * date, with its state and a link to the case.
 */
import { Alert, BodyShort, Detail, Link, Select, Table, VStack } from '@navikt/ds-react';
import { useMemo } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { flattenTree, unitTree, useUnits } from '../organisation/api.ts';
import { dmy } from './dates.ts';
import { useOppgaver } from './rutine.api.ts';
import { rutineTexts } from './rutine.texts.ts';
import { TaskStateTag } from './TasksSection.tsx';
import './sykefravaer.css';
import './rutine.css';

export function OppgaverPage() {
  const { t, locale } = useI18n();
  const tx = rutineTexts(locale);
  const session = useSession();
  const manager = hasAnyRole(session, 'admin', 'hr');
  const [params, setParams] = useSearchParams();
  const unitId = params.get('enhet') ?? '';
  const units = useUnits();
  const unitOptions = useMemo(() => flattenTree(unitTree(units.data ?? [], locale)), [units.data, locale]);
  const list = useOppgaver(manager ? unitId : undefined);
  const data = list.data;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <PageHeading>{tx.mineTitle}</PageHeading>
        <BodyShort className="lead">{manager ? tx.mineIntroHr : tx.mineIntro}</BodyShort>
      </div>
      {manager ? (
        <Select
          label={tx.unitFilter}
          value={unitId}
          onChange={(e) => setParams(e.target.value ? { enhet: e.target.value } : {}, { replace: true })}
          style={{ maxWidth: '20rem' }}
        >
          <option value="">{tx.allUnits}</option>
          {unitOptions.map((u) => (
            <option key={u.id} value={u.id}>
              {`${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
            </option>
          ))}
        </Select>
      ) : null}
      <div role="status">
        {data && data.items.length > 0 ? (
          <BodyShort weight="semibold">{tx.totals(data.totals.overdue, data.totals.dueThisWeek)}</BodyShort>
        ) : null}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.items.length === 0 ? <Alert variant="info">{tx.empty}</Alert> : null}
      {data && data.items.length > 0 ? (
        <Table aria-busy={list.isFetching}>
          <caption className="sr-only">{tx.caption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{tx.colDue}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{tx.colWhat}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{tx.colWho}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.items.map((i) => (
              <Table.Row
                key={`${i.employeeId}|${i.kind}|${i.key}`}
                data-kind={i.kind}
                data-key={i.key}
                data-state={i.state}
              >
                <Table.DataCell>
                  <VStack gap="space-4" align="start">
                    <span>{dmy(i.due)}</span>
                    <TaskStateTag state={i.state} />
                  </VStack>
                </Table.DataCell>
                <Table.DataCell>
                  <BodyShort size="small" weight="semibold">
                    {locale === 'en' ? i.title.en : i.title.nb}
                  </BodyShort>
                  <Detail>
                    {i.kind === 'milestone' ? tx.milestone : tx.task}
                    {i.kind === 'task' && i.milestone ? ` · ${t.sykefravaer.milestones[i.milestone]}` : ''} ·{' '}
                    {tx.responsible}: {tx.roles[i.responsibleRole]}
                  </Detail>
                </Table.DataCell>
                <Table.DataCell>
                  <Link as={RouterLink} to={`/sykefravaer/${i.employeeId}`}>
                    {i.employeeName}
                  </Link>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </VStack>
  );
}
