import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  calls,
  drivingUnits,
  financialProxies,
  impactIndicators,
  organisations,
  programmes,
  projectIndicators,
  projectIndicatorValues,
  projectLogicModels,
  projects,
  sroiAssessments,
} from '@server/db/schema/index';

/** The project's header of the report: names of its grantee, programme and supervising unit. */
export async function findReportProject(db: DbOrTx, projectId: string) {
  const [row] = await db
    .select({
      id: projects.id,
      agreementNumber: projects.agreementNumber,
      titleTh: projects.titleTh,
      titleEn: projects.titleEn,
      fiscalYear: projects.fiscalYear,
      status: projects.status,
      startsOn: projects.startsOn,
      endsOn: projects.endsOn,
      awardSatang: projects.awardSatang,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      programmeNameTh: programmes.nameTh,
      programmeNameEn: programmes.nameEn,
      drivingUnitNameTh: drivingUnits.nameTh,
      drivingUnitNameEn: drivingUnits.nameEn,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .innerJoin(calls, eq(calls.id, projects.callId))
    .leftJoin(programmes, eq(programmes.id, calls.programmeId))
    .leftJoin(drivingUnits, eq(drivingUnits.id, projects.drivingUnitId))
    .where(eq(projects.id, projectId));
  return row ?? null;
}

export async function findLogicModel(db: DbOrTx, projectId: string) {
  const [row] = await db
    .select({ nodes: projectLogicModels.nodes, updatedAt: projectLogicModels.updatedAt })
    .from(projectLogicModels)
    .where(eq(projectLogicModels.projectId, projectId));
  return row ?? null;
}

export async function listProjectIndicators(db: DbOrTx, projectId: string) {
  return db
    .select()
    .from(projectIndicators)
    .where(eq(projectIndicators.projectId, projectId))
    .orderBy(asc(projectIndicators.position), asc(projectIndicators.code));
}

export async function listProjectValues(db: DbOrTx, projectId: string) {
  return db
    .select({
      id: projectIndicatorValues.id,
      projectIndicatorId: projectIndicatorValues.projectIndicatorId,
      periodStart: projectIndicatorValues.periodStart,
      periodEnd: projectIndicatorValues.periodEnd,
      value: projectIndicatorValues.value,
      status: projectIndicatorValues.status,
      source: projectIndicatorValues.source,
    })
    .from(projectIndicatorValues)
    .where(eq(projectIndicatorValues.projectId, projectId))
    .orderBy(asc(projectIndicatorValues.periodEnd), asc(projectIndicatorValues.createdAt));
}

export type AssessmentRow = typeof sroiAssessments.$inferSelect;

/** Every assessment of the project, newest version first within each kind. */
export async function listAssessments(db: DbOrTx, projectId: string): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(sroiAssessments)
    .where(eq(sroiAssessments.projectId, projectId))
    .orderBy(asc(sroiAssessments.kind), desc(sroiAssessments.versionNo));
}

/** Adds an assessment row as it is (the demo and tests write final versions directly). */
export async function insertAssessment(db: DbOrTx, values: typeof sroiAssessments.$inferInsert) {
  const [row] = await db.insert(sroiAssessments).values(values).returning({ id: sroiAssessments.id });
  return row?.id ?? '';
}

// ---- Demo data (the demo stage writes its own rows) -----------------------------------------------------------------

/** The first active project by agreement number (the demo's running project), with its award and dates. */
export async function findFirstActiveProject(db: DbOrTx) {
  const [row] = await db
    .select({
      id: projects.id,
      agreementNumber: projects.agreementNumber,
      awardSatang: projects.awardSatang,
      startsOn: projects.startsOn,
    })
    .from(projects)
    .where(eq(projects.status, 'active'))
    .orderBy(asc(projects.agreementNumber))
    .limit(1);
  return row ?? null;
}

export async function findLibraryIndicatorsByCode(db: DbOrTx, codes: string[]) {
  return db.select().from(impactIndicators).where(inArray(impactIndicators.code, codes));
}

export async function findProxiesByCode(db: DbOrTx, codes: string[]) {
  return db.select().from(financialProxies).where(inArray(financialProxies.code, codes));
}

export async function insertLogicModel(db: DbOrTx, values: typeof projectLogicModels.$inferInsert) {
  await db.insert(projectLogicModels).values(values);
}

export async function insertProjectIndicator(db: DbOrTx, values: typeof projectIndicators.$inferInsert) {
  const [row] = await db.insert(projectIndicators).values(values).returning({ id: projectIndicators.id });
  return row?.id ?? '';
}

export async function insertIndicatorValue(db: DbOrTx, values: typeof projectIndicatorValues.$inferInsert) {
  await db.insert(projectIndicatorValues).values(values);
}
