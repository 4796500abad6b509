import { runCli } from './run';
import { getLatestAppliedMigration } from '@server/db/migrate';

await runCli('Usage: npm run db:migrate', { help: { type: 'boolean' } }, async ({ env, database }) => {
  const latest = await getLatestAppliedMigration(database.db, env.MIGRATIONS_DIR);
  process.stdout.write(`Database (${database.engine}) is at migration ${latest ?? '(none)'}\n`);
});
