import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';

const loggers = new WeakMap<FastifyBaseLogger, Map<string, FastifyBaseLogger>>();

/**
 * The logger of a background worker (outbox, reminders, jobs): every line it writes carries `worker` (its name) and
 * `workerId` (this worker of this app, the same on every line), the counterpart of a request's `reqId`, so that one
 * instance's worker can be followed across its log lines. Made once per app logger and worker name.
 */
export function workerLogger(log: FastifyBaseLogger, worker: string): FastifyBaseLogger {
  let byName = loggers.get(log);
  if (!byName) {
    byName = new Map();
    loggers.set(log, byName);
  }
  let child = byName.get(worker);
  if (!child) {
    child = log.child({ worker, workerId: `${worker}-${randomUUID()}` });
    byName.set(worker, child);
  }
  return child;
}
