/**
 * On the front page of HR and the verneombud: «N tiltak på høy risiko har passert fristen», a link to
 * the handlingsplan. A Høy risk is not acceptable and its tiltak are done at once (anbefalt, the
 * product's matrix); the VO sees those of their areas (aml § 6-2), HR the organisation's. Nothing
 * while loading, on an error, or when none are overdue (the front page must not fail because of it).
 */
import { Alert, BodyShort, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { usePlan } from './api.ts';

export function OverdueHighNotice() {
  const t = useT();
  const session = useSession();
  const shown = hasAnyRole(session, 'hr', 'verneombud');
  const plan = usePlan('', shown);
  const overdue = (plan.data?.items ?? []).filter((i) => i.overdue && i.riskBand === 'hoy').length;
  if (!shown || overdue === 0) return null;
  return (
    <Alert variant="warning">
      <VStack gap="space-4" align="start">
        <Link as={RouterLink} to="/risiko/matrise">
          <strong>{t.risiko.overdueHighCount(overdue)}</strong>
        </Link>
        <BodyShort>{t.risiko.overdueHighText}</BodyShort>
      </VStack>
    </Alert>
  );
}
