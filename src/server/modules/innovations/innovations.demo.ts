import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '@server/db/client';
import { recordAudit } from '@server/modules/audit/audit.service';
import {
  innovationOwners,
  innovationSrlHistory,
  innovations,
  organisations,
  partners,
  programmes,
} from '@server/db/schema/index';
import { addDays, bangkokDate } from '@shared/projects/plan';
import { INNOVATION_CORPUS, type CorpusInnovation } from './innovations.corpus';
import { innovationSearchText } from './innovations.search';

export interface DemoInnovationOptions {
  now: Date;
  officerUserId: string;
}

/** Days before today each corpus entry was published: spread over the past two years, newest first in the list. */
const publishedDaysAgo = (index: number) => 12 + index * 17;

/**
 * The demo catalogue: the forty corpus innovations as published entries (the featured ones featured, the
 * diffusion-ready ones with their adoption packages and up to two SI Network diffusion partners), each owned by a
 * demo organisation (one in the same province when there is one), in a programme (the Social Innovation Village
 * for the diffusion-ready ones), with an SRL history from its project's start to
 * now; and the closed demo project's draft, when there is one, published. Batched: a few statements in one
 * transaction, audited as one event. Returns a line for the seed log.
 */
export async function ensureDemoInnovations(db: Database, options: DemoInnovationOptions): Promise<string> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ titleTh: innovations.titleTh })
      .from(innovations)
      .where(
        inArray(
          innovations.titleTh,
          INNOVATION_CORPUS.map((c) => c.titleTh),
        ),
      );
    const have = new Set(existing.map((e) => e.titleTh));
    const todo = INNOVATION_CORPUS.filter((c) => !have.has(c.titleTh));
    const orgs = await tx
      .select({ id: organisations.id, provinceCode: organisations.provinceCode })
      .from(organisations)
      .orderBy(asc(organisations.createdAt), asc(organisations.nameTh));
    const helpers = await tx
      .select({ id: partners.id })
      .from(partners)
      .where(sql`'diffusion_partner' = ANY(${partners.roles})`)
      .orderBy(asc(partners.nameTh));
    const programmeRows = await tx
      .select({ id: programmes.id, slug: programmes.slug })
      .from(programmes)
      .where(inArray(programmes.slug, ['social-innovation-village', 'sectoral', 'area-based']));
    const programmeOf = (c: CorpusInnovation, index: number): string | null => {
      const slug = c.isDiffusionReady
        ? 'social-innovation-village'
        : index % 2 === 0
          ? 'sectoral'
          : 'area-based';
      return programmeRows.find((p) => p.slug === slug)?.id ?? null;
    };
    const ownerOf = (c: CorpusInnovation, index: number): string | null =>
      orgs.find((o) => o.provinceCode === c.originProvinceCode)?.id ??
      orgs[index % Math.max(orgs.length, 1)]?.id ??
      null;

    let inserted: Array<{ id: string; titleTh: string }> = [];
    if (todo.length > 0) {
      inserted = await tx
        .insert(innovations)
        .values(
          todo.map((c, index) => {
            const partnerIds = helpers.length
              ? [helpers[index % helpers.length]?.id, helpers[(index + 1) % helpers.length]?.id].filter(
                  (id, i, all): id is string => id !== undefined && all.indexOf(id) === i,
                )
              : [];
            const publishedAt = new Date(options.now.getTime() - publishedDaysAgo(index) * 86_400_000);
            return {
              titleTh: c.titleTh,
              titleEn: c.titleEn,
              summaryTh: c.summaryTh,
              summaryEn: c.summaryEn,
              problemTh: c.problemTh,
              problemEn: c.problemEn,
              solutionTh: c.solutionTh,
              solutionEn: c.solutionEn,
              howItWorksTh: c.howItWorksTh,
              howItWorksEn: c.howItWorksEn,
              targetUsersTh: c.targetUsersTh,
              targetUsersEn: c.targetUsersEn,
              themes: c.themes,
              sdgs: c.sdgs,
              provinceCodes: [c.originProvinceCode],
              originProvinceCode: c.originProvinceCode,
              originVillageName: c.originVillageName,
              srl: c.srl,
              organisationId: ownerOf(c, index),
              programmeId: programmeOf(c, index),
              adoptionCostSatang: c.adoptionCostSatang,
              adoptionRequirementsTh: c.adoptionRequirementsTh,
              adoptionRequirementsEn: c.adoptionRequirementsEn,
              isDiffusionReady: c.isDiffusionReady,
              adoptionPackage: c.adoptionPackage ? { ...c.adoptionPackage, partnerIds } : null,
              isFeatured: c.isFeatured,
              status: 'published',
              publishedAt,
              publishedBy: options.officerUserId,
              createdBy: options.officerUserId,
              createdAt: publishedAt,
              updatedAt: publishedAt,
              searchText: innovationSearchText(c),
            };
          }),
        )
        .returning({ id: innovations.id, titleTh: innovations.titleTh });
      const byTitle = new Map(todo.map((c, index) => [c.titleTh, { c, index }]));
      const owners = inserted.flatMap((row) => {
        const found = byTitle.get(row.titleTh);
        const owner = found ? ownerOf(found.c, found.index) : null;
        return owner ? [{ innovationId: row.id, organisationId: owner }] : [];
      });
      if (owners.length > 0) {
        await tx.insert(innovationOwners).values(owners).onConflictDoNothing();
      }
      const today = bangkokDate(options.now);
      const history = inserted.flatMap((row) => {
        const found = byTitle.get(row.titleTh);
        if (!found) {
          return [];
        }
        const started = addDays(today, -(publishedDaysAgo(found.index) + 540));
        const rows = [
          { innovationId: row.id, srl: found.c.srlAtStart, assessedOn: started, source: 'project_start' },
        ];
        if (found.c.srl !== found.c.srlAtStart) {
          rows.push({
            innovationId: row.id,
            srl: found.c.srl,
            assessedOn: addDays(today, -publishedDaysAgo(found.index)),
            source: 'close_out',
          });
        }
        return rows;
      });
      if (history.length > 0) {
        await tx
          .insert(innovationSrlHistory)
          .values(history.map((h) => ({ ...h, recordedBy: options.officerUserId })));
      }
    }
    const closedDrafts = await tx
      .update(innovations)
      .set({
        status: 'published',
        publishedAt: options.now,
        publishedBy: options.officerUserId,
        version: sql`${innovations.version} + 1`,
      })
      .where(
        and(
          isNotNull(innovations.projectId),
          eq(innovations.status, 'draft'),
          sql`${innovations.summaryTh} <> ''`,
          sql`cardinality(${innovations.themes}) > 0`,
          isNotNull(innovations.originProvinceCode),
        ),
      )
      .returning({ id: innovations.id });
    await recordAudit(
      tx,
      { actorUserId: options.officerUserId, ip: null, requestId: null },
      {
        action: 'innovation.demo_loaded',
        entityType: 'innovation',
        entityId: 'demo-catalogue',
        after: { inserted: inserted.length, publishedFromProjects: closedDrafts.map((d) => d.id) },
      },
    );
    return `${inserted.length} innovations published (${INNOVATION_CORPUS.filter((c) => c.isDiffusionReady).length} diffusion-ready), ${closedDrafts.length} from closed projects`;
  });
}

/** The demo entries' ids by corpus key (for the demo stages that build on the catalogue). */
export async function demoInnovationIds(db: Database): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: innovations.id, titleTh: innovations.titleTh })
    .from(innovations)
    .where(
      inArray(
        innovations.titleTh,
        INNOVATION_CORPUS.map((c) => c.titleTh),
      ),
    );
  const idByTitle = new Map(rows.map((r) => [r.titleTh, r.id]));
  return new Map(
    INNOVATION_CORPUS.flatMap((c) => {
      const id = idByTitle.get(c.titleTh);
      return id ? [[c.key, id] as const] : [];
    }),
  );
}
