/** `npm start`: runs Nærvær until SIGINT/SIGTERM. */
import { ConfigError } from './config.ts';
import { startServer } from './server.ts';

try {
  const server = await startServer();
  const kind = server.database.kind === 'pglite' ? 'innebygd database (PGlite)' : 'PostgreSQL';
  process.stdout.write(`Nærvær kjører på ${server.url} — ${kind}\n`);
  const stop = async (signal: string) => {
    process.stdout.write(`\n${signal}: stopper Nærvær …\n`);
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError || (error instanceof Error && error.name === 'DataDirLockedError')) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Nærvær kunne ikke starte / could not start:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
}
