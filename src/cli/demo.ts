/** `npm run demo` / `naervaer demo`: loads the demo company into an empty database and prints the logins. */

import { migrateApp, openAppDatabase } from '../app/database.ts';
import { loadConfig } from '../config.ts';
import { loadDemo, needsSetup } from '../modules/setup/index.ts';

export async function demoCommand(): Promise<number> {
  const config = loadConfig();
  const database = await openAppDatabase(
    config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    await migrateApp(database.db);
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
