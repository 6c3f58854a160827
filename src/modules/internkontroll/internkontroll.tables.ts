/**
 * Row types of the internkontroll tables (migration 0011-internkontroll). Calendar dates are
 * `'YYYY-MM-DD'` strings; timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string, string>;

/** One saved version of the company profile; the highest version is the current one. */
export interface CompanyProfileVersionTable {
  organisation_id: string;
  version: number;
  /** `StoredCompanyProfile` (src/contracts/internkontroll), as JSON. */
  profile: Json;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: CreatedAt;
}

export type ArshjulKind = 'lovkrav' | 'anbefalt' | 'egen';

/**
 * One dated activity of a year's årshjul: generated from the profile (`item_key` set, unique per
 * year and occurrence, so a re-derivation never duplicates it) or the organisation's own.
 */
export interface ArshjulItemTable {
  organisation_id: string;
  id: Generated<string>;
  year: number;
  item_key: string | null;
  occurrence: ColumnType<string, string | undefined, string>;
  title_nb: string;
  title_en: string;
  subtasks: ColumnType<unknown, string | undefined, string>;
  due: IsoDate;
  /** The date the rules gave; differs from `due` when someone moved the item. Null for own items. */
  generated_due: IsoDate | null;
  owner_role: string;
  legal_basis: string | null;
  kind: ArshjulKind;
  done_at: NullableTimestamp;
  done_by: string | null;
  done_by_name: string | null;
  done_note: string | null;
  created_at: CreatedAt;
}

export interface InternkontrollTables {
  company_profile_version: CompanyProfileVersionTable;
  arshjul_item: ArshjulItemTable;
}

declare module '../../db/schema.ts' {
  interface Database extends InternkontrollTables {}
}
