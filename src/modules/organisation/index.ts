/** The organisation, its units and verneområder — the module's manifest. */
import type { ModuleManifest } from '../../platform/module.ts';
import { organisationRoutes } from './organisation.routes.ts';

export const organisationModule: ModuleManifest = {
  name: 'organisation',
  routes: () => organisationRoutes(),
};
