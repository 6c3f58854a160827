/**
 * Start-up on the embedded database: time from `node src/main.ts` to the first HTTP 200, on an
 * empty data directory (loads the pre-built template) and on an existing one, and the idle RSS.
 * Baseline, measured in the same run: a bare Node process that starts an HTTP server and answers 200.
 * Goals (issue 2): empty dir < 3 s, existing dir < 1.5 s, idle RSS < 300 MB.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor200(url: string, child: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

async function timeStart(args: string[], env: NodeJS.ProcessEnv, path: string, measureRss = false) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = await waitFor200(`http://127.0.0.1:${port}${path}`, child, started);
  let rss = 0;
  if (measureRss) {
    await new Promise((r) => setTimeout(r, 2000));
    rss = rssMb(child.pid!);
  }
  await stop(child);
  return { ms, rss };
}

const bare = `require('node:http').createServer((q,s)=>{s.setHeader('content-type','application/json');s.end('{"ok":true}')}).listen(process.env.PORT,'127.0.0.1')`;

if (
  !existsSync(join(root, 'build', 'pglite-template.tar.gz')) ||
  !existsSync(join(root, 'dist', 'web', 'index.html'))
) {
  process.stderr.write(
    'Run `npm run build` first (the web app, the server bundle and the PGlite template).\n',
  );
  process.exit(1);
}

const baseline = (await timeStart(['-e', bare], process.env, '/')).ms;
const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-start-'));
const dataDir = join(dir, 'data');
const env: NodeJS.ProcessEnv = { ...process.env, NAERVAER_DATA_DIR: dataDir };
delete env.DATABASE_URL;
const app = ['dist/server/main.js']; // what `npm start` runs (bundled by `npm run build`)
const empty = await timeStart(app, env, '/api/v1/health');
const existing = await timeStart(app, env, '/api/v1/health', true);
rmSync(dir, { recursive: true, force: true });

const f = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`bare node HTTP server, first 200:   ${f(baseline)}`);
console.log(`Nærvær, empty data dir, first 200:  ${f(empty.ms)}   (goal < 3 s)`);
console.log(`Nærvær, existing data dir:          ${f(existing.ms)}   (goal < 1.5 s)`);
console.log(`Nærvær idle RSS (existing dir):     ${existing.rss.toFixed(0)} MB   (goal < 300 MB)`);
console.log(
  `ratio empty/bare: ${(empty.ms / baseline).toFixed(1)} ×, existing/bare: ${(existing.ms / baseline).toFixed(1)} ×`,
);
