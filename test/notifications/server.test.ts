/** `startServer` runs the worker (unless WORKER=false): at start it enqueues and runs today's sweep. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { SWEEP_JOB } from '../../src/modules/notifications/index.ts';
import { osloToday } from '../../src/platform/clock.ts';
import { startServer } from '../../src/server.ts';
import { waitUntil } from './support/child.ts';

describe('the worker in the server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'naervaer-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    NAERVAER_DATA_DIR: join(dir, 'data'),
    MAIL_DIR: join(dir, 'mail-out'),
    NAERVAER_WEB_DIR: join(dir, 'no-web'),
    LOG_LEVEL: 'silent' as const,
  };

  it('starts with the server and runs today’s sweep; WORKER=false leaves it out', async () => {
    const server = await startServer(loadConfig(env));
    try {
      expect(server.worker).toBeDefined();
      await waitUntil('the sweep to run', async () => {
        const job = await server.database.db
          .selectFrom('job')
          .select('done_at')
          .where('key', '=', `sweep:${osloToday()}`)
          .executeTakeFirst();
        return job?.done_at instanceof Date;
      });
    } finally {
      await server.close();
    }
    const quiet = await startServer(loadConfig({ ...env, WORKER: 'false' }));
    try {
      expect(quiet.worker).toBeUndefined();
      const sweeps = await quiet.database.db
        .selectFrom('job')
        .select('key')
        .where('kind', '=', SWEEP_JOB)
        .execute();
      expect(sweeps).toHaveLength(1); // only the first server's
    } finally {
      await quiet.close();
    }
  }, 60_000);
});
