/**
 * The frame of every page: skip link, Aksel's InternalHeader (app name, menu on small screens,
 * language switch, user menu), the main navigation (by role) and the `<main>` landmark.
 */
import {
  ChevronDownIcon,
  CogIcon,
  LanguageIcon,
  LeaveIcon,
  MenuHamburgerIcon,
  PersonCircleIcon,
  PersonIcon,
} from '@navikt/aksel-icons';
import { ActionMenu, BodyShort, Detail, InternalHeader, Page, Spacer } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import type { MouseEvent, ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import {
  forgetOfflineSession,
  isOfflineSession,
  resetAfterSessionChange,
  sessionNotices,
  useSessionQuery,
} from '../api/session.ts';
import type { SessionResponse } from '../api/types.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { NotificationBell } from '../modules/notifications/index.ts';
import { formatOrgnr } from '../ui/format.ts';
import { changeLocale } from './locale-sync.ts';
import { navItems, sectionFor } from './navigation.ts';

export const MAIN_ID = 'hovedinnhold';

function focusMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  const main = document.getElementById(MAIN_ID);
  if (main) {
    main.focus();
    main.scrollIntoView();
  }
}

function LanguageButton({ session }: { session: SessionResponse | undefined }) {
  const { t, locale, setLocale } = useI18n();
  const next = t.language.switchToLang === 'en' ? 'en' : 'nb';
  return (
    <InternalHeader.Button
      onClick={() => {
        void changeLocale(next, setLocale, session);
      }}
      lang={next}
      data-current-locale={locale}
    >
      <LanguageIcon aria-hidden fontSize="1.5rem" />
      <span className="lang-text">{t.language.switchTo}</span>
    </InternalHeader.Button>
  );
}

function UserMenu({ session }: { session: SessionResponse }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // A session from the offline snapshot has no name or organisation name (ADR 0022).
  const offline = isOfflineSession(session);
  const name = offline ? t.header.offline : (session.user?.name ?? '');
  const organisation = offline ? null : session.organisation;
  const logout = async () => {
    await api.post('/auth/logout').catch(() => undefined);
    forgetOfflineSession();
    sessionNotices.loggedOut = true;
    await resetAfterSessionChange(queryClient);
    navigate('/logg-inn', { replace: true });
  };
  return (
    <ActionMenu>
      <ActionMenu.Trigger>
        <InternalHeader.Button className="user-button">
          <PersonCircleIcon aria-hidden fontSize="1.5rem" className="user-icon" />
          <span className="user-text">
            <BodyShort size="small" as="span" className="user-name">
              {name}
            </BodyShort>
            {organisation ? (
              <Detail as="span" className="user-org">
                {organisation.name}
              </Detail>
            ) : null}
          </span>
          <span className="sr-only">{t.header.userMenu}</span>
          <ChevronDownIcon aria-hidden fontSize="1.25rem" />
        </InternalHeader.Button>
      </ActionMenu.Trigger>
      <ActionMenu.Content align="end">
        {organisation ? (
          <ActionMenu.Label>
            {organisation.name}
            <br />
            {t.header.orgNumber(formatOrgnr(organisation.orgnr))}
          </ActionMenu.Label>
        ) : null}
        <ActionMenu.Item as={Link} to="/min-side" icon={<PersonIcon />}>
          {t.header.myPage}
        </ActionMenu.Item>
        <ActionMenu.Item as={Link} to="/innstillinger" icon={<CogIcon />}>
          {t.header.settings}
        </ActionMenu.Item>
        <ActionMenu.Divider />
        <ActionMenu.Item onSelect={() => void logout()} icon={<LeaveIcon />}>
          {t.header.logout}
        </ActionMenu.Item>
      </ActionMenu.Content>
    </ActionMenu>
  );
}

function SmallScreenMenu({ session }: { session: SessionResponse }) {
  const { t } = useI18n();
  return (
    <ActionMenu>
      <ActionMenu.Trigger>
        <InternalHeader.Button aria-label={t.header.mainNav} className="nav-toggle">
          <MenuHamburgerIcon aria-hidden fontSize="1.5rem" />
        </InternalHeader.Button>
      </ActionMenu.Trigger>
      <ActionMenu.Content>
        {navItems(session).map((item) => (
          <ActionMenu.Item key={item.label} as={Link} to={item.to}>
            {t.nav[item.label]}
          </ActionMenu.Item>
        ))}
      </ActionMenu.Content>
    </ActionMenu>
  );
}

function MainNav({ session }: { session: SessionResponse }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t.header.mainNav} className="main-nav">
      <Page.Block width="xl" gutters>
        <ul>
          {navItems(session).map((item) => (
            <li key={item.label}>
              <NavLink to={item.to} end={item.end ?? false}>
                {t.nav[item.label]}
              </NavLink>
            </li>
          ))}
        </ul>
      </Page.Block>
    </nav>
  );
}

/** The menu of the section the page is in (e.g. every HMS page under «Internkontroll»). */
function SectionNav({ session }: { session: SessionResponse }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const section = sectionFor(session, pathname);
  if (!section) return null;
  return (
    <nav aria-label={t.header.sectionNav(t.nav[section.label])} className="section-nav">
      <Page.Block width="xl" gutters>
        <ul>
          {section.items.map((item) => (
            <li key={item.label}>
              <NavLink to={item.to} end={item.end ?? false}>
                {t.nav[item.label]}
              </NavLink>
            </li>
          ))}
        </ul>
      </Page.Block>
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { data: session } = useSessionQuery();
  const loggedIn = session?.authenticated === true;
  const withNav = loggedIn && session.organisation !== null;
  return (
    <Page className="app">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={focusMain}>
        {t.common.skipLink}
      </a>
      <InternalHeader className="app-header">
        <InternalHeader.Title as={Link} to="/">
          {t.common.appName}
        </InternalHeader.Title>
        <Spacer />
        {withNav ? <SmallScreenMenu session={session} /> : null}
        {withNav ? <NotificationBell /> : null}
        <LanguageButton session={session} />
        {loggedIn ? <UserMenu session={session} /> : null}
      </InternalHeader>
      {withNav ? <MainNav session={session} /> : null}
      {withNav ? <SectionNav session={session} /> : null}
      <main id={MAIN_ID} tabIndex={-1} className="app-main">
        <Page.Block width="xl" gutters>
          {children}
        </Page.Block>
      </main>
    </Page>
  );
}
