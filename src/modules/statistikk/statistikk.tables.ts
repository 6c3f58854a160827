/** Row types of the statistics module (migrations 0024-statistikk, 0034-statistikk-benchmark). */
import type { ColumnType, Generated } from 'kysely';

export interface StatistikkSettingTable {
  organisation_id: string;
  /** Whole kroner per tapt dagsverk; null = the product default (17 000 kr per week). */
  daily_cost: number | null;
  updated_by: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface StatistikkBenchmarkImportTable {
  organisation_id: string;
  id: Generated<string>;
  source_kind: 'fil' | 'url';
  /** The file name or the URL. */
  source_name: string;
  row_count: number;
  imported_by: string | null;
  imported_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface StatistikkBenchmarkTable {
  organisation_id: string;
  /** YYYYQn */
  quarter: string;
  kategori: 'naering' | 'sektor' | 'land';
  kode: string;
  navn: string;
  /** Hundredths of a per cent, as NAV published it. */
  hundredths: number;
  import_id: string;
}

export interface StatistikkTables {
  statistikk_setting: StatistikkSettingTable;
  statistikk_benchmark_import: StatistikkBenchmarkImportTable;
  statistikk_benchmark: StatistikkBenchmarkTable;
}

declare module '../../db/schema.ts' {
  interface Database extends StatistikkTables {}
}

/** Migration 0053-statistikk-bidrag (ADR 0023). Dagsverk in millionths; bigint comes back as text. */
export interface StatistikkFravaerTable {
  organisation_id: string;
  employee_id: string;
  /** The quarter's index, year × 4 + n − 1. */
  quarter: number;
  lk: ColumnType<string, number | string, number | string>;
  ll: ColumnType<string, number | string, number | string>;
  ek: ColumnType<string, number | string, number | string>;
  el: ColumnType<string, number | string, number | string>;
}

export interface StatistikkDirtyTable {
  organisation_id: string;
  employee_id: string;
}

export interface StatistikkFrozenTable {
  organisation_id: string;
  employee_id: string;
  until_quarter: number;
}

export interface StatistikkArkivTable {
  organisation_id: string;
  id: Generated<string>;
  unit_id: string | null;
  quarter: number;
  lk: ColumnType<string, number | string, number | string>;
  ll: ColumnType<string, number | string, number | string>;
  ek: ColumnType<string, number | string, number | string>;
  el: ColumnType<string, number | string, number | string>;
}

export interface StatistikkBidragTables {
  statistikk_fravaer: StatistikkFravaerTable;
  statistikk_dirty: StatistikkDirtyTable;
  statistikk_frozen: StatistikkFrozenTable;
  statistikk_arkiv: StatistikkArkivTable;
}

declare module '../../db/schema.ts' {
  interface Database extends StatistikkBidragTables {}
}
