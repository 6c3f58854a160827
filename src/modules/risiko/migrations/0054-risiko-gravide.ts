import { type Kysely, sql } from 'kysely';

/**
 * The assessment for pregnant and breastfeeding workers (aml § 4-1 (2), FOLM § 7-1, FUA kap. 7):
 * an assessment's kind, and the hazards of the template it was made from — its kartlegging, not
 * yet scored (the hazard keys only: never who is pregnant). One per unit (product default), kept
 * by a partial unique index so two leaders creating it at once cannot make two.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table risk_assessment
      add column kind text not null default 'standard' check (kind in ('standard', 'gravide')),
      add column template_hazards jsonb not null default '[]'::jsonb;
    create unique index risk_assessment_one_gravide_per_unit
      on risk_assessment (organisation_id, unit_id) where kind = 'gravide';
  `.execute(db);
}
