/**
 * Row types of the training records (migration 0013-opplaering). Calendar dates are `'YYYY-MM-DD'`
 * strings; `hours` is `numeric` (read as a string, written as a number); the certificate is bytes.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';
import type { Course } from '../../domain/opplaering/courses.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface TrainingRecordTable {
  organisation_id: string;
  id: Generated<string>;
  employee_id: string;
  course: Course;
  title: string | null;
  completed_on: IsoDate;
  hours: ColumnType<string, number | string, number | string>;
  provider: string | null;
  expires_on: IsoDate | null;
  note: string | null;
  certificate: Buffer | null;
  certificate_name: string | null;
  certificate_mime: string | null;
  certificate_size: number | null;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface OpplaeringTables {
  training_record: TrainingRecordTable;
}

declare module '../../db/schema.ts' {
  interface Database extends OpplaeringTables {}
}
