/**
 * The årshjul keeps up by itself: once a day, every organisation's årshjul for this year and next is
 * brought in line with its profile and register (a head count crossing 5 or 30 changes the duties),
 * so the new year's activities exist — and are reminded of — before anyone opens the page.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';
import { syncArshjul } from './arshjul.service.ts';

export const ARSHJUL_SYNC_JOB = 'internkontroll.arshjul-sync';

export async function syncAllArshjul(db: Kysely<Database>, today: IsoDate): Promise<number> {
  const year = Number(today.slice(0, 4));
  const organisations = await db.selectFrom('organisation').select('id').execute();
  for (const { id } of organisations) {
    await db.transaction().execute(async (trx) => {
      await syncArshjul(trx, id, year, today);
      await syncArshjul(trx, id, year + 1, today);
    });
  }
  return organisations.length;
}

export function arshjulSyncJob(deps: JobDeps) {
  return defineJob({
    kind: ARSHJUL_SYNC_JOB,
    payload: z.object({ today: z.string().optional() }),
    async handle(input) {
      await syncAllArshjul(deps.db, input.today ?? deps.today());
    },
  });
}

export function scheduleArshjulSync(db: Db, today: IsoDate) {
  return enqueue(db, { key: `${ARSHJUL_SYNC_JOB}:${today}`, kind: ARSHJUL_SYNC_JOB, payload: { today } });
}
