/**
 * `naervaer <command>` — the command-line entry of Nærvær.
 * Each command lives in `src/cli/<command>.ts` and is loaded only when used,
 * so `naervaer plan` never pays for the server's imports.
 */
type Command = (args: string[]) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  plan: async () => (await import('./cli/plan.ts')).planCommand,
  plikter: async () => (await import('./cli/plikter.ts')).plikterCommand,
  statistikk: async () => (await import('./cli/statistikk.ts')).statistikkCommand,
  demo: async () => (await import('./cli/demo.ts')).demoCommand,
  backup: async () => (await import('./cli/backup.ts')).backupCommand,
  restore: async () => (await import('./cli/restore.ts')).restoreCommand,
  start: async () => async () => {
    await import('./main.ts');
    return 0;
  },
};

const usage = `Bruk: naervaer <kommando>

Kommandoer:
  start     Start Nærvær (samme som «npm start»)
  demo      Last inn demovirksomheten i en tom database og skriv ut brukerne
  plan      Les fraværsperioder (JSON) på standard inn, skriv oppfølgingsplanen (JSON) på standard ut
  plikter   Les firmaprofilen (JSON) på standard inn, skriv HMS-pliktene (JSON) på standard ut
  backup    Skriv den innebygde databasen til én SQL-fil (naervaer backup <fil.sql>)
  restore   Gjenopprett en sikkerhetskopi i en tom katalog (naervaer restore <fil.sql> <katalog>)
  statistikk Les ansatte og fraværsperioder (JSON) på standard inn, skriv sykefraværsstatistikken (JSON) på standard ut
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : commands[name];
  if (load === undefined) {
    process.stderr.write(usage);
    return name === undefined || name === '--help' || name === '-h' ? 0 : 2;
  }
  const command = await load();
  try {
    return await command(rest);
  } catch (error) {
    // A locked data directory or bad configuration is a message, not a stack trace.
    const { describeStartupError, isExpectedStartupError } = await import('./app/startup-error.ts');
    if (!isExpectedStartupError(error)) throw error;
    process.stderr.write(`${describeStartupError(error)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
