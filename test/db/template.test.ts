import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app/database.ts';
import { registry } from '../../src/app/registry.ts';
import { type DbLogger, DEFAULT_TEMPLATE_PATH } from '../../src/db/connect.ts';

const migrations = registry.migrations;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'naervaer-template-'));
let template = DEFAULT_TEMPLATE_PATH;

function recordingLogger(): DbLogger & { messages: string[] } {
  const messages: string[] = [];
  return { messages, info: (_obj, msg) => messages.push(msg), warn: (_obj, msg) => messages.push(msg) };
}

beforeAll(() => {
  if (!existsSync(template)) {
    // Not built yet (fresh checkout): build one for this test only.
    template = join(scratch, 'template.tar.gz');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-pglite-template.ts', template], {
      cwd: ROOT,
    });
  }
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('PGlite data directory from the template', () => {
  it('starts a directory that does not exist from the template, and the data persists across close/reopen', async () => {
    const dataDir = join(scratch, 'nested', 'data');
    const logger = recordingLogger();
    const first = await openAppDatabase({ dataDir, template, logger });
    expect(logger.messages).toContain('PGlite data directory created from the template');
    await first.db.insertInto('organisation').values({ name: 'Varig AS', orgnr: '974760673' }).execute();
    await first.close();

    // PostgreSQL's files are on disk at the path, not only in memory.
    expect(readdirSync(dataDir)).toEqual(expect.arrayContaining(['PG_VERSION', 'base', 'global']));

    const reopenLogger = recordingLogger();
    const second = await openAppDatabase({ dataDir, template, logger: reopenLogger });
    try {
      expect(reopenLogger.messages).not.toContain('PGlite data directory created from the template');
      const rows = await second.db.selectFrom('organisation').select(['name', 'orgnr']).execute();
      expect(rows).toEqual([{ name: 'Varig AS', orgnr: '974760673' }]);
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
        second.db,
      );
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    } finally {
      await second.close();
    }
  }, 60_000);

  it('falls back to initdb when the template cannot be loaded', async () => {
    const dataDir = join(scratch, 'broken-template');
    const logger = recordingLogger();
    const opened = await openAppDatabase({ dataDir, template: new Blob(['not a tar archive']), logger });
    try {
      expect(logger.messages).toContain('PGlite template could not be loaded; running initdb instead');
      const rows = await opened.db.selectFrom('job').select('id').execute();
      expect(rows).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 60_000);
});
