/**
 * All SQL of the needs register (`innovation_needs`) and of "we want to adopt this" (who may act for which
 * organisation, who to tell). Adoptions, innovations, organisations, users and driving units are READ here for display,
 * scoping and notifications; adoptions are written only through the adoptions service.
 */
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  adoptions,
  drivingUnitProvinces,
  innovationNeeds,
  innovationOwners,
  innovations,
  organisationMembers,
  organisations,
  userRoles,
  users,
} from '@server/db/schema/index';
import { textSearchRank, textSearchWhere, type TextSearch } from '@server/lib/text-search';
import { PUBLIC_NEED_STATUSES, type NeedStatus } from '@shared/contracts/needs';

export type NeedRow = typeof innovationNeeds.$inferSelect;

/** Which needs beyond the public ones the actor sees: every need, those of some provinces, or none. */
export type NeedScope = { kind: 'all' } | { kind: 'provinces'; codes: number[] } | { kind: 'public' };

export interface NeedFilter {
  search: TextSearch | null;
  theme?: string | undefined;
  provinceCode?: number | undefined;
  status?: NeedStatus | undefined;
}

const searchColumns = {
  vector: innovationNeeds.searchVector,
  trigramText: sql`lower(${innovationNeeds.titleTh})`,
};

function publicStatuses(): SQL {
  return inArray(innovationNeeds.status, [...PUBLIC_NEED_STATUSES]);
}

/** The needs the scope lets the actor see: public ones for everyone, more for staff. */
export function visibleNeedsWhere(scope: NeedScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'provinces':
      return scope.codes.length > 0
        ? or(publicStatuses(), inArray(innovationNeeds.provinceCode, scope.codes))
        : publicStatuses();
    case 'public':
      return publicStatuses();
  }
}

export async function listNeeds(
  db: DbOrTx,
  scope: NeedScope,
  filter: NeedFilter,
  limit: number,
  offset: number,
): Promise<{ rows: NeedRow[]; total: number }> {
  const where = and(
    visibleNeedsWhere(scope),
    filter.search ? textSearchWhere(filter.search, searchColumns) : undefined,
    filter.theme ? eq(innovationNeeds.theme, filter.theme) : undefined,
    filter.provinceCode !== undefined ? eq(innovationNeeds.provinceCode, filter.provinceCode) : undefined,
    filter.status ? eq(innovationNeeds.status, filter.status) : undefined,
  );
  const order: SQL[] = filter.search ? [sql`${textSearchRank(filter.search, searchColumns)} DESC`] : [];
  order.push(desc(innovationNeeds.createdAt), asc(innovationNeeds.id));
  const rows = await db
    .select()
    .from(innovationNeeds)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(innovationNeeds).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findNeed(db: DbOrTx, id: string, lock = false): Promise<NeedRow | null> {
  const query = db.select().from(innovationNeeds).where(eq(innovationNeeds.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertNeed(db: DbOrTx, values: typeof innovationNeeds.$inferInsert): Promise<NeedRow> {
  const [row] = await db.insert(innovationNeeds).values(values).returning();
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

/** Changes a need and moves its version on. */
export async function updateNeed(
  db: DbOrTx,
  id: string,
  changes: Partial<typeof innovationNeeds.$inferInsert>,
): Promise<NeedRow> {
  const [row] = await db
    .update(innovationNeeds)
    .set({ ...changes, version: sql`${innovationNeeds.version} + 1`, updatedAt: new Date() })
    .where(eq(innovationNeeds.id, id))
    .returning();
  if (!row) {
    throw new Error('update returned no row');
  }
  return row;
}

/** The adoptions opened for a need, newest first, with their innovations' titles. */
export async function listNeedAdoptions(db: DbOrTx, needId: string) {
  return db
    .select({
      id: adoptions.id,
      innovationId: adoptions.innovationId,
      innovationTitleTh: innovations.titleTh,
      innovationTitleEn: innovations.titleEn,
      adopterName: adoptions.adopterName,
      status: adoptions.status,
      statusOn: adoptions.statusOn,
    })
    .from(adoptions)
    .innerJoin(innovations, eq(innovations.id, adoptions.innovationId))
    .where(and(eq(adoptions.needId, needId), eq(innovations.status, 'published')))
    .orderBy(desc(adoptions.createdAt));
}

/** The provinces of a driving unit's area. */
export async function unitProvinceCodes(db: DbOrTx, drivingUnitId: string): Promise<number[]> {
  const rows = await db
    .select({ code: drivingUnitProvinces.provinceCode })
    .from(drivingUnitProvinces)
    .where(eq(drivingUnitProvinces.drivingUnitId, drivingUnitId));
  return rows.map((r) => r.code);
}

/** Active users with a role (programme officers, say). */
export async function activeUserIdsWithRole(db: DbOrTx, role: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, role), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

/** Active staff of the driving units whose area holds the province, or of the given units. */
export async function unitStaffIds(
  db: DbOrTx,
  which: { provinceCode?: number | null; drivingUnitIds?: string[] },
): Promise<string[]> {
  const units = new Set(which.drivingUnitIds ?? []);
  if (which.provinceCode !== undefined && which.provinceCode !== null) {
    const rows = await db
      .select({ id: drivingUnitProvinces.drivingUnitId })
      .from(drivingUnitProvinces)
      .where(eq(drivingUnitProvinces.provinceCode, which.provinceCode));
    for (const r of rows) {
      units.add(r.id);
    }
  }
  if (units.size === 0) {
    return [];
  }
  const rows = await db
    .select({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, 'driving_unit_staff'),
        inArray(userRoles.drivingUnitId, [...units]),
        eq(users.status, 'active'),
      ),
    );
  return rows.map((r) => r.id);
}

export async function listContacts(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) {
    return [];
  }
  return db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.status, 'active')));
}

// ---- Interest -------------------------------------------------------------------------------------------------------

/** The organisations the user owns or edits whose type may express interest. */
export async function interestOrganisations(db: DbOrTx, userId: string, types: readonly string[]) {
  return db
    .select({
      id: organisations.id,
      nameTh: organisations.nameTh,
      nameEn: organisations.nameEn,
      type: organisations.type,
      provinceCode: organisations.provinceCode,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(
      and(
        eq(organisationMembers.userId, userId),
        inArray(organisationMembers.role, ['owner', 'editor']),
        inArray(organisations.type, [...types]),
      ),
    )
    .orderBy(asc(organisations.nameTh));
}

/** An adoption of the innovation by one of the organisations that is still open (not discontinued), if any. */
export async function openAdoptionOf(
  db: DbOrTx,
  innovationId: string,
  organisationIds: string[],
): Promise<string | null> {
  if (organisationIds.length === 0) {
    return null;
  }
  const [row] = await db
    .select({ id: adoptions.id })
    .from(adoptions)
    .where(
      and(
        eq(adoptions.innovationId, innovationId),
        inArray(adoptions.adopterOrganisationId, organisationIds),
        ne(adoptions.status, 'discontinued'),
      ),
    )
    .orderBy(desc(adoptions.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** The innovation as "we want to adopt this" needs it: its status, readiness, titles and driving unit. */
export async function findInnovationForInterest(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: innovations.id,
      status: innovations.status,
      isDiffusionReady: innovations.isDiffusionReady,
      titleTh: innovations.titleTh,
      titleEn: innovations.titleEn,
      drivingUnitId: innovations.drivingUnitId,
    })
    .from(innovations)
    .where(eq(innovations.id, id));
  return row ?? null;
}

/** Owners and editors of the innovation's owner organisations (who to tell about interest). */
export async function innovationOwnerUserIds(db: DbOrTx, innovationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: organisationMembers.userId })
    .from(innovationOwners)
    .innerJoin(organisationMembers, eq(organisationMembers.organisationId, innovationOwners.organisationId))
    .where(
      and(
        eq(innovationOwners.innovationId, innovationId),
        inArray(organisationMembers.role, ['owner', 'editor']),
      ),
    );
  return rows.map((r) => r.id);
}

/** Whether a need with this exact title was recorded (the demo stage's guard). */
export async function needTitled(db: DbOrTx, titleTh: string): Promise<boolean> {
  const [row] = await db
    .select({ id: innovationNeeds.id })
    .from(innovationNeeds)
    .where(eq(innovationNeeds.titleTh, titleTh))
    .limit(1);
  return row !== undefined;
}

/** Locks an organisation's row for the transaction: one "we want to adopt this" at a time per organisation. */
export async function lockOrganisation(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).for('update');
}

/** The needs a person posted while signed in, with the contact details they gave. */
export async function listNeedsSubmittedBy(db: DbOrTx, userId: string) {
  return db
    .select({
      id: innovationNeeds.id,
      titleTh: innovationNeeds.titleTh,
      status: innovationNeeds.status,
      requesterName: innovationNeeds.requesterName,
      requesterOrganisation: innovationNeeds.requesterOrganisation,
      contactEmail: innovationNeeds.contactEmail,
      contactPhone: innovationNeeds.contactPhone,
      contactConsentedAt: innovationNeeds.contactConsentedAt,
      createdAt: innovationNeeds.createdAt,
    })
    .from(innovationNeeds)
    .where(eq(innovationNeeds.submittedBy, userId))
    .orderBy(asc(innovationNeeds.createdAt));
}

/** Blanks the requester's name and contact details on the needs a person posted; the needs themselves stay. */
export async function eraseRequesterOf(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(innovationNeeds)
    .set({
      requesterName: '',
      contactEmail: '',
      contactPhone: '',
      contactConsentedAt: null,
      version: sql`${innovationNeeds.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(innovationNeeds.submittedBy, userId))
    .returning({ id: innovationNeeds.id });
  return rows.length;
}
