import type { Database } from '@server/db/client';
import { hitCounter, readCounter } from '@server/lib/counters';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface StoreOptions {
  method?: string | string[];
  url?: string;
}

/** A @fastify/rate-limit store kept in PostgreSQL, so that limits hold across several app instances. */
export function createDatabaseRateLimitStore(db: Database) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;

    constructor(private readonly options: StoreOptions = {}) {
      const method = Array.isArray(options.method) ? options.method.join(',') : (options.method ?? '');
      this.prefix = options.url ? `rl:${method}:${options.url}:` : 'rl:global:';
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
