import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { DialogmoteMinePage } from '../modules/dokumenter/DialogmoteMinePage.tsx';
import { DialogmotePage } from '../modules/dokumenter/DialogmotePage.tsx';
import { KatalogPage } from '../modules/dokumenter/KatalogPage.tsx';
import { LegebrevPage } from '../modules/dokumenter/LegebrevPage.tsx';
import { MyLegebrevPage } from '../modules/dokumenter/MyLegebrevPage.tsx';
import { MyPlanPage } from '../modules/dokumenter/MyPlanPage.tsx';
import { PlanPage } from '../modules/dokumenter/PlanPage.tsx';
import { EmployeePage } from '../modules/employees/EmployeePage.tsx';
import { EmployeesPage } from '../modules/employees/EmployeesPage.tsx';
import { NewEmployeePage } from '../modules/employees/NewEmployeePage.tsx';
import { HomePage } from '../modules/home/HomePage.tsx';
import { ImportPage } from '../modules/import/ImportPage.tsx';
import { MyPage } from '../modules/me/MyPage.tsx';
import { FailedJobsPage } from '../modules/notifications/FailedJobsPage.tsx';
import { NotificationsPage } from '../modules/notifications/NotificationsPage.tsx';
import { OrganisationPage } from '../modules/organisation/OrganisationPage.tsx';
import { SettingsPage } from '../modules/settings/SettingsPage.tsx';
import { SetupPage } from '../modules/setup/SetupPage.tsx';
import { CaseAccessLogPage, MyAccessLogPage } from '../modules/sykefravaer/AccessLogPage.tsx';
import { CasePage } from '../modules/sykefravaer/CasePage.tsx';
import { MyAbsencePage } from '../modules/sykefravaer/MyAbsencePage.tsx';
import { OppgaverPage } from '../modules/sykefravaer/OppgaverPage.tsx';
import { RutinePage } from '../modules/sykefravaer/RutinePage.tsx';
import { SykefravaerListPage } from '../modules/sykefravaer/SykefravaerListPage.tsx';
import { UsersPage } from '../modules/users/UsersPage.tsx';
import { LoggedOutOnly, RequireAuth, RequireRoles, Root, RouteErrorPage, SetupOnly } from './guards.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteErrorPage />,
      children: [
        {
          path: 'oppsett',
          element: (
            <SetupOnly>
              <SetupPage />
            </SetupOnly>
          ),
        },
        {
          path: 'logg-inn',
          element: (
            <LoggedOutOnly>
              <LoginPage />
            </LoggedOutOnly>
          ),
        },
        {
          element: <RequireAuth />,
          children: [
            { index: true, element: <HomePage /> },
            {
              path: 'organisasjon',
              element: (
                <RequireRoles roles={['admin', 'hr']}>
                  <OrganisationPage />
                </RequireRoles>
              ),
            },
            {
              path: 'ansatte',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <EmployeesPage />
                </RequireRoles>
              ),
            },
            {
              path: 'ansatte/ny',
              element: (
                <RequireRoles roles={['admin', 'hr']}>
                  <NewEmployeePage />
                </RequireRoles>
              ),
            },
            {
              path: 'ansatte/:id',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <EmployeePage />
                </RequireRoles>
              ),
            },
            {
              path: 'import',
              element: (
                <RequireRoles roles={['admin', 'hr']}>
                  <ImportPage />
                </RequireRoles>
              ),
            },
            {
              path: 'brukere',
              element: (
                <RequireRoles roles={['admin']}>
                  <UsersPage />
                </RequireRoles>
              ),
            },
            {
              path: 'sykefravaer',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <SykefravaerListPage />
                </RequireRoles>
              ),
            },
            {
              path: 'sykefravaer/:employeeId',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <CasePage />
                </RequireRoles>
              ),
            },
            {
              path: 'sykefravaer/:employeeId/oppfolgingsplan',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <PlanPage />
                </RequireRoles>
              ),
            },
            {
              path: 'sykefravaer/:employeeId/dialogmoter',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <DialogmotePage />
                </RequireRoles>
              ),
            },
            {
              path: 'sykefravaer/:employeeId/legebrev',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <LegebrevPage />
                </RequireRoles>
              ),
            },
            {
              path: 'sykefravaer/:employeeId/innsyn',
              element: (
                <RequireRoles roles={['admin', 'hr']}>
                  <CaseAccessLogPage />
                </RequireRoles>
              ),
            },
            { path: 'mitt-fravaer', element: <MyAbsencePage /> },
            { path: 'mitt-fravaer/innsyn', element: <MyAccessLogPage /> },
            { path: 'mitt-fravaer/oppfolgingsplan', element: <MyPlanPage /> },
            { path: 'mitt-fravaer/dialogmoter', element: <DialogmoteMinePage /> },
            { path: 'mitt-fravaer/legebrev', element: <MyLegebrevPage /> },
            { path: 'varsler', element: <NotificationsPage /> },
            {
              path: 'drift',
              element: (
                <RequireRoles roles={['admin']}>
                  <FailedJobsPage />
                </RequireRoles>
              ),
            },
            { path: 'innstillinger', element: <SettingsPage /> },
            {
              path: 'innstillinger/tilrettelegging',
              element: (
                <RequireRoles roles={['admin', 'hr']}>
                  <KatalogPage />
                </RequireRoles>
              ),
            },
            {
              path: 'innstillinger/rutine',
              element: (
                <RequireRoles roles={['admin', 'hr']}>
                  <RutinePage />
                </RequireRoles>
              ),
            },
            {
              path: 'oppgaver',
              element: (
                <RequireRoles roles={['admin', 'hr', 'leder']}>
                  <OppgaverPage />
                </RequireRoles>
              ),
            },
            { path: 'min-side', element: <MyPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
