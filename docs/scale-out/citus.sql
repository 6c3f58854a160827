-- Nærvær on Citus: the distribution plan (docs/scale-out/README.md explains the path).
--
-- Run once on the coordinator, on a database migrated by the app, before tenant data grows:
--   psql -v ON_ERROR_STOP=1 -d "$DATABASE_URL" -f docs/scale-out/citus.sql
--
-- Every table of the schema is named here exactly once (test/db/citus-plan.test.ts checks this
-- against the catalogue of a migrated database, and that every distributed table has
-- organisation_id in its primary key, in every unique index and in every foreign key to another
-- distributed table). A new table needs one line: tenant data →
--   SELECT create_distributed_table('t', 'organisation_id', colocate_with => 'unit');
-- shared by every organisation and small → SELECT create_reference_table('t');
-- kept on the coordinator only → a comment line `-- coordinator-local: t — why`.
-- Order matters: a table comes after every table its foreign keys point to.

CREATE EXTENSION IF NOT EXISTS citus;

BEGIN;

-- Shared by every organisation: copied to every node, so any shard may join or reference them.
-- organisation: one row per tenant; every tenant table's foreign key (organisation_id) points here.
SELECT create_reference_table('organisation');
-- user_account: one person may belong to several organisations (a BHT consultant); roles are per
-- organisation (membership, role_assignment: distributed).
SELECT create_reference_table('user_account');

-- Kept on the coordinator (plain local tables; Citus keeps their foreign keys to reference tables):
-- coordinator-local: job — the job queue is claimed with FOR UPDATE SKIP LOCKED and a global unique key (exactly-once enqueue); workers poll the coordinator, never a shard
-- coordinator-local: session — looked up by token hash on every request before the organisation is known; a user switches organisation within one session
-- coordinator-local: login_throttle — per account and IP, before any organisation is known
-- coordinator-local: auth_login_challenge — the second login step, before the organisation is chosen (like session)
-- coordinator-local: auth_totp — a person's second factor, checked at login before any organisation is known
-- coordinator-local: auth_recovery_code — idem
-- coordinator-local: auth_password_reset — looked up by token hash from a link, before any organisation is known
-- coordinator-local: auth_session_info — one row per session (last used, browser), beside session
-- coordinator-local: auth_failed_login — per account, written at login before any organisation is known
-- coordinator-local: auth_oidc_login — a single sign-on login in flight, looked up by its cookie's hash when the provider sends the browser back (like auth_login_challenge)
-- coordinator-local: kysely_migration — the migration bookkeeping; DDL is run on the coordinator, which propagates it
-- coordinator-local: kysely_migration_lock — the migration lock, idem

-- Tenant data, distributed by organisation and co-located: all of one organisation's rows live on
-- one node, so every query scoped by organisation_id (all of them) runs on one shard.

SELECT create_distributed_table('unit', 'organisation_id');
SELECT create_distributed_table('employee', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('sykefravaer_followup', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('absence_period', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('absence_period_history', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('verneomrade', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('hms_role', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('amu_chair', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('annual_review', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('arshjul_item', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('audit_log', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('avvik', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('avvik_alarm_step', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('avvik_injury', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('avvik_photo', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('avvik_privacy', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('avvik_task', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('membership', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('avvik_tiltak', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('beredskapsplan', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('calendar_feed_token', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('case_action', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('company_profile_version', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('custom_reminder', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('dialogmote', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('dialogmote_participant', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('hms_goal', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('hms_measure', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('hms_routine', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('hms_routine_unit', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('hms_routine_version', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('katalog_seed', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('legebrev', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('mail_delivery', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('milestone_record', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('notification', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('notification_setting', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('oppfolgingsplan', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('oppfolgingsplan_comment', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('oppfolgingsplan_sending', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('oppfolgingsplan_version', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_assessment', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_assessment_revision', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_item', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_tiltak', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_bowtie_item', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_comment', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_criteria', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('risk_suggestion', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('role_assignment', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('routine_confirmation', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('rutine_case', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('rutine_version', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('samtalereferat', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('statistikk_setting', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('sykefravaer_agp_override', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('sykefravaer_setting', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('task_record', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('tilpasset_arbeid', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('tilrettelegging_tiltak', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('training_record', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_case', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_case_log', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_channel', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_exclusion', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_file', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_handler', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_message', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('verneomrade_unit', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('amu_meeting', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('amu_decision', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('amu_demand', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('amu_arsrapport', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('survey', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('survey_unit', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('survey_question', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('survey_respondent', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('survey_answer', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('vernerunde', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('vernerunde_finding', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('vernerunde_photo', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('stoff_product', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('stoff_sds', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('stoff_exposure', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_routine', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_routine_read', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('varsling_retaliation', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('statistikk_benchmark_import', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('statistikk_benchmark', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('user_invitation', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('statistikk_fravaer', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('statistikk_dirty', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('statistikk_frozen', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('statistikk_arkiv', 'organisation_id', colocate_with => 'unit');

SELECT create_distributed_table('auth_oidc_config', 'organisation_id', colocate_with => 'unit');
SELECT create_distributed_table('auth_oidc_identity', 'organisation_id', colocate_with => 'unit');

COMMIT;
