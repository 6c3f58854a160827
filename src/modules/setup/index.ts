/** First-time setup and the demo organisation — the module's manifest and surface. */
import type { ModuleManifest } from '../../platform/module.ts';
import { setupRoutes } from './setup.routes.ts';

export const setupModule: ModuleManifest = {
  name: 'setup',
  routes: (deps) => setupRoutes(deps.auth),
};

export { loadDemo } from './demo.ts';
export { needsSetup, PasswordSchema } from './setup.routes.ts';
