import type { Database, DbOrTx } from '@server/db/client';
import { invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { authorize } from '@server/lib/authz';
import type { AuditEvent, AuditQuery } from '@shared/contracts/audit';
import * as repo from './audit.repo';
import { auditPolicy } from './audit.policy';

/** Fields whose values never enter the audit log: only the fact that they changed. */
const REDACTED = new Set(['passwordHash', 'totpSecret', 'email', 'phone', 'name', 'citizenId', 'tokenHash']);

type Snapshot = Record<string, unknown> | null | undefined;

/** The fields that differ between two snapshots, with personal and secret values redacted. */
export function diffSnapshots(
  before: Snapshot,
  after: Snapshot,
): Record<string, { before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) {
      continue;
    }
    changes[key] = REDACTED.has(key)
      ? { before: b === null ? null : '[redacted]', after: a === null ? null : '[redacted]' }
      : { before: b, after: a };
  }
  return changes;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: Snapshot;
  after?: Snapshot;
}

/** Appends an audit event; call it with the transaction that makes the change. */
export async function recordAudit(tx: DbOrTx, meta: RequestMeta, input: AuditInput): Promise<void> {
  await repo.insertAuditEvent(tx, {
    actorUserId: meta.actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    changes: diffSnapshots(input.before, input.after),
    ip: meta.ip,
    requestId: meta.requestId,
  });
}

/** Administrators read the log, newest first, filtered by actor, entity, action and Bangkok dates. */
export async function listAuditEvents(
  db: Database,
  actor: Actor,
  query: AuditQuery,
): Promise<{ data: AuditEvent[]; nextCursor: number | null }> {
  authorize(actor, auditPolicy.read, {});
  if (query.from && query.to && query.from > query.to) {
    throw invalidField('query.to', 'errors.DATE_RANGE');
  }
  const rows = await repo.listAuditEvents(db, { ...query, beforeId: query.cursor });
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => ({
      id: Number(r.id),
      actorUserId: r.actorUserId,
      actorName: r.actorErased ? null : r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      changes: r.changes,
      ip: r.ip,
      requestId: r.requestId,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    nextCursor: rows.length > query.limit ? Number(page.at(-1)?.id ?? 0) : null,
  };
}
