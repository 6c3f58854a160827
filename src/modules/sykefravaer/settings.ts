/**
 * The organisation's sick-leave settings: egenmelding policy (§11.7) and retention (§11.9).
 * An organisation without a row has the defaults: the statutory policy, 12 months' retention.
 */
import type { Kysely } from 'kysely';
import type { Settings, SettingsRequest } from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import type { Database, Db } from '../../db/schema.ts';
import {
  customEgenmeldingPolicy,
  type EgenmeldingPolicy,
  egenmeldingPolicy,
} from '../../domain/sykefravaer/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import type { SykefravaerSettingTable } from './sykefravaer.tables.ts';

export const DEFAULT_RETENTION_MONTHS = 12;

type SettingRow = Pick<
  SykefravaerSettingTable,
  | 'egenmelding_preset'
  | 'max_days_per_occasion'
  | 'max_days_per_12_months'
  | 'max_occasions_per_12_months'
  | 'min_employment_months'
  | 'retention_months'
>;

export function settingsFromRow(row: SettingRow | undefined): Settings {
  if (row === undefined) {
    return { egenmeldingPolicy: egenmeldingPolicy('statutory'), retentionMonths: DEFAULT_RETENTION_MONTHS };
  }
  let policy: EgenmeldingPolicy;
  if (row.egenmelding_preset === 'custom') {
    policy = customEgenmeldingPolicy({
      maxDaysPerOccasion: row.max_days_per_occasion ?? 3,
      maxDaysPer12Months: row.max_days_per_12_months,
      maxOccasionsPer12Months: row.max_occasions_per_12_months,
      minEmploymentMonths: row.min_employment_months ?? 2,
    });
  } else {
    policy = egenmeldingPolicy(row.egenmelding_preset);
  }
  return { egenmeldingPolicy: policy, retentionMonths: row.retention_months };
}

const settingColumns = [
  'egenmelding_preset',
  'max_days_per_occasion',
  'max_days_per_12_months',
  'max_occasions_per_12_months',
  'min_employment_months',
  'retention_months',
] as const;

export async function loadSettings(db: Db, organisationId: string): Promise<Settings> {
  const row = await db
    .selectFrom('sykefravaer_setting')
    .select(settingColumns)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return settingsFromRow(row);
}

/** Retention months of every organisation that changed the default (the others have 12). */
export async function retentionMonthsByOrganisation(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sykefravaer_setting')
    .select(['organisation_id', 'retention_months'])
    .execute();
  return new Map(rows.map((r) => [r.organisation_id, r.retention_months]));
}

export async function saveSettings(
  db: Kysely<Database>,
  actor: Actor,
  input: SettingsRequest,
): Promise<Settings> {
  const p = input.egenmeldingPolicy;
  const custom = p.preset === 'custom';
  const values = {
    egenmelding_preset: p.preset,
    max_days_per_occasion: custom ? (p.maxDaysPerOccasion ?? null) : null,
    max_days_per_12_months: custom ? (p.maxDaysPer12Months ?? null) : null,
    max_occasions_per_12_months: custom ? (p.maxOccasionsPer12Months ?? null) : null,
    min_employment_months: custom ? (p.minEmploymentMonths ?? null) : null,
    retention_months: input.retentionMonths,
    updated_by: actor.userId,
    updated_at: new Date(),
  };
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sykefravaer_setting')
      .values({ organisation_id: actor.organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .execute();
    await writeAudit(trx, actor, {
      action: 'update',
      entityType: 'sykefravaer_settings',
      entityId: actor.organisationId,
      detail: { preset: p.preset, retentionMonths: input.retentionMonths },
    });
    return loadSettings(trx, actor.organisationId);
  });
}
