/**
 * Who may see which page. The root loads the setup status and the session; an empty database sends
 * everyone to onboarding, a logged-out visitor to the login page, and a page the user's roles do not
 * cover answers "not found" (as the API does).
 */
import { VStack } from '@navikt/ds-react';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { hasAnyRole, sessionNotices, useSessionQuery, useSetupQuery } from '../api/session.ts';
import type { Role } from '../api/types.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { NoOrganisationPage } from '../modules/home/index.ts';
import { ErrorAlert, Loading } from '../ui/Feedback.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function Root() {
  const t = useT();
  const setup = useSetupQuery();
  const session = useSessionQuery();
  const location = useLocation();

  if (setup.isPending || session.isPending) {
    return (
      <Layout>
        <Loading />
      </Layout>
    );
  }
  if (setup.isError || session.isError) {
    return (
      <Layout>
        <VStack gap="space-16">
          <PageHeading>{t.common.appName}</PageHeading>
          <ErrorAlert
            error={setup.error ?? session.error}
            onRetry={() => {
              void setup.refetch();
              void session.refetch();
            }}
          />
        </VStack>
      </Layout>
    );
  }
  if (setup.data.needsSetup && !session.data.authenticated && location.pathname !== '/oppsett') {
    return <Navigate to="/oppsett" replace />;
  }
  return (
    <Layout>
      <Outlet />
    </Layout>
  );
}

/** Onboarding is only for an empty database. */
export function SetupOnly({ children }: { children: ReactNode }) {
  const setup = useSetupQuery();
  const session = useSessionQuery();
  if (session.data?.authenticated) return <Navigate to="/" replace />;
  if (setup.data && !setup.data.needsSetup) return <Navigate to="/logg-inn" replace />;
  return <>{children}</>;
}

/** The login page is for logged-out visitors; a logged-in one goes where they were heading. */
export function LoggedOutOnly({ children }: { children: ReactNode }) {
  const session = useSessionQuery();
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  if (session.data?.authenticated) {
    return <Navigate to={!sessionNotices.loggedOut && typeof from === 'string' ? from : '/'} replace />;
  }
  return <>{children}</>;
}

/** Where a user who must set up two-step login is sent (the me module's security page). */
const SECOND_FACTOR_PAGE = '/min-side/sikkerhet';

export function RequireAuth() {
  const session = useSessionQuery();
  const location = useLocation();
  if (!session.data?.authenticated) {
    return <Navigate to="/logg-inn" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (session.data.organisation === null) return <NoOrganisationPage />;
  // Admin and HR set up two-step login before anything else (the API answers 403 until then).
  if (session.data.security?.secondFactorRequired && location.pathname !== SECOND_FACTOR_PAGE) {
    return <Navigate to={SECOND_FACTOR_PAGE} replace />;
  }
  return <Outlet />;
}

export function RequireRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const session = useSessionQuery();
  if (!session.data || !hasAnyRole(session.data, ...roles)) return <NotFoundPage />;
  return <>{children}</>;
}

export function RouteErrorPage() {
  const t = useT();
  return (
    <Layout>
      <VStack gap="space-16" align="start">
        <PageHeading>{t.errors.unexpected}</PageHeading>
        <a href="/">{t.errors.backHome}</a>
      </VStack>
    </Layout>
  );
}
