/** A worker child process driven by its stdout lines (`ready`, `progress n total`, `pending n`). */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('../fixtures/worker.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type WorkerChild = {
  proc: ChildProcess;
  /** Highest `progress` seen (deadlines done in the sweep), or 0. */
  progress(): number;
  /** Latest `pending` count, or null before the first report. */
  pending(): number | null;
  output(): string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
};

export function spawnWorker(env: NodeJS.ProcessEnv): WorkerChild {
  const proc = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let progress = 0;
  let pending: number | null = null;
  let out = '';
  let buffer = '';
  proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      const p = /^progress (\d+) \d+$/.exec(line);
      if (p) progress = Math.max(progress, Number(p[1]));
      const q = /^pending (\d+)$/.exec(line);
      if (q) pending = Number(q[1]);
      newline = buffer.indexOf('\n');
    }
  });
  proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    progress: () => progress,
    pending: () => pending,
    output: () => out,
    exited,
    async kill(signal) {
      proc.kill(signal);
      return exited;
    },
  };
}

export async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
