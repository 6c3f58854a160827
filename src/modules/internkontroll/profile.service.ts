/**
 * The company profile (IK-f § 5, aml § 6-1, § 7-1, BHT-forskriften): what HR enters, what the register says, and the duties
 * derived from both by the pure `derivePlikter` — on every read, so they never go stale when the
 * register or the verneområder change. Every save is a new version; the history is kept.
 */
import {
  CompanyProfileFieldsSchema,
  type CompanyProfileInput,
  type CompanyProfileView,
  type StoredCompanyProfile,
} from '../../contracts/internkontroll/internkontroll.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import {
  averageAtLeast20hLastYear,
  type CompanyProfile,
  derivePlikter,
  employeesOn,
  toSn2025,
} from '../../domain/internkontroll/index.ts';
import { writeAudit } from '../../platform/audit.ts';
import { type CacheRegistry, defineCache } from '../../platform/caches.ts';
import type { Actor } from '../../platform/context.ts';
import { staleVersion } from '../../platform/errors.ts';

/** What an organisation that has saved nothing is assumed to have: the register's numbers, no risks. */
export const EMPTY_PROFILE: StoredCompanyProfile = {
  employeesTotalOverride: null,
  employeesTotalOverrideReason: null,
  employeesAvg20hLastYear: null,
  hiredWorkers: 0,
  nace: null,
  hazardousChemicals: false,
  cmrExposure: null,
  asbestosExposure: false,
  biologicalAgents: false,
  nightWorkMainly: false,
  amuDemandedBy: 'none',
  alternativeVoAgreementUntil: null,
  arbeidstilsynetOrders: { vo: false, amu: false, bht: false },
  bhtRiskAssessmentSaysRequired: null,
  lastVoElection: null,
  lastAmuElection: null,
};

export type StoredVersion = {
  version: number;
  profile: StoredCompanyProfile;
  changedAt: Date | null;
  changedBy: string | null;
};

export async function currentProfile(db: Db, organisationId: string): Promise<StoredVersion> {
  const row = await db
    .selectFrom('company_profile_version')
    .select(['version', 'profile', 'changed_at', 'changed_by_name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, profile: EMPTY_PROFILE, changedAt: null, changedBy: null };
  return {
    version: row.version,
    profile: parseStored(row.profile),
    changedAt: row.changed_at,
    changedBy: row.changed_by_name,
  };
}

/** A stored version read back; a field added later takes its empty value. */
function parseStored(json: unknown): StoredCompanyProfile {
  const merged = { ...EMPTY_PROFILE, ...(typeof json === 'object' && json !== null ? json : {}) };
  return CompanyProfileFieldsSchema.parse(merged);
}

type Headcount = { employeesTotal: number; avg20h: number | null; avgIsPreliminary: boolean };

/**
 * The head counts of an organisation for a day, cached per organisation until an employee row
 * changes (the change feed; `employee` carries the notify trigger of migration 0010): reading 5 000
 * employment spans costs far more than the rest of the dashboard.
 */
export const headcountCache = defineCache<Headcount>({
  name: 'internkontroll.headcount',
  tables: ['employee'],
  scope: 'organisation',
  max: 2_000,
  ttlMs: 10 * 60_000,
});

async function headcount(db: Db, organisationId: string, today: IsoDate): Promise<Headcount> {
  const spans = await db
    .selectFrom('employee')
    .select(['employment_start as start', 'employment_end as end', 'position_percent as positionPercent'])
    .where('organisation_id', '=', organisationId)
    .execute();
  const avg = averageAtLeast20hLastYear(spans, today);
  return {
    employeesTotal: employeesOn(spans, today),
    avg20h: avg.average,
    avgIsPreliminary: avg.preliminary,
  };
}

/** The register's facts the profile needs: head counts and the number of verneområder. */
export async function registerFacts(
  db: Db,
  organisationId: string,
  today: IsoDate,
  caches: CacheRegistry | null = null,
) {
  const [counts, areas] = await Promise.all([
    caches
      ? caches.get(headcountCache).get(organisationId, today, () => headcount(db, organisationId, today))
      : headcount(db, organisationId, today),
    db
      .selectFrom('verneomrade')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...counts, verneomraader: Number(areas.n) };
}

type Facts = Awaited<ReturnType<typeof registerFacts>>;

/** The `naervaer plikter` input: what HR entered where they did, else what the register says. */
export function effectiveProfile(stored: StoredCompanyProfile, facts: Facts, today: IsoDate) {
  const conversion = stored.nace ? toSn2025(stored.nace.system, stored.nace.code) : null;
  const profile: CompanyProfile = {
    employeesTotal: stored.employeesTotalOverride ?? facts.employeesTotal,
    employeesAvg20hLastYear: stored.employeesAvg20hLastYear ?? facts.avg20h ?? 0,
    hiredWorkers: stored.hiredWorkers,
    nace: stored.nace
      ? {
          system: stored.nace.system,
          code: stored.nace.code,
          sn2025: conversion?.sn2025 ?? null,
          label: stored.nace.label,
        }
      : null,
    hazardousChemicals: stored.hazardousChemicals,
    cmrExposure: stored.cmrExposure,
    asbestosExposure: stored.asbestosExposure,
    biologicalAgents: stored.biologicalAgents,
    nightWorkMainly: stored.nightWorkMainly,
    verneomraader: facts.verneomraader,
    amuDemandedBy: stored.amuDemandedBy,
    // aml § 6-1: a written agreement lasts at most two years; it is valid until its date.
    alternativeVoAgreementValid:
      stored.alternativeVoAgreementUntil !== null && stored.alternativeVoAgreementUntil >= today,
    arbeidstilsynetOrders: stored.arbeidstilsynetOrders,
    bhtRiskAssessmentSaysRequired: stored.bhtRiskAssessmentSaysRequired,
  };
  return { profile, conversion };
}

export async function profileView(
  db: Db,
  organisationId: string,
  today: IsoDate,
  caches: CacheRegistry | null = null,
): Promise<CompanyProfileView> {
  const [stored, facts] = await Promise.all([
    currentProfile(db, organisationId),
    registerFacts(db, organisationId, today, caches),
  ]);
  const { profile, conversion } = effectiveProfile(stored.profile, facts, today);
  return {
    version: stored.version,
    updatedAt: stored.changedAt?.toISOString() ?? null,
    updatedBy: stored.changedBy,
    input: stored.profile,
    computed: {
      employeesTotal: facts.employeesTotal,
      employeesAvg20hLastYear: facts.avg20h,
      avgIsPreliminary: facts.avgIsPreliminary,
      verneomraader: facts.verneomraader,
      naceSn2025: conversion?.sn2025 ?? null,
      naceConversion: conversion?.status ?? 'none',
    },
    effective: {
      employeesTotal: profile.employeesTotal,
      employeesAvg20hLastYear: profile.employeesAvg20hLastYear,
      verneomraader: profile.verneomraader,
      alternativeVoAgreementValid: profile.alternativeVoAgreementValid,
    },
    duties: derivePlikter(profile),
  };
}

/**
 * Saves a new version when `input.version` is the current one (else 409 STALE_VERSION). The
 * organisation row is locked so two saves of the same version cannot both pass the check.
 */
export async function saveProfile(
  trx: Db,
  actor: Actor,
  input: CompanyProfileInput,
): Promise<{ version: number; changedFields: string[] }> {
  await trx
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', actor.organisationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const current = await currentProfile(trx, actor.organisationId);
  if (current.version !== input.version) throw staleVersion();
  const { version: _edited, ...profile } = input;
  const version = current.version + 1;
  await trx
    .insertInto('company_profile_version')
    .values({
      organisation_id: actor.organisationId,
      version,
      profile: JSON.stringify(profile),
      changed_by: actor.userId,
      changed_by_name: actor.name,
    })
    .execute();
  const changedFields = current.version === 0 ? Object.keys(profile) : changedKeys(current.profile, profile);
  await writeAudit(trx, actor, {
    action: 'update',
    entityType: 'company_profile',
    entityId: actor.organisationId,
    detail: { version, changedFields },
  });
  return { version, changedFields };
}

function changedKeys(before: StoredCompanyProfile, after: StoredCompanyProfile): string[] {
  return (Object.keys(after) as (keyof StoredCompanyProfile)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

export async function profileHistory(db: Db, organisationId: string) {
  const rows = await db
    .selectFrom('company_profile_version')
    .select(['version', 'profile', 'changed_at', 'changed_by_name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('version', 'desc')
    .limit(200)
    .execute();
  return rows.map((row, i) => {
    const previous = rows[i + 1];
    const profile = parseStored(row.profile);
    return {
      version: row.version,
      changedAt: row.changed_at.toISOString(),
      changedBy: row.changed_by_name,
      changedFields: previous ? changedKeys(parseStored(previous.profile), profile) : Object.keys(profile),
    };
  });
}

/** Stores a first profile version without a user (the demo company). */
export async function seedCompanyProfile(db: Db, organisationId: string, profile: StoredCompanyProfile) {
  await db
    .insertInto('company_profile_version')
    .values({ organisation_id: organisationId, version: 1, profile: JSON.stringify(profile) })
    .execute();
}
