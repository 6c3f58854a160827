/**
 * The Kysely `Database` type: every table the application knows. `db/` declares the core tables;
 * every other owner adds its own from its `*.tables.ts` file by declaration merging, so `db/`
 * never imports a module:
 *
 * ```ts
 * declare module '../../db/schema.ts' {
 *   interface Database extends MyModuleTables {}
 * }
 * ```
 */
import type { Kysely, Transaction } from 'kysely';
import type { CoreTables } from './core.tables.ts';

export interface Database extends CoreTables {}

/** A connection or an open transaction: what a query function takes. */
export type Db = Kysely<Database> | Transaction<Database>;
