/**
 * On the front page for leaders, HR and admin: how many deadlines fall this week and how many are
 * overdue (milestones and routine tasks) across the people they follow up, with links to "Mine
 * oppgaver" and the case list. The counts are the totals of `GET /api/v1/sykefravaer/oppgaver`.
 */
import { BodyShort, Box, Heading, HGrid, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useCaseList } from './api.ts';
import { useOppgaver } from './rutine.api.ts';
import './sykefravaer.css';

export function TasksSummary() {
  const t = useT();
  const tt = t.tasks;
  const session = useSession();
  const list = useCaseList();
  const oppgaver = useOppgaver();
  if (!list.data || !oppgaver.data) return null;
  const thisWeek = oppgaver.data.totals.dueThisWeek;
  const overdue = oppgaver.data.totals.overdue;
  const manager = hasAnyRole(session, 'admin', 'hr');
  return (
    <VStack as="section" gap="space-12" aria-labelledby="tasks-heading">
      <Heading level="2" size="medium" id="tasks-heading">
        {tt.heading}
      </Heading>
      <HGrid columns={{ xs: 1, sm: 2 }} gap="space-16">
        <Box background={thisWeek > 0 ? 'warning-soft' : 'neutral-soft'} padding="space-16" borderRadius="8">
          <p className="sf-count" aria-hidden="true">
            {thisWeek}
          </p>
          <BodyShort weight="semibold">
            <span className="sr-only">{thisWeek} </span>
            {tt.thisWeek}
          </BodyShort>
        </Box>
        <Box background={overdue > 0 ? 'danger-soft' : 'neutral-soft'} padding="space-16" borderRadius="8">
          <p className="sf-count" aria-hidden="true">
            {overdue}
          </p>
          <BodyShort weight="semibold">
            <span className="sr-only">{overdue} </span>
            {tt.overdue}
          </BodyShort>
        </Box>
      </HGrid>
      <BodyShort>
        {tt.people(list.data.length)} ·{' '}
        <Link as={RouterLink} to="/oppgaver">
          {tt.link}
        </Link>
        {manager ? (
          <>
            {' '}
            ·{' '}
            <Link as={RouterLink} to="/sykefravaer">
              {tt.linkHr}
            </Link>
          </>
        ) : null}
      </BodyShort>
    </VStack>
  );
}
