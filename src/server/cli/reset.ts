import { sql } from 'drizzle-orm';
import { parseEnv } from '@server/env';
import { openConfiguredDatabase } from '@server/db/open';

const env = parseEnv();
if (env.NODE_ENV !== 'development' && env.NODE_ENV !== 'test') {
  process.stderr.write('db:reset refuses to run unless NODE_ENV is development or test.\n');
  process.exit(1);
}
const database = await openConfiguredDatabase(env);
await database.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
await database.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
await database.db.execute(sql`CREATE SCHEMA public`);
await database.close();
process.stdout.write(`Database (${database.engine}) emptied. Run npm run db:migrate and npm run db:seed.\n`);
