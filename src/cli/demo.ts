/** `npm run demo` / `naervaer demo`: loads the demo company into an empty database and prints the logins. */
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadDemo } from '../modules/setup/demo.ts';
import { needsSetup } from '../modules/setup/setup.routes.ts';

export async function demoCommand(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateToLatest(database.db);
    if (!(await needsSetup(database.db))) {
      process.stderr.write(
        'Databasen er ikke tom, så demovirksomheten ble ikke lastet inn. Bruk en tom datakatalog (NAERVAER_DATA_DIR=./demo-data npm run demo).\n' +
          'The database is not empty; the demo company was not loaded.\n',
      );
      return 1;
    }
    const { accounts } = await loadDemo(database.db);
    process.stdout.write('Demovirksomheten «Fjordvik kommune (demo)» er lastet inn. Brukere:\n\n');
    for (const a of accounts)
      process.stdout.write(`  ${a.role.padEnd(34)} ${a.email.padEnd(40)} ${a.password}\n`);
    process.stdout.write('\nStart Nærvær med «npm start» og logg inn på http://localhost:3000\n');
    return 0;
  } finally {
    await database.close();
  }
}
