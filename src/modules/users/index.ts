/** Users, roles and access — the module's manifest. */
import type { ModuleManifest } from '../../platform/module.ts';
import { userRoutes } from './users.routes.ts';

export const usersModule: ModuleManifest = {
  name: 'users',
  routes: () => userRoutes(),
};
