/**
 * `naervaer backup <file>`: the embedded database (NAERVAER_DATA_DIR) as one plain-SQL file that
 * `naervaer restore` reads back and PostgreSQL 15+ loads as it is (`src/db/dump.ts`). One
 * consistent snapshot. While Nærvær runs on the directory it holds the directory's lock, and
 * this command refuses with a clear message instead of reading files under a live database; with
 * DATABASE_URL (PostgreSQL) it points to pg_dump.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { dumpDatabase } from '../db/dump.ts';

const usage =
  'Bruk / usage: naervaer backup <fil.sql>\n' +
  '  Skriver den innebygde databasen (NAERVAER_DATA_DIR) til én SQL-fil. / Writes the embedded database to one SQL file.\n';

export async function backupCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [file] = args;
  if (args.length !== 1 || file === undefined || file.startsWith('-')) {
    process.stderr.write(usage);
    return 2;
  }
  const config = loadConfig(env);
  if (config.databaseUrl) {
    process.stderr.write(
      'DATABASE_URL er satt: ta sikkerhetskopi av PostgreSQL med pg_dump (se README, «Sikkerhetskopi»):\n' +
        '  pg_dump --format=custom --file=naervaer.dump "$DATABASE_URL"\n' +
        'DATABASE_URL is set: back PostgreSQL up with pg_dump (see the README).\n',
    );
    return 2;
  }
  const dataDir = config.dataDir;
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) {
    process.stderr.write(
      `Fant ingen database i ${dataDir} (sett NAERVAER_DATA_DIR). / No database in ${dataDir} (set NAERVAER_DATA_DIR).\n`,
    );
    return 1;
  }
  if (existsSync(file)) {
    process.stderr.write(
      `${file} finnes allerede; velg et nytt filnavn. / ${file} exists; choose a new name.\n`,
    );
    return 1;
  }
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ dataDir, migrate: false, template: null });
  } catch (error) {
    if (error instanceof Error && error.name === 'DataDirLockedError') {
      process.stderr.write(
        `Nærvær kjører på ${dataDir} (katalogen er låst), så sikkerhetskopien ble ikke tatt: den innebygde ` +
          'databasen kan bare åpnes av én prosess. Stopp Nærvær, kjør «naervaer backup» og start igjen ' +
          '(det tar noen sekunder), eller flytt til PostgreSQL og bruk pg_dump mens appen kjører.\n' +
          `Nærvær is running on ${dataDir} (the directory is locked), so no backup was taken: the embedded ` +
          'database can be opened by one process only. Stop Nærvær, run «naervaer backup», start it again, ' +
          'or move to PostgreSQL and use pg_dump while the app runs.\n',
      );
      return 1;
    }
    throw error;
  }
  const partial = `${file}.partial`;
  try {
    // Personal data: readable by the owner only.
    const out = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    const summary = await dumpDatabase(database.db, write, { source: `the embedded database in ${dataDir}` });
    out.end();
    await once(out, 'finish');
    renameSync(partial, file);
    process.stdout.write(
      `Sikkerhetskopi skrevet til ${file}: ${summary.tables} tabeller, ${summary.rows} rader. / Backup written.\n` +
        `Gjenopprett / restore: naervaer restore ${file} <tom katalog>\n` +
        `Til PostgreSQL / to PostgreSQL: psql -v ON_ERROR_STOP=1 -d "$DATABASE_URL" -f ${file}\n`,
    );
    return 0;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await database.close();
  }
}
