/**
 * The feature modules of the web app, one line each. The router (`router.tsx`), the main menu
 * (`navigation.ts`) and the dictionary (`dictionaries.ts`) are built from this list; a module
 * declares its pages, menu entries and texts in its own `modules/<name>/index.ts`.
 */
import { amuModule } from '../modules/amu/index.ts';
import { authModule } from '../modules/auth/index.ts';
import { avvikModule } from '../modules/avvik/index.ts';
import { dokumenterModule } from '../modules/dokumenter/index.ts';
import { employeesModule } from '../modules/employees/index.ts';
import { hmsMalModule } from '../modules/hms-mal/index.ts';
import { homeModule } from '../modules/home/index.ts';
import { importModule } from '../modules/import/index.ts';
import { internkontrollModule } from '../modules/internkontroll/index.ts';
import { meModule } from '../modules/me/index.ts';
import { notificationsModule } from '../modules/notifications/index.ts';
import { opplaeringModule } from '../modules/opplaering/index.ts';
import { organisationModule } from '../modules/organisation/index.ts';
import { risikoModule } from '../modules/risiko/index.ts';
import { rollerModule } from '../modules/roller/index.ts';
import { rutinerModule } from '../modules/rutiner/index.ts';
import { settingsModule } from '../modules/settings/index.ts';
import { setupModule } from '../modules/setup/index.ts';
import { statistikkModule } from '../modules/statistikk/index.ts';
import { sykefravaerModule } from '../modules/sykefravaer/index.ts';
import { undersokelseModule } from '../modules/undersokelse/index.ts';
import { usersModule } from '../modules/users/index.ts';
import { varslingModule } from '../modules/varsling/index.ts';

export const webModules = [
  setupModule,
  authModule,
  homeModule,
  organisationModule,
  employeesModule,
  importModule,
  usersModule,
  sykefravaerModule,
  dokumenterModule,
  internkontrollModule,
  rollerModule,
  opplaeringModule,
  hmsMalModule,
  rutinerModule,
  varslingModule,
  statistikkModule,
  risikoModule,
  avvikModule,
  amuModule,
  undersokelseModule,
  notificationsModule,
  settingsModule,
  meModule,
] as const;
