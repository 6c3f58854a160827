/**
 * The Kysely `Database` type: every table the application knows, composed from the
 * table interfaces each owner declares next to its code.
 */

import type { JobTables } from '../jobs/job.tables.ts';
import type { CaseActionTables } from '../modules/dokumenter/actions.tables.ts';
import type { DialogmoteTables } from '../modules/dokumenter/dialogmote.tables.ts';
import type { DokumenterTables } from '../modules/dokumenter/dokumenter.tables.ts';
import type { KatalogTables } from '../modules/dokumenter/katalog.tables.ts';
import type { NotificationTables } from '../modules/notifications/notifications.tables.ts';
import type { RutineTables } from '../modules/sykefravaer/rutine.tables.ts';
import type { SykefravaerTables } from '../modules/sykefravaer/sykefravaer.tables.ts';
import type { CoreTables } from './core.tables.ts';

export interface Database
  extends CoreTables,
    JobTables,
    SykefravaerTables,
    RutineTables,
    NotificationTables,
    DokumenterTables,
    KatalogTables,
    DialogmoteTables,
    CaseActionTables {}
