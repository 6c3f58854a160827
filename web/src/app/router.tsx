import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../modules/auth/LoginPage.tsx';
import { EmployeePage } from '../modules/employees/EmployeePage.tsx';
import { EmployeesPage } from '../modules/employees/EmployeesPage.tsx';
import { NewEmployeePage } from '../modules/employees/NewEmployeePage.tsx';
import { HomePage } from '../modules/home/HomePage.tsx';
import { ImportPage } from '../modules/import/ImportPage.tsx';
import { MyPage } from '../modules/me/MyPage.tsx';
import { OrganisationPage } from '../modules/organisation/OrganisationPage.tsx';
import { SettingsPage } from '../modules/settings/SettingsPage.tsx';
import { SetupPage } from '../modules/setup/SetupPage.tsx';
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
            { path: 'innstillinger', element: <SettingsPage /> },
            { path: 'min-side', element: <MyPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
