/**
 * The modules of Nærvær, in one list: a new module adds its manifest here (one line) and lives in
 * its own folders otherwise (docs/ARCHITECTURE.md, "Adding a module"). Everything the app is made
 * of — routes, migrations, caches, jobs, daily work, reminder sources, retention — is built from
 * this list (`src/platform/registry.ts`).
 */
import { coreMigrations } from '../db/migrations/index.ts';
import { amuModule } from '../modules/amu/index.ts';
import { authModule } from '../modules/auth/index.ts';
import { avvikModule } from '../modules/avvik/index.ts';
import { dokumenterModule } from '../modules/dokumenter/index.ts';
import { employeesModule } from '../modules/employees/index.ts';
import { hmsMalModule } from '../modules/hms-mal/index.ts';
import { importsModule } from '../modules/imports/index.ts';
import { internkontrollModule } from '../modules/internkontroll/index.ts';
import { notificationsModule } from '../modules/notifications/index.ts';
import { opplaeringModule } from '../modules/opplaering/index.ts';
import { organisationModule } from '../modules/organisation/index.ts';
import { risikoModule } from '../modules/risiko/index.ts';
import { rollerModule } from '../modules/roller/index.ts';
import { rutinerModule } from '../modules/rutiner/index.ts';
import { setupModule } from '../modules/setup/index.ts';
import { statistikkModule } from '../modules/statistikk/index.ts';
import { sykefravaerModule } from '../modules/sykefravaer/index.ts';
import { undersokelseModule } from '../modules/undersokelse/index.ts';
import { usersModule } from '../modules/users/index.ts';
import { varslingModule } from '../modules/varsling/index.ts';
import { createRegistry } from '../platform/registry.ts';

export const registry = createRegistry(
  [
    authModule,
    setupModule,
    organisationModule,
    employeesModule,
    importsModule,
    usersModule,
    sykefravaerModule,
    notificationsModule,
    dokumenterModule,
    internkontrollModule,
    hmsMalModule,
    rollerModule,
    opplaeringModule,
    rutinerModule,
    varslingModule,
    statistikkModule,
    risikoModule,
    avvikModule,
    amuModule,
    undersokelseModule,
  ],
  coreMigrations,
);
