import type { Database } from '@server/db/client';
import { hitCounter, readCounter } from '@server/lib/counters';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface StoreOptions {
  /** Set by @fastify/rate-limit for route-level limits: each route counts on its own. */
  routeInfo?: { method?: string | string[]; url?: string };
  url?: string;
}

/** A @fastify/rate-limit store kept in PostgreSQL, so that limits hold across several app instances. */
export function createDatabaseRateLimitStore(db: Database) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;

    constructor(private readonly options: StoreOptions = {}) {
      const info = options.routeInfo;
      const method = Array.isArray(info?.method) ? info.method.join(',') : (info?.method ?? '');
      this.prefix = info?.url ? `rl:${method}:${info.url}:` : 'rl:global:';
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      hitCounter(db, this.prefix + key, timeWindow).then(
        ({ count, resetAt }) =>
          callback(null, { current: count, ttl: Math.max(0, resetAt.getTime() - Date.now()) }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      readCounter(db, this.prefix + key, timeWindow).then(
        ({ count, resetAt }) =>
          callback(null, { current: count, ttl: Math.max(0, resetAt.getTime() - Date.now()) }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: StoreOptions) {
      return new DatabaseRateLimitStore({ ...this.options, ...routeOptions });
    }
  };
}
