import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { auditEvents, users } from '@server/db/schema/index';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(db: DbOrTx, event: NewAuditEvent): Promise<void> {
  await db.insert(auditEvents).values(event);
}

export interface AuditFilter {
  actorUserId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  /** Exclusive upper bound (a date: everything before the next day). */
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

export async function listAuditEvents(db: DbOrTx, filter: AuditFilter) {
  const conditions: SQL[] = [];
  if (filter.actorUserId) {
    conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  }
  if (filter.entityType) {
    conditions.push(eq(auditEvents.entityType, filter.entityType));
  }
  if (filter.entityId) {
    conditions.push(eq(auditEvents.entityId, filter.entityId));
  }
  if (filter.action) {
    conditions.push(eq(auditEvents.action, filter.action));
  }
  if (filter.from) {
    conditions.push(
      gte(auditEvents.createdAt, sql`(${filter.from}::date)::timestamp AT TIME ZONE 'Asia/Bangkok'`),
    );
  }
  if (filter.to) {
    conditions.push(
      lt(auditEvents.createdAt, sql`((${filter.to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Bangkok'`),
    );
  }
  if (filter.beforeId) {
    conditions.push(lt(auditEvents.id, filter.beforeId));
  }
  return db
    .select({
      id: auditEvents.id,
      actorUserId: auditEvents.actorUserId,
      actorName: sql<string | null>`CASE WHEN ${users.status} = 'erased' THEN NULL ELSE ${users.name} END`,
      actorErased: sql<boolean>`coalesce(${users.status} = 'erased', false)`,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      changes: auditEvents.changes,
      ip: auditEvents.ip,
      requestId: auditEvents.requestId,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(filter.limit + 1);
}
