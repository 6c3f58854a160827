/**
 * An exclusive lock file for a PGlite data directory.
 *
 * PGlite does not lock its data directory: a second process opens it without error and rows are
 * silently lost when both write. `lockDataDir(dir)` creates `${dir}.lock` beside the directory
 * (beside, so that the directory itself stays exactly what PostgreSQL wrote and an empty
 * directory can still receive the template) with `open(…, 'wx')`, which fails atomically when the
 * file exists. The file holds JSON: pid, host name, start time, the kernel's process start time
 * (Linux, to recognise a reused pid) and a random token (so we only ever delete our own lock).
 *
 * A lock whose holder is alive makes `lockDataDir` throw `DataDirLockedError`. A stale lock (the
 * pid is dead, or reused by another process, or is our own pid left over from a previous run in
 * a container) is taken over. A lock written on another host cannot be checked and counts as
 * held. The lock is released by the returned function, and as a last resort on process exit and
 * on SIGINT/SIGTERM when no other code listens for those signals.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot), null off Linux. */
  procStart: string | null;
  token: string;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  readonly dataDir: string;
  readonly lockPath: string;
  readonly holder: LockInfo | null;

  constructor(dataDir: string, lockPath: string, holder: LockInfo | null) {
    const who = holder ? `prosess ${holder.pid}` : 'en annen prosess';
    const whoEn = holder ? `process ${holder.pid}` : 'another process';
    const host = holder && holder.hostname !== hostname() ? ` (${holder.hostname})` : '';
    super(
      `Datakatalogen ${dataDir} er allerede i bruk av ${who}${host}. Stopp den andre Nærvær-prosessen først. ` +
        `Er du sikker på at ingen annen prosess bruker den, slett låsefilen ${lockPath}. / ` +
        `The data directory ${dataDir} is in use by ${whoEn}${host}. Stop the other Nærvær process first. ` +
        `If you are sure no other process uses it, delete the lock file ${lockPath}.`,
    );
    this.name = 'DataDirLockedError';
    this.dataDir = dataDir;
    this.lockPath = lockPath;
    this.holder = holder;
  }
}

/** Locks held by this process: lock path → token. */
const held = new Map<string, string>();

/** Fields 3… of /proc/<pid>/stat (Linux), or null. */
function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces; field 3 follows ") ".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Field 22: the process's start time in clock ticks since boot. */
function procStart(pid: number): string | null {
  return procStat(pid)?.[19] ?? null;
}

/** Field 3: `Z` (zombie: killed, not yet reaped by its parent) or `X` (dead) holds no lock. */
function procDead(pid: number): boolean {
  const state = procStat(pid)?.[0];
  return state === 'Z' || state === 'X';
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function readRaw(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

function parseLock(raw: string): LockInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  // A bare pid, as older lock files and other tools write it.
  if (typeof value === 'number') value = { pid: value };
  if (typeof value !== 'object' || value === null) return null;
  const info = value as Partial<LockInfo>;
  if (typeof info.pid !== 'number' || !Number.isInteger(info.pid) || info.pid <= 0) return null;
  return {
    pid: info.pid,
    hostname: typeof info.hostname === 'string' ? info.hostname : hostname(),
    startedAt: typeof info.startedAt === 'string' ? info.startedAt : '',
    procStart: typeof info.procStart === 'string' ? info.procStart : null,
    token: typeof info.token === 'string' ? info.token : '',
  };
}

function holderAlive(info: LockInfo, lockPath: string): boolean {
  if (info.hostname !== hostname()) return true; // cannot check another host's processes
  if (info.pid === process.pid) return held.has(lockPath); // else: a previous run with our pid
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if (errorCode(error) !== 'EPERM') return false; // ESRCH: no such process
  }
  // A killed process its parent has not reaped yet still answers kill(pid, 0).
  if (procDead(info.pid)) return false;
  const current = procStart(info.pid);
  return !(info.procStart !== null && current !== null && current !== info.procStart);
}

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

/** Removes a stale lock file if it still has the content we judged stale. */
function breakStaleLock(lockPath: string, staleRaw: string): boolean {
  const breakPath = `${lockPath}.break`;
  let fd: number;
  try {
    fd = openSync(breakPath, 'wx');
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    if (olderThan(breakPath, 10_000)) unlinkSync(breakPath); // a breaker that died
    return false;
  }
  try {
    if (readRaw(lockPath) === staleRaw) unlinkSync(lockPath);
    return true;
  } finally {
    closeSync(fd);
    unlinkSync(breakPath);
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function releaseAll(): void {
  for (const [lockPath, token] of held) releasePath(lockPath, token);
}

function onSignal(signal: NodeJS.Signals): void {
  // Another listener (the application's graceful shutdown) owns the exit and calls close().
  if (process.listenerCount(signal) > 1) return;
  releaseAll();
  removeProcessHooks();
  process.kill(process.pid, signal); // re-raise with the default action
}

function installProcessHooks(): void {
  if (held.size > 0) return;
  process.on('exit', releaseAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function removeProcessHooks(): void {
  process.removeListener('exit', releaseAll);
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
}

function releasePath(lockPath: string, token: string): void {
  if (held.get(lockPath) !== token) return;
  held.delete(lockPath);
  if (held.size === 0) removeProcessHooks();
  try {
    const raw = readRaw(lockPath);
    if (raw !== null && parseLock(raw)?.token === token) unlinkSync(lockPath);
  } catch {
    // Nothing left to do at this point; a leftover file is recognised as stale next time.
  }
}

/**
 * The lock file beside the data directory, by its real path: a directory reached through a
 * symlink must get the same lock as through its own name.
 */
export function lockPathFor(dataDir: string): string {
  return `${realPath(resolve(dataDir))}.lock`;
}

/** `realpath`, also for a directory not created yet (its nearest existing parent is resolved). */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/**
 * Takes the exclusive lock of `dataDir`. Returns the function that releases it (idempotent).
 * Throws `DataDirLockedError` when a live process holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 50; attempt++) {
    const info: LockInfo = {
      pid: process.pid,
      hostname: hostname(),
      startedAt: new Date().toISOString(),
      procStart: procStart(process.pid),
      token: randomUUID(),
    };
    let fd: number | undefined;
    try {
      fd = openSync(lockPath, 'wx', 0o644);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, `${JSON.stringify(info)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      installProcessHooks();
      held.set(lockPath, info.token);
      return () => releasePath(lockPath, info.token);
    }

    const raw = readRaw(lockPath);
    if (raw === null) continue; // released meanwhile
    const holder = parseLock(raw);
    if (holder === null) {
      // Empty or unreadable: either being written right now, or left by a crash long ago.
      if (!olderThan(lockPath, 5_000)) {
        sleepSync(20);
        continue;
      }
    } else if (holderAlive(holder, lockPath)) {
      throw new DataDirLockedError(dataDir, lockPath, holder);
    }
    if (!breakStaleLock(lockPath, raw)) sleepSync(20);
  }
  throw new DataDirLockedError(dataDir, lockPath, parseLock(readRaw(lockPath) ?? ''));
}
