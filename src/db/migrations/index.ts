/**
 * Every migration, in order. Append-only: never edit or remove an entry that has shipped;
 * add a new file `NNNN-name.ts` exporting `up(db)` and list it here.
 */
import type { Migration } from 'kysely';
import { up as core } from './0001-core.ts';
import { up as jobs } from './0002-jobs.ts';
import { up as sykefravaer } from './0003-sykefravaer.ts';
import { up as notifications } from './0004-notifications.ts';
import { up as rutine } from './0005-rutine.ts';
import { up as dokumenter } from './0006-dokumenter.ts';
import { up as dialogmote } from './0007-dialogmote.ts';
import { up as legebrevKatalog } from './0008-legebrev-katalog.ts';
import { up as caseAction } from './0009-case-action.ts';
import { up as changeNotify } from './0010-change-notify.ts';

export const migrations: Readonly<Record<string, Migration>> = {
  '0001-core': { up: core },
  '0002-jobs': { up: jobs },
  '0003-sykefravaer': { up: sykefravaer },
  '0004-notifications': { up: notifications },
  '0005-rutine': { up: rutine },
  '0006-dokumenter': { up: dokumenter },
  '0007-dialogmote': { up: dialogmote },
  '0008-legebrev-katalog': { up: legebrevKatalog },
  '0009-case-action': { up: caseAction },
  '0010-change-notify': { up: changeNotify },
};
