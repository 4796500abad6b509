import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { sql } from 'drizzle-orm';
import { queryRows, type DatabaseHandle, type Unlisten } from '@server/db/client';

/** The channel on which the database announces committed changes (migration `data_change_notify`). */
export const DATA_CHANGED_CHANNEL = 'si_data_changed';
/** Payloads that are a reader's marker, not a change. */
const MARKER_PREFIX = 'marker:';
const MARKER_TIMEOUT_MS = 2000;

export type ReadCacheResult = 'hit' | 'miss' | 'bypass';

/** A stored answer (or its computation under way) and when it stops holding, if the time matters. */
interface Entry {
  value: Promise<unknown>;
  expiresAt: number | null;
}

/** For answers that depend on the time: the time now, and until when a computed answer holds (ms, same clock). */
export interface ReadTiming<T> {
  now?: number;
  expiresAt?: (value: T) => number | null;
}

export interface ReadCacheOptions {
  /** Most answers kept, least recently used going first (default 500: tens of MB at the largest answers, 100 open-data records each). */
  maxEntries?: number;
  /** Told of every lookup, for the metrics. */
  onLookup?: (result: ReadCacheResult) => void;
}

/**
 * Answers of expensive reads (public aggregates, dashboards, the catalogue's search, open data), kept until the data
 * changes. Every table a cached read may show announces each committed change on `si_data_changed`; every instance
 * LISTENs and drops all its answers at each announcement, so an answer never outlives the data it was computed from.
 *
 * - A read that finds no answer computes one and stores it as it starts: concurrent requests for the same key share
 *   the one computation (which reads data committed before it started, or later).
 * - A read that finds an answer first makes sure that every change committed before it started has been announced
 *   here: it sends a marker through the same channel and waits for it (announcements arrive in commit order). The
 *   readers waiting at the same time share one marker. So a read never misses a change committed before it began,
 *   whoever made it: this instance, another one, a background job or a script.
 * - While the listener is not connected (at start, after a lost connection), or when a marker does not come back,
 *   nothing is served from the cache: every read computes.
 * - Cached answers are shared: callers must not change them. Reads that show drafts' content must not be cached
 *   (a draft's own edits are not announced).
 */
export class ReadCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly onLookup: ((result: ReadCacheResult) => void) | undefined;
  private readonly instance = randomUUID();
  private live = false;
  private unlisten: Unlisten | null = null;
  /** Readers that asked to catch up, and the last of them a returned marker covered. */
  private requested = 0;
  private confirmed = 0;
  private marker: { id: number; arrived: () => void } | null = null;
  private catchingUp: Promise<boolean> | null = null;
  /** Announcements of changes received (markers not counted). */
  changes = 0;

  constructor(
    private readonly database: DatabaseHandle,
    options: ReadCacheOptions = {},
  ) {
    this.entries = new LRUCache({ max: options.maxEntries ?? 500 });
    this.onLookup = options.onLookup;
  }

  /** Starts listening; the cache works from the moment the listener is connected. */
  async start(): Promise<void> {
    this.unlisten = await this.database.listen(
      DATA_CHANGED_CHANNEL,
      (payload) => this.announced(payload),
      (live) => {
        this.live = live;
        this.entries.clear();
      },
    );
  }

  async stop(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.live = false;
    this.entries.clear();
    this.marker?.arrived();
    await unlisten?.();
  }

  /** Whether answers are being cached (the listener is connected). */
  get isLive(): boolean {
    return this.live;
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached answer of `key`, or `compute()`'s, kept until the next change. `key` must name everything it reads.
   * An answer that also depends on the time (a count of calls still open) says until when it holds with
   * `expiresAt(value)` (milliseconds, on the clock that gives `now`); a read at or after that computes again.
   */
  async get<T>(key: readonly unknown[], compute: () => Promise<T>, timing: ReadTiming<T> = {}): Promise<T> {
    if (!this.live) {
      this.onLookup?.('bypass');
      return compute();
    }
    const name = JSON.stringify(key);
    if (this.current(name, timing.now)) {
      if (!(await this.catchUp())) {
        this.onLookup?.('bypass');
        return compute();
      }
      const cached = this.current(name, timing.now);
      if (cached) {
        this.onLookup?.('hit');
        return cached.value as Promise<T>;
      }
    }
    this.onLookup?.('miss');
    const value = compute();
    const entry: Entry = { value, expiresAt: null };
    this.entries.set(name, entry);
    value.then(
      (answer) => {
        entry.expiresAt = timing.expiresAt?.(answer) ?? null;
      },
      () => {
        if (this.entries.get(name) === entry) {
          this.entries.delete(name);
        }
      },
    );
    return value;
  }

  /** The entry of `name` unless it has expired by `now`. */
  private current(name: string, now: number | undefined): Entry | undefined {
    const entry = this.entries.get(name);
    if (entry && entry.expiresAt !== null && now !== undefined && now >= entry.expiresAt) {
      this.entries.delete(name);
      return undefined;
    }
    return entry;
  }

  /** Waits until every change committed before this call has been announced here; false when that cannot be known. */
  private async catchUp(): Promise<boolean> {
    const ticket = ++this.requested;
    while (this.confirmed < ticket) {
      this.catchingUp ??= this.sendMarker().finally(() => {
        this.catchingUp = null;
      });
      if (!(await this.catchingUp)) {
        return false;
      }
    }
    return true;
  }

  private async sendMarker(): Promise<boolean> {
    const covers = this.requested;
    const id = covers;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      this.marker = { id, arrived: () => resolve(true) };
      timer = setTimeout(() => resolve(false), MARKER_TIMEOUT_MS);
    });
    try {
      await queryRows(
        this.database.db,
        sql`SELECT pg_notify(${DATA_CHANGED_CHANNEL}, ${`${MARKER_PREFIX}${this.instance}:${id}`})`,
      );
      if (await arrived) {
        this.confirmed = Math.max(this.confirmed, covers);
        return true;
      }
    } catch {
      // The database did not take the marker: nothing cached can be trusted.
    } finally {
      clearTimeout(timer);
      this.marker = null;
    }
    this.entries.clear();
    return false;
  }

  private announced(payload: string): void {
    if (payload.startsWith(MARKER_PREFIX)) {
      if (payload === `${MARKER_PREFIX}${this.instance}:${this.marker?.id ?? ''}`) {
        this.marker?.arrived();
      }
      return;
    }
    this.changes += 1;
    this.entries.clear();
  }
}
