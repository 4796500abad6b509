import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '@server/app';
import { parseEnv } from '@server/env';
import { createTestDatabase, currentEngine, type TestDatabase } from './test-db';

/**
 * The instant "now" for calls and proposals in integration tests (10:00 on 15 Dec 2026, Bangkok): the factories' calls
 * (open 1 Nov 2026 – 31 Jan 2027) stay open whatever the real date is. Tests that cross a deadline pass their own clock.
 */
export const TEST_NOW = '2026-12-15T03:00:00.000Z';

export interface TestContext {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The whole application on a fresh database of the engine this project runs, ready for `app.inject`. */
export async function createTestApp(
  envOverrides: Record<string, string> = {},
  options: { clock?: () => Date } = {},
): Promise<TestContext> {
  const database = await createTestDatabase(currentEngine());
  const env = parseEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '.tmp/no-web',
    RATE_LIMIT_FACTOR: '1000',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'si-test-data-')),
    ...envOverrides,
  });
  const app = await buildApp({
    database,
    env,
    logger: false,
    clock: options.clock ?? (() => new Date(TEST_NOW)),
  });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}
