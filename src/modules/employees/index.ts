/** Employees — the module's manifest and surface; the list is cached per organisation. */
import type { ModuleManifest } from '../../platform/module.ts';
import { employeePagesCache, employeeTotalsCache } from './employees.repository.ts';
import { employeeRoutes } from './employees.routes.ts';

export const employeesModule: ModuleManifest = {
  name: 'employees',
  routes: () => employeeRoutes(),
  caches: [employeePagesCache, employeeTotalsCache],
};

/** One employee as the actor may see them (undefined: not found or not theirs). */
export { findEmployee } from './employees.repository.ts';
