import { eq } from 'drizzle-orm';
import type { TestContext } from '@tests/setup/test-app';
import {
  impactIndicators,
  projectIndicators,
  projectIndicatorValues,
  projectLogicModels,
  projects,
  sroiAssessments,
} from '@server/db/schema/index';
import { evaluateAssessmentModel, headlineOf } from '@shared/impact/sroi-assessment';
import {
  SroiAssessmentModelSchema,
  type SroiAssessmentKind,
  type SroiAssessmentModel,
} from '@shared/contracts/sroi-assessments';
import type { LogicNode } from '@shared/contracts/impact-project';
import { uniqueSuffix } from './projects';

// Impact records written straight into the tables, for the report and portfolio tests (the report only reads them).

export async function setProjectPlaces(
  ctx: TestContext,
  projectId: string,
  values: { drivingUnitId?: string; provinceCodes?: number[]; themes?: string[] },
): Promise<void> {
  await ctx.database.db.update(projects).set(values).where(eq(projects.id, projectId));
}

export async function libraryIndicator(
  ctx: TestContext,
  values: { unitTh?: string; aggregation?: 'sum' | 'mean' | 'latest' } = {},
): Promise<{ id: string; code: string }> {
  const code = `T-${uniqueSuffix()}`.toUpperCase();
  const [row] = await ctx.database.db
    .insert(impactIndicators)
    .values({
      code,
      nameTh: `ตัวชี้วัดทดสอบ ${code}`,
      nameEn: `Test indicator ${code}`,
      unitTh: values.unitTh ?? 'คน',
      unitEn: 'people',
      type: 'count',
      direction: 'increase',
      aggregation: values.aggregation ?? 'sum',
    })
    .returning({ id: impactIndicators.id });
  return { id: row?.id ?? '', code };
}

export async function projectIndicator(
  ctx: TestContext,
  projectId: string,
  values: {
    indicatorId?: string | null;
    code: string;
    unitTh?: string;
    unitEn?: string;
    aggregation?: 'sum' | 'mean' | 'latest';
    baseline?: number | null;
    target?: number | null;
    logicNodeId?: string | null;
  },
): Promise<string> {
  const [row] = await ctx.database.db
    .insert(projectIndicators)
    .values({
      projectId,
      indicatorId: values.indicatorId ?? null,
      code: values.code,
      nameTh: `ผู้ได้รับประโยชน์ ${values.code}`,
      nameEn: `Beneficiaries ${values.code}`,
      unitTh: values.unitTh ?? 'คน',
      unitEn: values.unitEn ?? 'people',
      type: 'count',
      direction: 'increase',
      aggregation: values.aggregation ?? 'sum',
      baseline: values.baseline ?? null,
      target: values.target ?? null,
      logicNodeId: values.logicNodeId ?? null,
    })
    .returning({ id: projectIndicators.id });
  return row?.id ?? '';
}

export async function indicatorValue(
  ctx: TestContext,
  projectId: string,
  projectIndicatorId: string,
  periodEnd: string,
  value: number,
  status: 'submitted' | 'verified' | 'queried' = 'verified',
): Promise<void> {
  await ctx.database.db
    .insert(projectIndicatorValues)
    .values({ projectId, projectIndicatorId, periodEnd, value, status });
}

export async function logicModel(ctx: TestContext, projectId: string, nodes: LogicNode[]): Promise<void> {
  await ctx.database.db.insert(projectLogicModels).values({ projectId, nodes });
}

/** A small impact map: one grant input, one outcome (quantity × proxy in baht) with deductions. */
export function simpleModel(inputBaht: number, quantity: number, proxyBaht: number): SroiAssessmentModel {
  return SroiAssessmentModelSchema.parse({
    convention: 'svi-2012',
    discountRate: 0.035,
    stakeholders: [{ id: 'farmers', name: 'เกษตรกรในชุมชน' }],
    inputs: [{ label: 'เงินทุนโครงการ', valueSatang: inputBaht * 100, stakeholderId: null }],
    outcomes: [
      {
        id: 'income',
        stakeholderId: 'farmers',
        description: 'รายได้ครัวเรือนเพิ่มขึ้น',
        indicator: 'รายได้ต่อปี',
        quantity,
        proxyLabel: 'รายได้เพิ่มต่อครัวเรือน',
        proxySatang: proxyBaht * 100,
        proxySource: 'สำนักงานสถิติแห่งชาติ',
        proxySourceUrl: 'https://www.nso.go.th/',
        deadweight: 0.2,
        attribution: 0.25,
        dropoff: 0.1,
        duration: 3,
      },
    ],
  });
}

/** An assessment version stored with its engine result and headline figures, as the SROI service stores them. */
export async function assessment(
  ctx: TestContext,
  projectId: string,
  kind: SroiAssessmentKind,
  versionNo: number,
  status: 'draft' | 'final',
  model: SroiAssessmentModel,
): Promise<{ id: string; presentValueSatang: number; investmentSatang: number; ratio: number }> {
  const { result } = evaluateAssessmentModel(model);
  if (!result) {
    throw new Error('the test model does not compute');
  }
  const headline = headlineOf(result);
  const [row] = await ctx.database.db
    .insert(sroiAssessments)
    .values({
      projectId,
      kind,
      versionNo,
      status,
      title: `${kind} v${versionNo}`,
      model,
      result,
      convention: result.convention,
      ...headline,
      finalisedAt: status === 'final' ? new Date('2026-12-01T03:00:00Z') : null,
    })
    .returning({ id: sroiAssessments.id });
  return { id: row?.id ?? '', ...headline };
}
