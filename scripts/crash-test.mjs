// npm run crash-test -- --engine pglite|postgres [--rounds N] [--submissions N]: kill -9 the server under a load of
// submissions, approvals and payments, restart it, and check that every acknowledged write is there and whole.
// Runs with `node --import tsx` (package.json) so it shares its code with tests/integration/crash-safety.int.test.ts.
import { parseArgs } from 'node:util';
import { runCrashTest } from '../tests/helpers/crash-safety.ts';

const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'pglite' },
    rounds: { type: 'string', default: '3' },
    submissions: { type: 'string', default: '120' },
    concurrency: { type: 'string', default: '16' },
    port: { type: 'string', default: process.env.PORT ?? '3107' },
    'data-dir': { type: 'string', default: process.env.CRASH_DATA_DIR ?? '/tmp/si-crash-test' },
  },
  strict: true,
});
const engine = values.engine;
if (engine !== 'pglite' && engine !== 'postgres') {
  console.error('Usage: npm run crash-test -- --engine pglite|postgres [--rounds N] [--submissions N]');
  process.exit(1);
}
const databaseUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
const results = await runCrashTest({
  engine,
  databaseUrl,
  dataDir: values['data-dir'],
  port: Number(values.port),
  rounds: Number(values.rounds),
  submissions: Number(values.submissions),
  concurrency: Number(values.concurrency),
  log: (line) => console.log(line),
});
const sum = (f) => results.reduce((n, r) => n + f(r), 0);
const bad = sum((r) => r.lost + r.halfWritten + r.receiptGaps + r.receiptDuplicates + r.moneyErrors);
console.log(
  `${engine}, ${results.length} rounds: acknowledged ${sum((r) => r.acknowledged.submissions)} submissions, ` +
    `${sum((r) => r.acknowledged.approvals)} approvals, ${sum((r) => r.acknowledged.payments)} payments; ` +
    `present ${sum((r) => r.present.submissions)}, ${sum((r) => r.present.approvals)}, ${sum((r) => r.present.payments)}; ` +
    `lost ${sum((r) => r.lost)}, half-written ${sum((r) => r.halfWritten)}, receipt gaps ${sum((r) => r.receiptGaps)}, ` +
    `duplicates ${sum((r) => r.receiptDuplicates)}, money errors ${sum((r) => r.moneyErrors)}`,
);
process.exit(bad === 0 ? 0 : 1);
