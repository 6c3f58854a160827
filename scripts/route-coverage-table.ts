/**
 * The route table the coverage gate compares with: every module's routes from the registry, as
 * `src/app/build-app.ts` builds them. The dependencies are stand-ins — the routes are only listed,
 * never run.
 */
import { registry } from '../src/app/registry.ts';
import { osloToday } from '../src/platform/clock.ts';
import type { RouteKey } from './route-coverage-lib.ts';

export function routeTable(): RouteKey[] {
  return registry
    .routes({
      auth: { sessionTtlHours: 12, cookieSecure: undefined },
      reminders: { deadlineSource: registry.deadlineSource, publicUrl: undefined, today: () => osloToday() },
    })
    .map((route) => ({ method: route.method, url: route.url }));
}
