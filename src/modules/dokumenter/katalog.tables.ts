/**
 * Row types of the tilrettelegging catalogues and the letters to the doctor (migration
 * 0008-legebrev-katalog). Timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type TiltakKind = 'psykososial' | 'fysisk' | 'organisatorisk';

export interface KatalogSeedTable {
  organisation_id: string;
  seeded_at: CreatedAt;
}

export interface TilretteleggingTiltakTable {
  organisation_id: string;
  id: Generated<string>;
  kind: TiltakKind;
  title: string;
  description: string;
  /** The default item the row was seeded from while untouched (katalog.defaults.ts, migration 0058). */
  seed_key: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  sort: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface TilpassetArbeidTable {
  organisation_id: string;
  id: Generated<string>;
  title: string;
  description: string;
  unit_id: string | null;
  /** The default item the row was seeded from while untouched (katalog.defaults.ts, migration 0058). */
  seed_key: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  sort: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface BeredskapsplanTable {
  organisation_id: string;
  unit_id: string;
  covers: string;
  substitutes: string;
  can_wait: string;
  version: number;
  updated_by: string;
  updated_at: Timestamp;
}

export interface LegebrevTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  content: Json;
  created_by: string;
  created_at: CreatedAt;
}

export interface KatalogTables {
  katalog_seed: KatalogSeedTable;
  tilrettelegging_tiltak: TilretteleggingTiltakTable;
  tilpasset_arbeid: TilpassetArbeidTable;
  beredskapsplan: BeredskapsplanTable;
  legebrev: LegebrevTable;
}

declare module '../../db/schema.ts' {
  interface Database extends KatalogTables {}
}
