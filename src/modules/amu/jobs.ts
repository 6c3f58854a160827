/**
 * The årsrapport is generated in January (product default): once a day in January, every
 * organisation with an arbeidsmiljøutvalg registered (members in office under «Roller og verv»)
 * gets the draft for the previous year, if it has none. The job acts for no user, so its audit row
 * is written here with `actor_roles = 'system'` (as the roller module's daily job does).
 */

import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/schema.ts';
import { arsrapportYearFor, isArsrapportMonth } from '../../domain/amu/index.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';
import { amuComposition } from '../roller/index.ts';
import { insertDraft } from './arsrapport.service.ts';

export const ARSRAPPORT_JOB = 'amu.arsrapport-draft';

/** Makes the missing drafts; returns how many were made. */
export async function generateArsrapportDrafts(db: Kysely<Database>, today: IsoDate): Promise<number> {
  if (!isArsrapportMonth(today)) return 0;
  const year = arsrapportYearFor(today);
  const organisations = await db.selectFrom('organisation').select('id').execute();
  let made = 0;
  for (const { id } of organisations) {
    const composition = await amuComposition(db, id, today);
    if (!composition.members.some((m) => m.side !== 'bht')) continue;
    await db.transaction().execute(async (trx) => {
      if (!(await insertDraft(trx, id, year, today, null))) return;
      made++;
      await trx
        .insertInto('audit_log')
        .values({
          organisation_id: id,
          actor_user_id: null,
          actor_roles: 'system',
          action: 'create',
          entity_type: 'amu_arsrapport',
          entity_id: String(year),
          detail: JSON.stringify({ source: 'amu.daily' }),
        })
        .execute();
    });
  }
  return made;
}

export function arsrapportJob(deps: JobDeps) {
  return defineJob({
    kind: ARSRAPPORT_JOB,
    payload: z.object({ today: z.string().optional() }),
    async handle(input) {
      await generateArsrapportDrafts(deps.db, input.today ?? deps.today());
    },
  });
}

export function scheduleArsrapport(db: Db, today: IsoDate) {
  if (!isArsrapportMonth(today)) return Promise.resolve(null);
  return enqueue(db, { key: `${ARSRAPPORT_JOB}:${today}`, kind: ARSRAPPORT_JOB, payload: { today } });
}
