import closeWithGrace from 'close-with-grace';
import { buildApp } from './app';
import { openConfiguredDatabase } from './db/open';
import { prepareDatabase } from './db/bootstrap';
import { DatabaseUnavailableError } from './db/client';
import { ConfigError, parseEnv } from './env';

async function main(): Promise<void> {
  const started = performance.now();
  const env = parseEnv();
  const database = await openConfiguredDatabase(env);
  await prepareDatabase(database, env.MIGRATIONS_DIR);
  const app = await buildApp({ database, env });

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) {
      app.log.error({ err }, 'shutting down after an error');
    } else {
      app.log.info({ signal }, 'shutting down');
    }
    await app.close();
    await database.close();
  });

  const address = await app.listen({ host: env.HOST, port: env.PORT });
  const shown = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  app.log.info(
    { engine: database.engine, startupMs: Math.round(performance.now() - started) },
    `SI Platform is serving at ${shown}`,
  );
  process.stdout.write(`\nSI Platform: ${shown}  (database: ${database.engine})\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) {
    process.stderr.write(`\nSI Platform cannot start.\n${error.message}\n\n`);
  } else {
    process.stderr.write(
      `\nSI Platform cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
