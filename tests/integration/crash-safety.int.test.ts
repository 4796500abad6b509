import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentEngine } from '@tests/setup/test-db';
import { testDatabaseUrl } from '@tests/setup/engines';
import { formatRound, freePort, runCrashTest } from '@tests/helpers/crash-safety';

// One round of `npm run crash-test` with a small load: a real server process killed with SIGKILL mid-load,
// restarted on the same database, every acknowledged write checked.
const engine = currentEngine();

describe(`crash safety (${engine})`, () => {
  it('keeps every acknowledged submission, approval and payment whole after kill -9', async () => {
    const [r] = await runCrashTest({
      engine,
      databaseUrl: testDatabaseUrl(),
      dataDir: path.join(os.tmpdir(), `si-crash-${engine}-${process.pid}`),
      port: await freePort(),
      rounds: 1,
      submissions: 24,
      concurrency: 8,
      quickSeed: true,
    });
    if (!r) {
      throw new Error('no round ran');
    }
    console.log(`crash safety (${engine}) ${formatRound(r)}`);
    expect(r.problems).toEqual([]);
    expect(r.acknowledged.submissions).toBeGreaterThan(0);
    expect(r.present).toEqual(r.acknowledged);
    expect({
      lost: r.lost,
      halfWritten: r.halfWritten,
      gaps: r.receiptGaps,
      duplicates: r.receiptDuplicates,
    }).toEqual({
      lost: 0,
      halfWritten: 0,
      gaps: 0,
      duplicates: 0,
    });
    expect(r.moneyErrors).toBe(0);
  }, 240_000);
});
