/**
 * Who has opened a sick-leave case: for HR/admin (`/sykefravaer/:employeeId/innsyn`) and for the
 * employee themself (`/mitt-fravaer/innsyn`). A list (not a table), so it reads well on a phone.
 */
import { Alert, BodyShort, Detail, Link, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import type { Role } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { groupAccessLog } from './access-log-groups.ts';
import { caseKey, useAccessLog, useMyAccessLog } from './api.ts';
import type { AccessLogEntry, CaseView } from './types.ts';
import './sykefravaer.css';

function LogList({ entries }: { entries: AccessLogEntry[] }) {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  if (entries.length === 0) return <BodyShort>{ts.accessLogEmpty}</BodyShort>;
  const roleName = (r: string) => (r in t.roles ? t.roles[r as Role] : r);
  return (
    <ul className="sf-log-list" aria-label={ts.accessLogCaption}>
      {groupAccessLog(entries).map((g) => (
        <li key={g.key}>
          <BodyShort weight="semibold">{g.by.name || '–'}</BodyShort>
          <BodyShort size="small">
            {formatDate(g.day)} · {ts.accessLogTimes(g.count, g.from, g.to)}
            {g.roles.length > 0 ? ` · ${g.roles.map(roleName).join(', ')}` : ''}
          </BodyShort>
          {g.denied ? (
            <BodyShort size="small">{ts.accessLogDenied}</BodyShort>
          ) : (
            <BodyShort size="small">{ts.accessLogOpened(g.opened.map((w) => ts.accessLogWhat[w]))}</BodyShort>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CaseAccessLogPage() {
  const { t } = useI18n();
  const ts = t.sykefravaer;
  const { employeeId = '' } = useParams();
  const log = useAccessLog(employeeId);
  // The name only when the case was just shown: reading the case again would log another visit.
  const name = useQueryClient().getQueryData<CaseView>(caseKey(employeeId))?.employee.name;
  return (
    <VStack gap="space-24" paddingBlock="space-24" maxWidth="48rem">
      <div>
        <Link as={RouterLink} to={`/sykefravaer/${employeeId}`}>
          {ts.backToCase}
        </Link>
      </div>
      <div>
        <PageHeading title={ts.accessLogLink}>
          {name ? ts.accessLogTitle(name) : ts.accessLogLink}
        </PageHeading>
        <BodyShort>{ts.accessLogIntro}</BodyShort>
      </div>
      {log.isPending ? <Loading /> : null}
      {log.isError ? (
        isApiError(log.error) && log.error.status === 404 ? (
          <Alert variant="warning">{ts.notFound}</Alert>
        ) : (
          <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />
        )
      ) : null}
      {log.data ? <LogList entries={log.data} /> : null}
    </VStack>
  );
}

export function MyAccessLogPage() {
  const { t } = useI18n();
  const tm = t.myAbsence;
  const log = useMyAccessLog();
  return (
    <VStack gap="space-24" paddingBlock="space-24" maxWidth="48rem">
      <div>
        <Link as={RouterLink} to="/mitt-fravaer">
          {tm.title}
        </Link>
      </div>
      <div>
        <PageHeading>{tm.accessLogTitle}</PageHeading>
        <BodyShort>{tm.accessLogIntro}</BodyShort>
      </div>
      {log.isPending ? <Loading /> : null}
      {log.isError ? <ErrorAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
      {log.data ? <LogList entries={log.data} /> : null}
      <Detail>{tm.noDiagnosis}</Detail>
    </VStack>
  );
}
