import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { parseEnv } from './env';
import { createTestDatabase, currentEngine } from '@tests/setup/test-db';

describe('deny by default', () => {
  it('refuses to register an /api route that is neither public nor guarded', async () => {
    const database = await createTestDatabase(currentEngine());
    const app = await buildApp({ database, env: parseEnv({ LOG_LEVEL: 'silent' }), logger: false });
    try {
      expect(() => app.get('/api/secret', () => 'x')).toThrow(
        /GET \/api\/secret is neither public nor guarded/,
      );
      expect(() => app.get('/api/open', { config: { public: true } }, () => 'x')).not.toThrow();
    } finally {
      await app.close();
      await database.destroy();
    }
  });
});
