/**
 * One employee's sick-leave case (`/sykefravaer/:employeeId`), for their leader, HR and admin:
 * the current case, the timeline, the follow-up checklist, the tasks, the agreed actions, the periods,
 * own reminders, (HR/admin) the link to who has opened the case, and (HR) the hold on the deletion of
 * the case's data. With `?registrer=1` (from
 * «Registrer sykefravær») the new-period dialog is open when the page loads. The server answers 404 for anyone else, and so does the page.
 */
import { Alert, BodyShort, Link, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { DialogmoteCaseLink, LegebrevCaseLink } from '../dokumenter/index.ts';
import { RemindersPanel } from '../notifications/index.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { useCase, useCaseWrites } from './api.ts';
import { CaseSummary } from './CaseSummary.tsx';
import { MilestoneChecklist } from './MilestoneChecklist.tsx';
import { PeriodsSection } from './PeriodsSection.tsx';
import { REGISTER_PARAM } from './RegisterSickLeave.tsx';
import { RetentionHoldSection } from './RetentionHoldSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import { Timeline } from './Timeline.tsx';
import './sykefravaer.css';

export function CasePage() {
  const t = useT();
  const ts = t.sykefravaer;
  const session = useSession();
  const { employeeId = '' } = useParams();
  const query = useCase(employeeId);
  const writes = useCaseWrites(employeeId);
  const [message, setMessage] = useState<string | null>(null);
  const data = query.data;
  const canSeeLog = hasAnyRole(session, 'admin', 'hr');
  const canEdit = hasAnyRole(session, 'admin', 'hr', 'leder');
  // The retention hold is HR's (the route answers only HR).
  const canHold = hasAnyRole(session, 'hr');
  const reload = () => query.refetch();
  const saved = (m: string) => setMessage(m);
  const today = todayIso();
  // Reached from «Registrer sykefravær»: the absence form opens at once (issue 10: fewer steps).
  const [params, setParams] = useSearchParams();
  const startNew = params.get(REGISTER_PARAM) === '1';
  const clearStartNew = () => {
    if (startNew) setParams({}, { replace: true });
  };

  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <VStack gap="space-16">
        <div>
          <Link as={RouterLink} to="/sykefravaer">
            {ts.back}
          </Link>
        </div>
        <div>
          {/* The tab title stays neutral: it shows in the browser history and in screen shares (issue 10). */}
          <PageHeading title={ts.title}>{data ? data.employee.name : ts.title}</PageHeading>
          {data ? <BodyShort>{ts.unit(data.employee.unitName)}</BodyShort> : null}
        </div>
        {query.isPending ? <Loading /> : null}
        {query.isError ? (
          isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
            <Alert variant="warning">{ts.notFound}</Alert>
          ) : (
            <ErrorAlert error={query.error} onRetry={() => void reload()} />
          )
        ) : null}
        <SuccessMessage>{message}</SuccessMessage>
        {data && canEdit ? (
          <div>
            <Link as={RouterLink} to={`/sykefravaer/${employeeId}/oppfolgingsplan`}>
              {t.dokumenter.caseLink}
            </Link>
            {' · '}
            <DialogmoteCaseLink employeeId={employeeId} />
            {' · '}
            <LegebrevCaseLink employeeId={employeeId} />
          </div>
        ) : null}
        {data && canSeeLog ? (
          <div>
            <Link as={RouterLink} to={`/sykefravaer/${employeeId}/innsyn`}>
              {ts.accessLogLink}
            </Link>
          </div>
        ) : null}
      </VStack>
      {data ? (
        <>
          <CaseSummary
            current={data.current}
            version={data.version}
            writes={writes}
            canEdit={canEdit}
            onReload={reload}
            onSaved={saved}
          />
          {data.periods.length > 0 ? (
            <Timeline
              periods={data.periods}
              milestones={data.milestones}
              current={data.current}
              today={today}
            />
          ) : null}
          {data.current && data.milestones.length > 0 ? (
            <MilestoneChecklist
              milestones={data.milestones}
              caseStart={data.followUp?.caseStart ?? data.current.start}
              meetingDate={
                data.dialogmote2 &&
                data.dialogmote2.caseStart === (data.followUp?.caseStart ?? data.current.start)
                  ? data.dialogmote2.date
                  : null
              }
              version={data.version}
              writes={writes}
              canEdit={canEdit}
              onReload={reload}
              onSaved={saved}
            />
          ) : null}
          {data.current ? (
            <TasksSection
              employeeId={employeeId}
              version={data.version}
              canEdit={canEdit}
              onReload={reload}
              onSaved={saved}
            />
          ) : null}
          {data.current ? <ActionsSection scope={employeeId} canEdit={canEdit} onSaved={saved} /> : null}
          <PeriodsSection
            periods={data.periods}
            version={data.version}
            writes={writes}
            canEdit={canEdit}
            startNew={startNew}
            onDialogClosed={clearStartNew}
            onReload={reload}
            onSaved={saved}
          />
          {canHold && (data.periods.length > 0 || data.retentionHold.hold) ? (
            <RetentionHoldSection
              hold={data.retentionHold}
              months={data.retentionMonths}
              writes={writes}
              onReload={reload}
              onSaved={saved}
            />
          ) : null}
          <RemindersPanel employeeId={employeeId} idPrefix="case-reminder" heading={ts.reminderHeading} />
        </>
      ) : null}
    </VStack>
  );
}
