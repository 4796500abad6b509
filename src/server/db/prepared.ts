import type { DbOrTx } from './client';

/**
 * A query prepared once per database handle under a fixed name: PostgreSQL parses and plans it once per connection
 * and runs it with new parameters after that. For the statements nearly every request runs (sessions, a proposal's
 * detail). The builder must give the same SQL text every time, with `sql.placeholder` for what varies.
 */
export function preparedQuery<Q>(build: (db: DbOrTx) => Q): (db: DbOrTx) => Q {
  const byHandle = new WeakMap<DbOrTx, Q>();
  return (db) => {
    let query = byHandle.get(db);
    if (query === undefined) {
      query = build(db);
      byHandle.set(db, query);
    }
    return query;
  };
}
