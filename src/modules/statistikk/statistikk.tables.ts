/** Row types of the statistics module (migration 0024-statistikk). */
import type { ColumnType } from 'kysely';

export interface StatistikkSettingTable {
  organisation_id: string;
  /** Whole kroner per tapt dagsverk; null = the product default (17 000 kr per week). */
  daily_cost: number | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface StatistikkTables {
  statistikk_setting: StatistikkSettingTable;
}

declare module '../../db/schema.ts' {
  interface Database extends StatistikkTables {}
}
