/**
 * The routes, built from the modules' manifests (`modules.ts`): onboarding and the login page at the
 * top, every other page below the login guard, each behind its roles; anything else is "not found".
 */
import type { ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoggedOutOnly, RequireAuth, RequireRoles, Root, RouteErrorPage, SetupOnly } from './guards.tsx';
import type { ModuleRoute } from './module.ts';
import { webModules } from './modules.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

const routes: readonly ModuleRoute[] = webModules.flatMap((m) => m.routes);

function guarded(route: ModuleRoute): ReactNode {
  const Page = route.page;
  const page = route.roles ? (
    <RequireRoles roles={route.roles}>
      <Page />
    </RequireRoles>
  ) : (
    <Page />
  );
  if (route.access === 'setup') return <SetupOnly>{page}</SetupOnly>;
  if (route.access === 'loggedOut') return <LoggedOutOnly>{page}</LoggedOutOnly>;
  return page;
}

function toRouteObject(route: ModuleRoute): RouteObject {
  const element = guarded(route);
  return route.index ? { index: true, element } : { path: route.path, element };
}

const isPublic = (route: ModuleRoute) => route.access === 'setup' || route.access === 'loggedOut';

export function createRouter() {
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteErrorPage />,
      children: [
        ...routes.filter(isPublic).map(toRouteObject),
        {
          element: <RequireAuth />,
          children: [
            ...routes.filter((r) => !isPublic(r)).map(toRouteObject),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
