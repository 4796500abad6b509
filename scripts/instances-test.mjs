// npm run instances-test: two app processes on one PostgreSQL database (DATABASE_URL or TEST_DATABASE_URL; a
// database `<name>_instances` is made beside it and dropped afterwards). Prints what ran once and what was refused.
// Runs with `node --import tsx` (package.json) so it shares its code with tests/integration/instances.int.test.ts.
import { parseArgs } from 'node:util';
import { formatInstances, runInstancesTest } from '../tests/helpers/instances.ts';

const { values } = parseArgs({
  options: {
    jobs: { type: 'string', default: '20' },
    port: { type: 'string', default: process.env.PORT ?? '3107' },
    'data-dir': { type: 'string', default: process.env.INSTANCES_DATA_DIR ?? '/tmp/si-instances-test' },
  },
  strict: true,
});
const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'Set DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server: PGlite is a single-process database.',
  );
  process.exit(1);
}
const result = await runInstancesTest({
  databaseUrl,
  dataDir: values['data-dir'],
  ports: [Number(values.port), Number(values.port) + 1],
  jobs: Number(values.jobs),
  log: (line) => console.log(line),
});
console.log(formatInstances(result));
const ok =
  result.jobs.succeeded === result.jobs.queued &&
  result.jobs.attemptsAboveOne === 0 &&
  result.mail.duplicates === 0 &&
  result.mail.missing === 0 &&
  result.mail.unexpected === 0 &&
  result.mail.resetsReceived === result.mail.resetsAccepted &&
  result.reminders.duplicates === 0 &&
  result.edits.statuses.join() === '200,409' &&
  result.session.meOnB === 200 &&
  result.session.meOnAAfterLogout === 401 &&
  result.rateLimit.accepted === result.rateLimit.limit;
process.exit(ok ? 0 : 1);
