/**
 * The roles keep up by themselves: once a day the login roles are brought in line with who holds
 * which office (a term that starts, a successor taking over, an employee who left, a login linked to
 * the employee record later) — see `logins.ts`.
 */
import { z } from 'zod';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { enqueue } from '../../jobs/index.ts';
import { defineJob } from '../../platform/jobs.ts';
import type { JobDeps } from '../../platform/module.ts';
import { syncAllLogins } from './logins.ts';

export const ROLLER_SYNC_JOB = 'roller.login-sync';

export function rollerSyncJob(deps: JobDeps) {
  return defineJob({
    kind: ROLLER_SYNC_JOB,
    payload: z.object({ today: z.string().optional() }),
    async handle(input) {
      await syncAllLogins(deps.db, input.today ?? deps.today());
    },
  });
}

export function scheduleRollerSync(db: Db, today: IsoDate) {
  return enqueue(db, { key: `${ROLLER_SYNC_JOB}:${today}`, kind: ROLLER_SYNC_JOB, payload: { today } });
}
