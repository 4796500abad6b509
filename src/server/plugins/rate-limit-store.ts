import type { Database } from '@server/db/client';
import { addToCounters, readCounter } from '@server/lib/counters';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;
interface StoreOptions {
  /** Set by @fastify/rate-limit for route-level limits: each route counts on its own. */
  routeInfo?: { method?: string | string[]; url?: string };
  url?: string;
}

/** Limits below this many hits per window count every hit in the database as it happens. */
export const BATCHED_LIMIT_FROM = 100;
/** How often an instance adds its batched hits to the shared counters. */
const FLUSH_EVERY_MS = 250;
/** A batched counter goes to the database at once when its unsent hits reach this share of its limit… */
const FLUSH_SHARE = 0.05;
/** …and counts every hit there once it is past this share of its limit. */
const EXACT_FROM_SHARE = 0.5;

interface Entry {
  windowMs: number;
  /** The shared count the database last answered, and when its window ends. */
  shared: number;
  resetAt: number;
  /** Hits counted here and not yet sent, and hits on their way. */
  pending: number;
  sending: number;
}

/**
 * Counters shared through the database, so that limits hold across several app instances.
 *
 * Tight limits (under `BATCHED_LIMIT_FROM` per window) count every hit in the database before the request goes on.
 * Wider ones — the public reads and autosaves, where a client legitimately sends hundreds a minute — count their hits
 * here and add them to the shared row every `FLUSH_EVERY_MS`, or at once when the unsent hits reach 5 % of the limit;
 * once the count an instance last saw passes half the limit, every hit goes to the database again. An instance sees
 * the others' hits each time it sends its own, so each other instance can let through at most 5 % of a wide limit
 * beyond it; no request waits for the row that every request of the same client would otherwise update in turn.
 */
export class SharedCounters {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Database) {}

  async hit(key: string, windowMs: number, max: number): Promise<{ count: number; resetAt: number }> {
    const now = Date.now();
    let entry = this.entries.get(key);
    if (entry && (entry.resetAt <= now || entry.windowMs !== windowMs)) {
      if (entry.pending === 0 && entry.sending === 0) {
        this.entries.delete(key);
        entry = undefined;
      }
    }
    const estimate = entry ? entry.shared + entry.sending + entry.pending + 1 : 1;
    // Hits this instance let through unconfirmed: never more than a batch, however fast they come.
    const batch = Math.max(1, Math.floor(max * FLUSH_SHARE));
    if (
      entry &&
      max >= BATCHED_LIMIT_FROM &&
      entry.resetAt > now &&
      estimate <= max * EXACT_FROM_SHARE &&
      entry.pending + entry.sending < batch
    ) {
      entry.pending += 1;
      if (entry.pending >= batch) {
        void this.flush().catch(() => undefined);
      } else {
        this.schedule();
      }
      return { count: estimate, resetAt: entry.resetAt };
    }
    return this.send(key, windowMs);
  }

  /** The count of `key` in its current window, unsent hits included. */
  async read(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const { count, resetAt } = await readCounter(this.db, key, windowMs);
    const entry = this.entries.get(key);
    const local = entry && entry.resetAt > Date.now() ? entry.pending : 0;
    return { count: count + local, resetAt: resetAt.getTime() };
  }

  /** Sends every unsent hit; the returned promise settles when they are in the database. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    while (this.flushing) {
      await this.flushing;
    }
    const byWindow = new Map<number, { key: string; hits: number }[]>();
    for (const [key, entry] of this.entries) {
      if (entry.pending > 0) {
        const list = byWindow.get(entry.windowMs) ?? [];
        list.push({ key, hits: entry.pending });
        byWindow.set(entry.windowMs, list);
      }
    }
    if (byWindow.size === 0) {
      return;
    }
    // Every window's hits are taken from the entries at once, before anything else can carry them.
    const run = Promise.all(
      [...byWindow].map(([windowMs, additions]) => this.add(windowMs, additions, true)),
    );
    this.flushing = run
      .then(() => undefined)
      .finally(() => {
        this.flushing = null;
      });
    await this.flushing;
  }

  close(): Promise<void> {
    return this.flush();
  }

  private schedule() {
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.flush().catch(() => undefined);
      }, FLUSH_EVERY_MS);
      this.timer.unref();
    }
  }

  /** Sends one hit that must be counted before its request goes on, with the key's unsent hits. */
  private async send(key: string, windowMs: number) {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { windowMs, shared: 0, resetAt: 0, pending: 0, sending: 0 };
      this.entries.set(key, entry);
    }
    const [result] = await this.add(windowMs, [{ key, hits: entry.pending + 1 }], false);
    return result ?? { count: 1, resetAt: Date.now() + windowMs };
  }

  /**
   * Adds hits to the shared rows and keeps what the database answers. The hits are the keys' unsent ones, plus one
   * new hit each when `unsentOnly` is false.
   */
  private async add(windowMs: number, additions: { key: string; hits: number }[], unsentOnly: boolean) {
    const taken = additions.map(({ key, hits }) => {
      const entry = this.entries.get(key) as Entry;
      const fromPending = unsentOnly ? hits : hits - 1;
      entry.pending -= fromPending;
      entry.sending += hits;
      return { entry, hits, fromPending };
    });
    try {
      const results = await addToCounters(this.db, additions, windowMs);
      return results.map((result, i) => {
        const { entry } = taken[i] as (typeof taken)[number];
        entry.windowMs = windowMs;
        entry.shared = result.count;
        entry.resetAt = result.resetAt.getTime();
        return { count: result.count, resetAt: entry.resetAt };
      });
    } catch (error) {
      for (const { entry, fromPending } of taken) {
        entry.pending += fromPending;
      }
      throw error;
    } finally {
      for (const { entry, hits } of taken) {
        entry.sending -= hits;
      }
    }
  }
}

/** A @fastify/rate-limit store over `SharedCounters`. */
export function createDatabaseRateLimitStore(counters: SharedCounters) {
  return class DatabaseRateLimitStore {
    private readonly prefix: string;

    constructor(private readonly options: StoreOptions = {}) {
      const info = options.routeInfo;
      const method = Array.isArray(info?.method) ? info.method.join(',') : (info?.method ?? '');
      this.prefix = info?.url ? `rl:${method}:${info.url}:` : 'rl:global:';
    }

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      counters.hit(this.prefix + key, timeWindow, max).then(
        ({ count, resetAt }) => callback(null, { current: count, ttl: Math.max(0, resetAt - Date.now()) }),
        (error: Error) => callback(error),
      );
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      counters.read(this.prefix + key, timeWindow).then(
        ({ count, resetAt }) => callback(null, { current: count, ttl: Math.max(0, resetAt - Date.now()) }),
        (error: Error) => callback(error),
      );
    }

    child(routeOptions: StoreOptions) {
      return new DatabaseRateLimitStore({ ...this.options, ...routeOptions });
    }
  };
}
