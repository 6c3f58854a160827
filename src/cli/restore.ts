/**
 * `naervaer restore <file> <dir>`: a `naervaer backup` file into a new, empty data directory,
 * in one transaction (a broken file leaves nothing behind), then opened as the app opens it:
 * migrations newer than the backup run, and the job claims of the process that was backed up are
 * released. The directory is never one in use: it must be empty or not exist.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { openAppDatabase } from '../app/database.ts';
import { createPglite } from '../db/connect.ts';
import { lockDataDir } from '../db/lock.ts';

const usage =
  'Bruk / usage: naervaer restore <fil.sql> <tom-katalog>\n' +
  '  Gjenoppretter en sikkerhetskopi i en ny, tom datakatalog. / Restores a backup into a new, empty data directory.\n';

export async function restoreCommand(args: string[]): Promise<number> {
  const [file, dir] = args;
  if (args.length !== 2 || file === undefined || dir === undefined) {
    process.stderr.write(usage);
    return 2;
  }
  if (!existsSync(file)) {
    process.stderr.write(`Fant ikke ${file}. / ${file} not found.\n`);
    return 1;
  }
  const existed = existsSync(dir);
  if (existed && readdirSync(dir).length > 0) {
    process.stderr.write(
      `${dir} er ikke tom; gjenopprett til en ny katalog og flytt den på plass. / ${dir} is not empty; restore into a new directory.\n`,
    );
    return 1;
  }
  const text = await readFile(file, 'utf8');
  if (!text.startsWith('-- Nærvær backup')) {
    process.stderr.write(`${file} er ikke en sikkerhetskopi fra «naervaer backup». / Not a Nærvær backup.\n`);
    return 1;
  }
  const release = lockDataDir(dir);
  try {
    const pglite = await createPglite(dir);
    try {
      await pglite.exec(text);
    } finally {
      await pglite.close();
    }
  } catch (error) {
    release();
    // Nothing of anyone's was in the directory: leave it as it was.
    if (existed)
      for (const entry of readdirSync(dir)) rmSync(`${dir}/${entry}`, { recursive: true, force: true });
    else rmSync(dir, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `Gjenopprettingen feilet, ingenting er lagret: ${message}\nThe restore failed; nothing was kept.\n`,
    );
    return 1;
  }
  release();
  const database = await openAppDatabase({ dataDir: dir });
  await database.close();
  process.stdout.write(
    `Gjenopprettet til ${dir}. Start Nærvær med NAERVAER_DATA_DIR=${dir}. / Restored to ${dir}.\n`,
  );
  return 0;
}
