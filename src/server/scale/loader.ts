import { sql } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@server/db/client';

/**
 * Bulk writes for the scale data, the same on PGlite and on a PostgreSQL server: rows are buffered per table and
 * written a batch at a time as one `INSERT … SELECT … FROM json_to_recordset($1)` (one parameter however many rows,
 * every column typed from the Drizzle schema). One batch is in flight while the next is being generated, so the
 * database and the generator work at the same time; batches run one after another, so a table's parents are always
 * written before it. A group of tables can be written in one transaction (a project with its instalments and budget
 * lines: the money triggers check their sums at commit).
 */
export type Row<T extends PgTable> = T['$inferInsert'];

interface ColumnInfo {
  name: string;
  type: string;
}

function columnsOf(table: PgTable): { name: string; byKey: Map<string, ColumnInfo> } {
  const config = getTableConfig(table);
  const byKey = new Map<string, ColumnInfo>();
  for (const column of config.columns) {
    if (column.generated) {
      continue;
    }
    const name = column.keyAsName ? toSnakeCase(column.name) : column.name;
    const type = column.getSQLType().replace(/^bigserial$/, 'bigint');
    byKey.set(column.name, { name, type });
  }
  return { name: config.name, byKey };
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** A statement ready to run: the SQL text and its single JSON parameter. */
interface Batch {
  table: string;
  rows: number;
  statement: ReturnType<typeof sql>;
}

export class Loader {
  private pending: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private readonly written = new Map<string, number>();
  private readonly busy = new Map<string, number>();
  private readonly buffers: TableBuffer<PgTable>[] = [];

  private deferChecks = false;

  constructor(
    private readonly db: Database,
    readonly batchRows: number,
  ) {}

  /**
   * Settings of the loader's own connection (which nothing else uses while it loads):
   * - `asyncCommit` (PostgreSQL): commit without waiting for the write-ahead log to reach the disk
   *   (`synchronous_commit = off`): a crash could lose the last batches, never corrupt anything, and a load that fails
   *   is run again anyway;
   * - `deferChecks`: write in `session_replication_role = replica`, where the foreign-key and money triggers do not
   *   fire (superusers only; when refused, rows are checked as they come). Checking whole tables at the end, set-wise,
   *   costs a fraction of checking every row; `checkScaleIntegrity` does it and the load fails if anything is off.
   * Returns whether the checks are deferred.
   */
  async configureSession(options: { asyncCommit: boolean; deferChecks: boolean }): Promise<boolean> {
    if (options.asyncCommit) {
      await this.db.execute(sql`SET synchronous_commit = off`);
    }
    if (options.deferChecks) {
      try {
        await this.db.execute(sql`SET session_replication_role = replica`);
        this.deferChecks = true;
      } catch {
        this.deferChecks = false;
      }
    }
    return this.deferChecks;
  }

  /** Puts the connection's settings back (before it is shared again). */
  async resetSession(): Promise<void> {
    await this.pending;
    await this.db.execute(sql`RESET synchronous_commit`).catch(() => undefined);
    await this.db.execute(sql`RESET session_replication_role`).catch(() => undefined);
  }

  /** A buffer for `table`; `parents` are flushed before it (foreign keys). */
  table<T extends PgTable>(table: T, parents: ReadonlyArray<TableBuffer<PgTable>> = []): TableBuffer<T> {
    const buffer = new TableBuffer<T>(this, table, parents);
    this.buffers.push(buffer);
    return buffer;
  }

  /** Seconds the database spent writing each table. */
  secondsPerTable(): ReadonlyMap<string, number> {
    return this.busy;
  }

  /** Rows written so far per table (counted when their batch has committed). */
  counts(): ReadonlyMap<string, number> {
    return this.written;
  }

  /**
   * Runs the batches in one transaction, after the batch in flight; returns once it has started (the caller goes on
   * generating). An error surfaces at the next `enqueue` or at `drain`.
   */
  async enqueue(batches: Batch[]): Promise<void> {
    const live = batches.filter((b) => b.rows > 0);
    if (live.length === 0) {
      return;
    }
    await this.pending;
    this.throwIfFailed();
    const run = async () => {
      const t0 = performance.now();
      if (live.length === 1 && live[0]) {
        await this.db.execute(live[0].statement);
      } else {
        await this.db.transaction(async (tx) => {
          for (const batch of live) {
            await tx.execute(batch.statement);
          }
        });
      }
      const seconds = (performance.now() - t0) / 1000;
      const rows = live.reduce((a, b) => a + b.rows, 0);
      for (const batch of live) {
        this.written.set(batch.table, (this.written.get(batch.table) ?? 0) + batch.rows);
        // A transaction's time is shared among its tables by their rows.
        this.busy.set(batch.table, (this.busy.get(batch.table) ?? 0) + (seconds * batch.rows) / rows);
      }
    };
    this.pending = run().catch((error: unknown) => {
      this.failure = describeFailure(live.map((b) => b.table).join(', '), error);
    });
  }

  /** Flushes every buffer (parents first) and waits for the last batch. */
  async drain(): Promise<void> {
    for (const buffer of this.buffers) {
      await buffer.flush();
    }
    await this.pending;
    this.throwIfFailed();
  }

  /** Runs a statement after the batches before it (e.g. a counter update), in order. */
  async execute(statement: ReturnType<typeof sql>): Promise<void> {
    await this.pending;
    this.throwIfFailed();
    await this.db.execute(statement);
  }

  private throwIfFailed(): void {
    if (this.failure !== null) {
      const error = this.failure;
      this.failure = null;
      throw error;
    }
  }
}

/** The database's own message (not the whole statement, which holds thousands of rows). */
function describeFailure(tables: string, error: unknown): Error {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const detail = (cause as { detail?: string }).detail;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(`Writing ${tables} failed: ${message}${detail ? ` (${detail})` : ''}`, { cause });
}

export class TableBuffer<T extends PgTable> {
  private rows: Array<Row<T>> = [];
  private readonly name: string;
  private readonly byKey: Map<string, ColumnInfo>;

  constructor(
    private readonly loader: Loader,
    table: T,
    private readonly parents: ReadonlyArray<TableBuffer<PgTable>>,
  ) {
    const info = columnsOf(table);
    this.name = info.name;
    this.byKey = info.byKey;
  }

  get tableName(): string {
    return this.name;
  }

  get size(): number {
    return this.rows.length;
  }

  /** Buffers a row; writes a batch when the buffer is full. */
  async add(row: Row<T>): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= this.loader.batchRows) {
      await this.flush();
    }
  }

  /** Buffers a row without ever writing (members of a group, written by `flushTogether`). */
  push(row: Row<T>): void {
    this.rows.push(row);
  }

  async flush(): Promise<void> {
    for (const parent of this.parents) {
      await parent.flush();
    }
    await this.loader.enqueue([this.takeBatch()]);
  }

  /** Writes the buffered rows in batches of the loader's size (rows pushed without `add`). */
  async flushInBatches(): Promise<void> {
    for (const parent of this.parents) {
      await parent.flush();
    }
    while (this.rows.length > 0) {
      await this.loader.enqueue([this.takeBatch(this.loader.batchRows)]);
    }
  }

  /** Takes (at most `limit` of) the buffered rows as one statement (none: rows 0). */
  takeBatch(limit = Number.POSITIVE_INFINITY): Batch {
    const rows = this.rows.length <= limit ? this.rows : this.rows.slice(0, limit);
    this.rows = this.rows.length <= limit ? [] : this.rows.slice(limit);
    if (rows.length === 0) {
      return { table: this.name, rows: 0, statement: sql`SELECT 1` };
    }
    // The batch's columns: every field any of its rows names (a row without one writes NULL there). The rows go to
    // the database as they are, one JSON array, their camelCase fields named as such in the record definition.
    const keySet = new Set<string>();
    for (const row of rows) {
      for (const key in row as object) {
        keySet.add(key);
      }
    }
    const keys = [...keySet];
    const columns = keys.map((key) => {
      const info = this.byKey.get(key);
      if (!info) {
        throw new Error(`${this.name} has no column ${key}`);
      }
      return info;
    });
    const target = columns.map((c) => quote(c.name)).join(', ');
    const source = keys.map((key) => quote(key)).join(', ');
    const definitions = columns.map((c, i) => `${quote(keys[i] ?? c.name)} ${c.type}`).join(', ');
    const json = JSON.stringify(rows);
    return {
      table: this.name,
      rows: rows.length,
      statement: sql`INSERT INTO ${sql.raw(quote(this.name))} (${sql.raw(target)}) SELECT ${sql.raw(source)} FROM json_to_recordset(${json}::json) AS x(${sql.raw(definitions)})`,
    };
  }
}

/** Writes the buffers' rows in one transaction, in the order given, after their other parents. */
export async function flushTogether(
  loader: Loader,
  buffers: ReadonlyArray<TableBuffer<PgTable>>,
  parents: ReadonlyArray<TableBuffer<PgTable>> = [],
): Promise<void> {
  for (const parent of parents) {
    await parent.flush();
  }
  await loader.enqueue(buffers.map((b) => b.takeBatch()));
}
