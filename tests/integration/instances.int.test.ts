import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentEngine } from '@tests/setup/test-db';
import { testDatabaseUrl } from '@tests/setup/engines';
import { formatInstances, runInstancesTest } from '@tests/helpers/instances';
import { freePort } from '@tests/helpers/crash-safety';

// Two real server processes on two ports and one PostgreSQL database (as `npm run instances-test`).
const engine = currentEngine();
const url = testDatabaseUrl();

describe('several app instances on one database', () => {
  if (engine === 'pglite' || !url) {
    it.skip('runs on PostgreSQL only: PGlite is an embedded database that a single process holds', () =>
      undefined);
    return;
  }

  it('runs background work once, refuses a concurrent edit with 409, shares sessions and rate limits', async () => {
    const r = await runInstancesTest({
      databaseUrl: url,
      dataDir: path.join(os.tmpdir(), `si-instances-${process.pid}`),
      ports: [await freePort(), await freePort()],
      jobs: 8,
    });
    console.log(`several instances:\n${formatInstances(r)}`);
    expect(r.jobs).toEqual({ queued: 8, succeeded: 8, attemptsAboveOne: 0, notDone: 0 });
    expect(r.mail).toMatchObject({ duplicates: 0, missing: 0, unexpected: 0, received: r.mail.outboxSent });
    expect(r.mail.resetsQueued).toBe(r.mail.resetsAccepted);
    expect(r.mail.resetsReceived).toBe(r.mail.resetsAccepted);
    expect(r.reminders.duplicates).toBe(0);
    expect(r.edits.statuses).toEqual([200, 409]);
    expect(r.session).toEqual({ loginOnA: 200, meOnB: 200, logoutOnB: 200, meOnAAfterLogout: 401 });
    expect(r.rateLimit.accepted).toBe(r.rateLimit.limit);
    expect(r.rateLimit.acceptedOnA).toBeGreaterThan(0);
    expect(r.rateLimit.acceptedOnB).toBeGreaterThan(0);
    expect(r.rateLimit.refused).toBe(8 - r.rateLimit.limit);
  }, 180_000);
});
