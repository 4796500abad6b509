import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import { adoptions, calls, innovations, programmes, projects, provinces } from '@server/db/schema/index';

/**
 * Read models of the public site over other modules' tables (counts and public addresses only; no personal data).
 * Definitions are those of `PublicFiguresSchema` in the public-site contract.
 */

/** Adoptions visible to the public: those of published innovations. */
const publicAdoptions = sql`${adoptions} a JOIN ${innovations} i ON i.id = a.innovation_id AND i.status = 'published'`;

export interface FigureRow {
  programmes: number | string;
  openCalls: number | string;
  fundedProjects: number | string;
  provincesReached: number | string;
  beneficiaries: number | string | null;
  innovations: number | string;
  adoptions: number | string;
}

/** Every home-page figure in one round trip; `now` decides which calls are open (to the second). */
export async function countFigures(db: DbOrTx, now: Date): Promise<FigureRow | undefined> {
  const at = now.toISOString();
  const rows = await queryRows<FigureRow>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM ${programmes}) AS "programmes",
      (SELECT count(*)::int FROM ${calls}
        WHERE status = 'published'
          AND opens_at <= ${at}::timestamptz
          AND date_trunc('second', closes_at) >= date_trunc('second', ${at}::timestamptz)) AS "openCalls",
      (SELECT count(*)::int FROM ${projects}) AS "fundedProjects",
      (SELECT count(*)::int FROM (
        SELECT unnest(province_codes) AS code FROM ${projects}
        UNION
        SELECT a.province_code AS code FROM ${publicAdoptions}
      ) reached) AS "provincesReached",
      (SELECT coalesce(sum((b.value ->> 'count')::bigint), 0)::bigint
        FROM ${publicAdoptions}
        CROSS JOIN LATERAL jsonb_array_elements(a.beneficiaries) AS b(value)
        WHERE a.adopted_on IS NOT NULL) AS "beneficiaries",
      (SELECT count(*)::int FROM ${innovations} WHERE status = 'published') AS "innovations",
      (SELECT count(*)::int FROM ${publicAdoptions} WHERE a.status IN ('adopted', 'sustained')) AS "adoptions"`,
  );
  return rows[0];
}

export interface SitemapEntryRow {
  id: string;
  updatedAt: Date | string;
}

/** Calls anyone may read (published or closed), newest change first. */
export async function listPublicCalls(db: DbOrTx, limit: number): Promise<SitemapEntryRow[]> {
  return db
    .select({ id: calls.id, updatedAt: calls.updatedAt })
    .from(calls)
    .where(sql`${calls.status} IN ('published', 'closed')`)
    .orderBy(sql`${calls.updatedAt} DESC`)
    .limit(limit);
}

/** Published catalogue entries, newest change first. */
export async function listPublishedInnovations(db: DbOrTx, limit: number): Promise<SitemapEntryRow[]> {
  return db
    .select({ id: innovations.id, updatedAt: innovations.updatedAt })
    .from(innovations)
    .where(sql`${innovations.status} = 'published'`)
    .orderBy(sql`${innovations.updatedAt} DESC`)
    .limit(limit);
}

/** Every province code, in order. */
export async function listProvinceCodes(db: DbOrTx): Promise<number[]> {
  const rows = await db.select({ code: provinces.code }).from(provinces).orderBy(provinces.code);
  return rows.map((r) => r.code);
}

/** Every programme's address name. */
export async function listProgrammeSlugs(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ slug: programmes.slug }).from(programmes).orderBy(programmes.sortOrder);
  return rows.map((r) => r.slug);
}
