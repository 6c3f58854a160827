/**
 * `npm run bench [name…]` — runs every benchmark in `bench/<name>/index.ts` (or only the named ones),
 * each in its own process so one benchmark's heap does not disturb the next.
 * Every benchmark prints its ratio against a baseline measured in the same run, last.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here)
  .filter((name) => statSync(join(here, name)).isDirectory() && !name.startsWith('.'))
  .sort();
const wanted = process.argv.slice(2);
const selected = wanted.length > 0 ? all.filter((name) => wanted.includes(name)) : all;

let failed = 0;
for (const name of selected) {
  process.stdout.write(`\n=== bench/${name} ===\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, name, 'index.ts')], {
    stdio: 'inherit',
    env: process.env,
  });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
