/** The bell in the header: a link to the inbox, with the number of unread notifications. */
import { BellDotIcon, BellIcon } from '@navikt/aksel-icons';
import { InternalHeader } from '@navikt/ds-react';
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useUnreadCount } from './api.ts';
import './notifications.css';

export function NotificationBell() {
  const t = useT();
  const unread = useUnreadCount(true).data ?? 0;
  const label = unread > 0 ? t.notifications.bellUnread(unread) : t.notifications.bell;
  return (
    <InternalHeader.Button as={Link} to="/varsler" className="nf-bell" aria-label={label} title={label}>
      {unread > 0 ? (
        <BellDotIcon aria-hidden fontSize="1.5rem" />
      ) : (
        <BellIcon aria-hidden fontSize="1.5rem" />
      )}
      {unread > 0 ? (
        <span className="nf-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </InternalHeader.Button>
  );
}
