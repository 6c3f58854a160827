/** Employee import from CSV or Excel — the module's manifest. */
import type { ModuleManifest } from '../../platform/module.ts';
import { importRoutes } from './imports.routes.ts';

export const importsModule: ModuleManifest = {
  name: 'imports',
  routes: () => importRoutes(),
};
