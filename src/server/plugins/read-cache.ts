import fp from 'fastify-plugin';
import { Counter } from 'prom-client';
import { ReadCache } from '@server/lib/read-cache';

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers of expensive reads, dropped at every committed change (src/server/lib/read-cache.ts). */
    readCache: ReadCache;
  }
}

/**
 * The read cache of this app: listens for the database's change announcements from start to close, and counts
 * lookups in the metrics (`read_cache_lookups_total` by result). Not `enabled`: every read computes (bypass).
 */
export const readCachePlugin = fp<{ enabled: boolean }>(
  async (app, options) => {
    const lookups = new Counter({
      name: 'read_cache_lookups_total',
      help: 'Lookups in the read cache, by result: hit, miss, or bypass (the cache is not listening)',
      labelNames: ['result'] as const,
      registers: [app.metrics.registry],
    });
    const cache = new ReadCache(app.database, { onLookup: (result) => lookups.inc({ result }) });
    if (options.enabled) {
      await cache.start();
    }
    app.decorate('readCache', cache);
    app.addHook('onClose', async () => {
      await cache.stop();
    });
  },
  { name: 'read-cache', dependencies: ['metrics'] },
);
