/**
 * Every module's API routes, in one list. A module exposes its routes through a function here;
 * the app registers them all and builds the OpenAPI document from the same list.
 */
import type { RouteDef } from '../http/route.ts';
import { type AuthOptions, authRoutes } from './auth/auth.routes.ts';
import { actionRoutes, dialogmoteRoutes, dokumenterRoutes, katalogRoutes } from './dokumenter/index.ts';
import { employeeRoutes } from './employees/employees.routes.ts';
import { importRoutes } from './imports/imports.routes.ts';
import { notificationRoutes } from './notifications/notifications.routes.ts';
import { organisationRoutes } from './organisation/organisation.routes.ts';
import { setupRoutes } from './setup/setup.routes.ts';
import { sykefravaerRoutes } from './sykefravaer/index.ts';
import { userRoutes } from './users/users.routes.ts';

export function apiRoutes(options: AuthOptions): RouteDef[] {
  return [
    ...authRoutes(options),
    ...setupRoutes(options),
    ...organisationRoutes(),
    ...employeeRoutes(),
    ...importRoutes(),
    ...userRoutes(),
    ...sykefravaerRoutes(),
    ...notificationRoutes(),
    ...dokumenterRoutes(),
    ...dialogmoteRoutes(),
    ...katalogRoutes(),
    ...actionRoutes(),
  ];
}
