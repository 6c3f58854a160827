import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../src/app/database.ts';
import { describeStartupError } from '../../src/app/startup-error.ts';
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

function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
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

  it('takes over a lock held by a killed process its parent has not reaped (a zombie)', async () => {
    if (!existsSync('/proc/self/stat')) return; // not Linux
    const dataDir = join(scratch, 'zombie');
    // `sleep 600` runs in the background of a shell that then becomes `sleep 30`, which never reaps.
    const parent = spawn('sh', ['-c', 'sleep 600 & echo $!; exec sleep 30']);
    try {
      const pid = await new Promise<number>((resolve) =>
        parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
      );
      const start = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const procStart = start.slice(start.lastIndexOf(')') + 2).split(' ')[19];
      process.kill(pid, 'SIGKILL');
      for (let i = 0; i < 100 && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); i++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(readFileSync(`/proc/${pid}/stat`, 'utf8')).toMatch(/\) Z /);
      writeFileSync(
        lockPathFor(dataDir),
        JSON.stringify({ pid, hostname: hostname(), startedAt: '', procStart, token: 't' }),
      );
      const release = lockDataDir(dataDir);
      expect(JSON.parse(readFileSync(lockPathFor(dataDir), 'utf8'))).toMatchObject({ pid: process.pid });
      release();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('a directory reached through a symlink has the same lock as under its own name', () => {
    const real = join(scratch, 'real-dir');
    mkdirSync(real);
    const alias = join(scratch, 'alias-dir');
    symlinkSync(real, alias);
    expect(lockPathFor(alias)).toBe(lockPathFor(real));
    const release = lockDataDir(real);
    try {
      expect(() => lockDataDir(alias)).toThrow(DataDirLockedError);
    } finally {
      release();
    }
  });

  it('`naervaer demo` on a locked directory prints the message, not a stack trace', async () => {
    const dataDir = join(scratch, 'demo-locked');
    const release = lockDataDir(dataDir);
    try {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'demo'], {
          cwd: ROOT,
          env: withoutDatabaseUrl({ ...process.env, NAERVAER_DATA_DIR: dataDir }),
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
        });
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('er allerede i bruk');
      expect(result.stderr).not.toMatch(/^\s+at /m);
    } finally {
      release();
    }
  }, 60_000);

  it('a start-up failure that is not an Error is printed readably, not as [object Object]', () => {
    expect(describeStartupError({ message: 'PGlite could not open the directory' })).toContain(
      'PGlite could not open the directory',
    );
    expect(describeStartupError({ errno: 5 })).toContain('{"errno":5}');
    expect(describeStartupError({ errno: 5 })).not.toContain('[object Object]');
  });
});
