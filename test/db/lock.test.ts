import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app/database.ts';
import { DataDirLockedError, lockDataDir, lockPathFor } from '../../src/db/lock.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./fixtures/open-data-dir.ts', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'naervaer-lock-'));

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** Runs `openDatabase` on `dataDir` in a real second Node process. */
function openInChild(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  if (!pid) throw new Error('could not spawn');
  return pid;
}

describe('PGlite data directory lock', () => {
  it('refuses a second process with a clear message while the directory is open, and lets it in after close', async () => {
    const dataDir = join(scratch, 'shared');
    const opened = await openAppDatabase({ dataDir });
    try {
      const lock = JSON.parse(readFileSync(lockPathFor(dataDir), 'utf8')) as { pid: number };
      expect(lock.pid).toBe(process.pid);
      const refused = await openInChild(dataDir);
      expect(refused.code).not.toBe(0);
      expect(refused.stdout).not.toContain('opened');
      expect(refused.stderr).toContain(
        `Datakatalogen ${dataDir} er allerede i bruk av prosess ${process.pid}`,
      );
      expect(refused.stderr).toContain('Stopp den andre Nærvær-prosessen først');
      expect(refused.stderr).toContain(`is in use by process ${process.pid}`);
      // The refused process must not have touched the data.
      await opened.db.selectFrom('organisation').select('id').execute();
    } finally {
      await opened.close();
    }
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
    const admitted = await openInChild(dataDir);
    expect(admitted.stderr).toBe('');
    expect(admitted.code).toBe(0);
    expect(admitted.stdout).toContain('opened');
  }, 60_000);

  it('refuses a second open of the same directory in the same process', async () => {
    const dataDir = join(scratch, 'twice');
    const release = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
      await expect(openAppDatabase({ dataDir })).rejects.toThrow(/er allerede i bruk/);
    } finally {
      release();
    }
    const again = lockDataDir(dataDir);
    again();
    again(); // idempotent
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dataDir = join(scratch, 'stale');
    const pid = deadPid();
    const lockPath = lockPathFor(dataDir);
    writeFileSync(
      lockPath,
      JSON.stringify({ pid, hostname: 'x', startedAt: '', procStart: null, token: 't' }),
    );
    // A lock from another host cannot be checked: it counts as held.
    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);

    writeFileSync(lockPath, `${pid}\n`); // bare pid, this host
    const opened = await openAppDatabase({ dataDir });
    try {
      expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    } finally {
      await opened.close();
    }
    expect(existsSync(lockPath)).toBe(false);
  }, 60_000);

  it('takes over a lock whose pid now belongs to another process (pid reuse)', () => {
    const dataDir = join(scratch, 'reused');
    const lockPath = lockPathFor(dataDir);
    if (!existsSync(`/proc/${process.ppid}/stat`)) return; // not Linux: pid reuse is not detected
    // Our parent is alive, but started at another time than the lock says.
    writeFileSync(
      lockPath,
      JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: '', procStart: '1', token: 't' }),
    );
    const release = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
  });
});
