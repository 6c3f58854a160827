/**
 * On the front page, first, for an employee with routines to read: «Du har N rutiner å lese», a link
 * to «Mine rutiner». Nothing for users who are not employees or have read everything — and nothing
 * while loading or on an error (the front page must not fail because of it).
 */
import { Alert, BodyShort, Link, VStack } from '@navikt/ds-react';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../api/session.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useMyRoutines } from './api.ts';

export function UnreadRoutinesNotice() {
  const t = useT();
  const session = useSession();
  const mine = useMyRoutines(session.employeeId !== null);
  const unread = mine.data?.unread ?? 0;
  if (session.employeeId === null || unread === 0) return null;
  return (
    <Alert variant="info" className="rutine-unread">
      <VStack gap="space-4" align="start">
        <Link as={RouterLink} to="/mine-rutiner">
          <strong>{t.rutiner.unreadCount(unread)}</strong>
        </Link>
        <BodyShort>{t.rutiner.unreadText(unread)}</BodyShort>
      </VStack>
    </Alert>
  );
}
