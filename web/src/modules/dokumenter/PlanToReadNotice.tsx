/**
 * On the front page, first, for an employee whose oppfølgingsplan waits for their approval:
 * «Du har en oppfølgingsplan å lese», a link to «Min oppfølgingsplan». Nothing for users who are not
 * employees or have no plan to approve — and nothing while loading or on an error (the front page
 * must not fail because of it). On «Mitt fravær» the same notice heads the page as «Min oppfølgingsplan»
 * (`heading="myPlan"`), and the page drops its own link lower down (`useMyPlanAwaits`).
 */
import { Alert, BodyShort, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useMyPlanAwaiting } from './api.ts';

/** Whether the signed-in employee has a plan waiting for their approval (false while loading). */
export function useMyPlanAwaits(): boolean {
  const session = useSession();
  const awaiting = useMyPlanAwaiting(session.employeeId !== null);
  return session.employeeId !== null && Boolean(awaiting.data?.planId);
}

export function PlanToReadNotice({ heading = 'toRead' }: { heading?: 'toRead' | 'myPlan' }) {
  const t = useT();
  if (!useMyPlanAwaits()) return null;
  return (
    <Alert variant="info" className="plan-to-read">
      <VStack gap="space-4" align="start">
        <Link as={RouterLink} to="/mitt-fravaer/oppfolgingsplan">
          <strong>{heading === 'myPlan' ? t.dokumenter.myLink : t.dokumenter.toReadHeading}</strong>
        </Link>
        <BodyShort>{t.dokumenter.toReadBody}</BodyShort>
      </VStack>
    </Alert>
  );
}
