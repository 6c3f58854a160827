/**
 * Users, roles and access — the module's manifest. Migration `0042-user-invitation`: adding an
 * account that exists elsewhere makes an invitation its owner accepts (issue 11 item 4).
 */
import type { ModuleManifest } from '../../platform/module.ts';
import { up as invitation } from './migrations/0042-user-invitation.ts';
import { userRoutes } from './users.routes.ts';

export const usersModule: ModuleManifest = {
  name: 'users',
  migrations: { '0042-user-invitation': { up: invitation } },
  routes: () => userRoutes(),
};
