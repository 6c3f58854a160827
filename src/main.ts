/** `npm start`: runs Nærvær until SIGINT/SIGTERM. */
import { describeStartupError } from './app/startup-error.ts';
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
  process.stderr.write(`${describeStartupError(error)}\n`);
  process.exit(1);
}
