/**
 * Row types of the survey tables (migration 0030-undersokelse). Calendar dates are `'YYYY-MM-DD'`
 * strings; timestamps are `Date`.
 */
import type { ColumnType, Generated } from 'kysely';
import type { IsoDate } from '../../db/core.tables.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface SurveyTable {
  organisation_id: string;
  id: Generated<string>;
  title: string;
  intro: ColumnType<string, string | undefined, string>;
  opens_on: IsoDate;
  closes_on: IsoDate;
  published_at: NullableTimestamp;
  created_by: string | null;
  created_by_name: string | null;
  created_at: CreatedAt;
  /** `StoredResults` (survey.service.ts) as JSON: the shown results, kept from the day after closing. */
  results: ColumnType<unknown, string | null | undefined, string | null>;
  answers_deleted_on: IsoDate | null;
}

export interface SurveyUnitTable {
  organisation_id: string;
  survey_id: string;
  unit_id: string;
}

export interface SurveyQuestionTable {
  organisation_id: string;
  survey_id: string;
  id: Generated<string>;
  position: number;
  kind: 'scale' | 'choice' | 'text';
  item_key: string | null;
  text_nb: string;
  text_en: string;
  /** The options of a choice question, as a JSON array of strings. */
  options: ColumnType<unknown, string | undefined, string>;
}

/** Who has answered a survey — and nothing about what. */
export interface SurveyRespondentTable {
  organisation_id: string;
  survey_id: string;
  user_id: string;
}

/** One answer to one question — and nothing about who or when. */
export interface SurveyAnswerTable {
  organisation_id: string;
  survey_id: string;
  id: Generated<string>;
  question_id: string;
  /** The group the answer counts in: a unit with ≥ 5 employees in scope, or null (the rest). */
  unit_id: string | null;
  value: number | null;
  text: string | null;
}

export interface UndersokelseTables {
  survey: SurveyTable;
  survey_unit: SurveyUnitTable;
  survey_question: SurveyQuestionTable;
  survey_respondent: SurveyRespondentTable;
  survey_answer: SurveyAnswerTable;
}

declare module '../../db/schema.ts' {
  interface Database extends UndersokelseTables {}
}
