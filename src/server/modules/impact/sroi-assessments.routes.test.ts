import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, sroiAssessments } from '@server/db/schema/index';
import type {
  SaveSroiAssessmentBody,
  SroiAssessmentDetail,
  SroiAssessmentList,
  SroiCalculateResponse,
} from '@shared/contracts/sroi-assessments';
import { SroiAssessmentModelSchema } from '@shared/contracts/sroi-assessments';
import { calculateSroi } from '@shared/impact/sroi';
import { toEngineModel } from '@shared/impact/sroi-assessment';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { signedIn, type Person } from '@tests/factories/people';
import { awardedProject, type AwardedProject } from '@tests/factories/projects';

let ctx: TestContext;
let project: AwardedProject;
let other: AwardedProject;
let editor: Person;
let viewer: Person;
let outsider: Person;
let anonymous: TestClient;

beforeAll(async () => {
  ctx = await createTestApp();
  project = await awardedProject(ctx);
  other = await awardedProject(ctx, { officer: project.officer });
  editor = await signedIn(ctx, 'editor@sroi.test', null, 'en');
  viewer = await signedIn(ctx, 'viewer@sroi.test');
  await createOrganisationMembershipForTest(ctx.database.db, project.organisationId, editor.userId, 'editor');
  await createOrganisationMembershipForTest(ctx.database.db, project.organisationId, viewer.userId, 'viewer');
  outsider = await signedIn(ctx, 'outsider@sroi.test');
  anonymous = new TestClient(ctx.app);
}, 120_000);
afterAll(async () => {
  await ctx.close();
});

interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { issues?: Array<{ field: string; code: string; message: string; messageEn?: string }> };
  };
}
const errorOf = (response: { json: <T>() => T }) => response.json<ErrorBody>().error;
const detailOf = (response: { json: <T>() => T }) => response.json<{ data: SroiAssessmentDetail }>().data;

/** A valid impact map in satang: one stakeholder, a grant of 10,000 baht, one outcome (SROI-SPEC §1's example). */
function validModel(overrides: Record<string, unknown> = {}) {
  return {
    convention: 'svi-2012',
    discountRate: 0.035,
    currency: 'THB',
    stakeholders: [{ id: 's1', name: 'ผู้เข้าร่วม', description: '', size: 20 }],
    inputs: [{ stakeholderId: null, label: 'ทุนสนับสนุน', valueSatang: 1_000_000, year: 0, nonCash: false }],
    outcomes: [
      {
        id: 'A',
        stakeholderId: 's1',
        description: 'มีงานทำ',
        indicator: 'จำนวนคนมีงานทำ',
        quantity: 20,
        proxySatang: 50_000,
        proxySource: 'ค่าแรงขั้นต่ำ',
        deadweight: 0.2,
        attribution: 0.25,
        dropoff: 0.1,
        duration: 3,
      },
    ],
    ...overrides,
  };
}

async function create(client: TestClient, projectId: string, kind: 'forecast' | 'evaluative' = 'forecast') {
  const response = await client.post(`/api/projects/${projectId}/sroi-assessments`, { kind });
  expect(response.statusCode, response.body).toBe(201);
  return detailOf(response);
}

async function save(client: TestClient, a: SroiAssessmentDetail, model: unknown, title = 'ประเมิน') {
  const body: Omit<SaveSroiAssessmentBody, 'model'> & { model: unknown } = {
    version: a.version,
    title,
    notes: '',
    model,
  };
  return client.request('PUT', `/api/sroi-assessments/${a.id}`, body);
}

async function storedRow(id: string) {
  const rows = await ctx.database.db.select().from(sroiAssessments).where(eq(sroiAssessments.id, id));
  return rows[0];
}

describe('GET/POST /api/projects/:id/sroi-assessments', () => {
  it('needs a session', async () => {
    expect((await anonymous.get(`/api/projects/${project.projectId}/sroi-assessments`)).statusCode).toBe(401);
    expect(
      (await anonymous.post(`/api/projects/${project.projectId}/sroi-assessments`, { kind: 'forecast' }))
        .statusCode,
    ).toBe(401);
  });

  it('hides the project from outsiders and refuses viewers', async () => {
    expect(
      (await outsider.client.get(`/api/projects/${project.projectId}/sroi-assessments`)).statusCode,
    ).toBe(404);
    const refused = await viewer.client.post(`/api/projects/${project.projectId}/sroi-assessments`, {
      kind: 'forecast',
    });
    expect(refused.statusCode, refused.body).toBe(403);
    const list = await viewer.client.get(`/api/projects/${project.projectId}/sroi-assessments`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ data: SroiAssessmentList }>().data.abilities).toEqual({
      create: false,
      finalise: false,
    });
  });

  it('rejects a bad kind', async () => {
    const response = await project.owner.client.post(`/api/projects/${project.projectId}/sroi-assessments`, {
      kind: 'guess',
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.issues?.[0]?.field).toBe('body.kind');
  });

  it('starts version 1 with an empty model and its issues, then refuses a second draft of the kind', async () => {
    const first = await create(project.owner.client, project.projectId);
    expect(first).toMatchObject({
      kind: 'forecast',
      versionNo: 1,
      status: 'draft',
      result: null,
      ratio: null,
    });
    expect(first.issues.map((i) => i.code)).toEqual(['NO_INPUTS', 'NO_OUTCOMES']);
    expect(first.issues[0]?.messageTh).toContain('ปัจจัยนำเข้า');
    expect(first.issues[0]?.messageEn).toContain('input');
    expect(first.abilities).toEqual({ edit: true, finalise: false, newVersion: false, delete: true });
    const again = await project.owner.client.post(`/api/projects/${project.projectId}/sroi-assessments`, {
      kind: 'forecast',
    });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('INVALID_STATE');
    const list = await project.officer.client.get(`/api/projects/${project.projectId}/sroi-assessments`);
    const data = list.json<{ data: SroiAssessmentList }>().data;
    expect(data.items.map((i) => [i.kind, i.versionNo, i.status, i.issueCount])).toEqual([
      ['forecast', 1, 'draft', 2],
    ]);
    expect(data.abilities).toEqual({ create: true, finalise: true });
  });
});

describe('GET/PUT /api/sroi-assessments/:id', () => {
  let draft: SroiAssessmentDetail;
  beforeAll(async () => {
    draft = await create(other.owner.client, other.projectId);
  });

  it('needs a session, hides from outsiders, refuses viewers', async () => {
    expect((await anonymous.get(`/api/sroi-assessments/${draft.id}`)).statusCode).toBe(401);
    expect((await save(anonymous, draft, validModel())).statusCode).toBe(401);
    expect((await outsider.client.get(`/api/sroi-assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await save(outsider.client, draft, validModel())).statusCode).toBe(404);
    expect((await editor.client.get(`/api/sroi-assessments/${draft.id}`)).statusCode).toBe(404);
    expect(
      (await project.owner.client.get('/api/sroi-assessments/00000000-0000-4000-8000-000000000000'))
        .statusCode,
    ).toBe(404);
  });

  it('rejects a model that breaks the stored shape with 400 naming the field', async () => {
    const model = validModel();
    const outcome = { ...(model.outcomes as Array<Record<string, unknown>>)[0], deadweight: 1.5 };
    const response = await save(other.owner.client, draft, { ...model, outcomes: [outcome] });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details?.issues?.map((i) => i.field)).toEqual([
      'body.model.outcomes.0.deadweight',
    ]);
    const extra = await save(other.owner.client, draft, { ...model, surprise: 1 });
    expect(extra.statusCode).toBe(400);
  });

  it('saves a valid model with the result the engine gives on the converted model, and headline columns', async () => {
    const response = await save(other.owner.client, draft, validModel());
    expect(response.statusCode, response.body).toBe(200);
    const saved = detailOf(response);
    const expected = calculateSroi(toEngineModel(SroiAssessmentModelSchema.parse(validModel())));
    expect(saved.issues).toEqual([]);
    expect(saved.result).toEqual(expected);
    expect(saved.version).toBe(draft.version + 1);
    const row = await storedRow(draft.id);
    expect(row?.result).toEqual(expected);
    expect(row?.presentValueSatang).toBe(Math.round(expected.presentValue));
    expect(row?.investmentSatang).toBe(1_000_000);
    expect(row?.ratio).toBeCloseTo(expected.ratio, 4);
    expect(saved.comparison).toBeNull();
    draft = saved;
  });

  it('saves an invalid model whole, with its issues by stored path and no result', async () => {
    const model = validModel({
      inputs: [{ stakeholderId: null, label: 'ทุน', valueSatang: 0, year: 0, nonCash: false }],
      outcomes: [
        {
          ...(validModel().outcomes as Array<Record<string, unknown>>)[0],
          quantity: null,
        },
      ],
    });
    const response = await save(other.owner.client, draft, model, 'ยังไม่ครบ');
    expect(response.statusCode, response.body).toBe(200);
    const saved = detailOf(response);
    expect(saved.result).toBeNull();
    expect(saved.ratio).toBeNull();
    expect(saved.issues.map((i) => [i.path, i.code])).toEqual([
      ['outcomes[0].quantity', 'QUANTITY_REQUIRED'],
    ]);
    expect(saved.model.outcomes[0]?.quantity).toBeNull();
    expect(saved.model.outcomes[0]?.proxySource).toBe('ค่าแรงขั้นต่ำ');
    expect(saved.title).toBe('ยังไม่ครบ');
    const row = await storedRow(draft.id);
    expect(row?.result).toBeNull();
    expect(row?.presentValueSatang).toBeNull();
    expect(row?.issues).toHaveLength(1);
    draft = saved;
  });

  it('gets 409 on a stale version', async () => {
    const stale = await save(other.owner.client, { ...draft, version: draft.version - 1 }, validModel());
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
  });

  it('returns the svi-2012 recomputation beside a th-base-year result', async () => {
    const response = await save(
      other.owner.client,
      draft,
      validModel({ convention: 'th-base-year', discountRate: 0.02 }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const saved = detailOf(response);
    expect(saved.result?.convention).toBe('th-base-year');
    expect(saved.convention).toBe('th-base-year');
    expect(saved.comparison?.convention).toBe('svi-2012');
    expect(saved.comparison?.result.discountRate).toBe(0.035);
    const got = await other.officer.client.get(`/api/sroi-assessments/${draft.id}`);
    expect(detailOf(got).comparison?.result.ratio).toBeCloseTo(saved.comparison?.result.ratio ?? 0, 12);
    draft = saved;
  });
});

describe('POST /api/sroi-assessments/:id/finalise, /new-version and DELETE', () => {
  let draft: SroiAssessmentDetail;
  beforeAll(async () => {
    draft = await create(project.owner.client, project.projectId, 'evaluative');
  });

  it('starts an evaluative version 1 from a copy of the latest forecast', async () => {
    const list = await project.owner.client.get(`/api/projects/${project.projectId}/sroi-assessments`);
    const forecast = list.json<{ data: SroiAssessmentList }>().data.items.find((i) => i.kind === 'forecast');
    expect(draft).toMatchObject({ kind: 'evaluative', versionNo: 1, basedOnId: forecast?.id });
  });

  it('lets an editor of the grantee save', async () => {
    const response = await save(editor.client, draft, validModel(), 'โดยผู้แก้ไข');
    expect(response.statusCode, response.body).toBe(200);
    draft = detailOf(response);
  });

  it('needs a session and is for staff only: the grantee cannot finalise', async () => {
    const saved = detailOf(await save(project.owner.client, draft, validModel()));
    draft = saved;
    expect(
      (await anonymous.post(`/api/sroi-assessments/${draft.id}/finalise`, { version: draft.version }))
        .statusCode,
    ).toBe(401);
    const byOwner = await project.owner.client.post(`/api/sroi-assessments/${draft.id}/finalise`, {
      version: draft.version,
    });
    expect(byOwner.statusCode).toBe(403);
    expect(draft.abilities.finalise).toBe(false);
    expect(
      (await outsider.client.post(`/api/sroi-assessments/${draft.id}/finalise`, { version: draft.version }))
        .statusCode,
    ).toBe(404);
    expect(
      (await project.officer.client.post(`/api/sroi-assessments/${draft.id}/finalise`, {})).statusCode,
    ).toBe(400);
  });

  it('refuses a model with issues', async () => {
    const invalid = detailOf(await save(project.owner.client, draft, validModel({ outcomes: [] })));
    expect(invalid.issues.map((i) => i.code)).toEqual(['NO_OUTCOMES']);
    const refused = await project.officer.client.post(`/api/sroi-assessments/${invalid.id}/finalise`, {
      version: invalid.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('INVALID_STATE');
    expect(errorOf(refused).details?.issues?.[0]?.field).toBe('model.outcomes');
    draft = detailOf(await save(project.owner.client, invalid, validModel()));
  });

  it('finalises (audited), freezes the version and offers a new one', async () => {
    const response = await project.officer.client.post(`/api/sroi-assessments/${draft.id}/finalise`, {
      version: draft.version,
    });
    expect(response.statusCode, response.body).toBe(200);
    const final = detailOf(response);
    expect(final.status).toBe('final');
    expect(final.finalisedBy).toBe(project.officer.userId);
    expect(final.abilities).toEqual({ edit: false, finalise: false, newVersion: true, delete: false });
    const audits = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, draft.id), eq(auditEvents.action, 'sroi_assessment.finalised')));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.actorUserId).toBe(project.officer.userId);

    const edit = await save(project.owner.client, final, validModel({ discountRate: 0.05 }));
    expect(edit.statusCode).toBe(409);
    expect(errorOf(edit).code).toBe('INVALID_STATE');
    const again = await project.officer.client.post(`/api/sroi-assessments/${draft.id}/finalise`, {
      version: final.version,
    });
    expect(again.statusCode).toBe(409);
    const removed = await project.owner.client.delete(
      `/api/sroi-assessments/${draft.id}?version=${final.version}`,
    );
    expect(removed.statusCode).toBe(409);
    expect((await storedRow(draft.id))?.status).toBe('final');
    draft = final;
  });

  it('starts a new version from a copy of the final one, once', async () => {
    expect((await anonymous.post(`/api/sroi-assessments/${draft.id}/new-version`, {})).statusCode).toBe(401);
    expect((await viewer.client.post(`/api/sroi-assessments/${draft.id}/new-version`, {})).statusCode).toBe(
      403,
    );
    expect((await outsider.client.post(`/api/sroi-assessments/${draft.id}/new-version`, {})).statusCode).toBe(
      404,
    );
    expect(
      (await project.owner.client.post(`/api/sroi-assessments/${draft.id}/new-version`, { x: 1 })).statusCode,
    ).toBe(400);
    const response = await project.owner.client.post(`/api/sroi-assessments/${draft.id}/new-version`, {});
    expect(response.statusCode, response.body).toBe(201);
    const next = detailOf(response);
    expect(next).toMatchObject({ kind: 'evaluative', versionNo: 2, status: 'draft', basedOnId: draft.id });
    expect(next.model).toEqual(draft.model);
    expect(next.result).toEqual(draft.result);
    const twice = await project.owner.client.post(`/api/sroi-assessments/${draft.id}/new-version`, {});
    expect(twice.statusCode).toBe(409);

    expect(
      (await anonymous.delete(`/api/sroi-assessments/${next.id}?version=${next.version}`)).statusCode,
    ).toBe(401);
    expect(
      (await viewer.client.delete(`/api/sroi-assessments/${next.id}?version=${next.version}`)).statusCode,
    ).toBe(403);
    expect((await project.owner.client.delete(`/api/sroi-assessments/${next.id}`)).statusCode).toBe(400);
    expect(
      (await project.owner.client.delete(`/api/sroi-assessments/${next.id}?version=${next.version + 1}`))
        .statusCode,
    ).toBe(409);
    const deleted = await project.owner.client.delete(
      `/api/sroi-assessments/${next.id}?version=${next.version}`,
    );
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await storedRow(next.id)).toBeUndefined();
    const deletions = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, next.id), eq(auditEvents.action, 'sroi_assessment.deleted')));
    expect(deletions).toHaveLength(1);
    const list = await project.owner.client.get(`/api/projects/${project.projectId}/sroi-assessments`);
    const items = list.json<{ data: SroiAssessmentList }>().data.items;
    expect(items.filter((i) => i.kind === 'evaluative').map((i) => [i.versionNo, i.status])).toEqual([
      [1, 'final'],
    ]);
  });
});

describe('POST /api/sroi/calculate', () => {
  const engineModel = {
    currency: 'THB',
    discountRate: 0.035,
    convention: 'svi-2012',
    inputs: [{ label: 'grant', value: 10000, year: 0 }],
    outcomes: [
      { id: 'A', quantity: 20, proxy: 500, deadweight: 0.2, attribution: 0.25, dropoff: 0.1, duration: 3 },
    ],
  };

  it('needs a session', async () => {
    expect((await anonymous.post('/api/sroi/calculate', engineModel)).statusCode).toBe(401);
  });

  it('returns what the engine returns', async () => {
    const response = await outsider.client.post('/api/sroi/calculate', engineModel);
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json<{ data: SroiCalculateResponse }>().data;
    expect(data.result).toEqual(calculateSroi(engineModel));
    expect(data.comparison).toBeNull();
  });

  it('adds the svi-2012 recomputation to a th-base-year model', async () => {
    const response = await outsider.client.post('/api/sroi/calculate', {
      ...engineModel,
      convention: 'th-base-year',
      discountRate: 0.02,
    });
    const data = response.json<{ data: SroiCalculateResponse }>().data;
    expect(data.result.convention).toBe('th-base-year');
    expect(data.comparison?.result.convention).toBe('svi-2012');
  });

  it('answers 400 naming the field of an invalid model, in the language asked', async () => {
    const bad = {
      ...engineModel,
      outcomes: [
        { ...engineModel.outcomes[0], deadweight: 1.2 },
        { id: 'B', proxy: 10 },
      ],
    };
    const response = await outsider.client.post('/api/sroi/calculate', bad);
    expect(response.statusCode).toBe(400);
    const issues = errorOf(response).details?.issues ?? [];
    expect(issues.map((i) => [i.field, i.code])).toEqual([['body.outcomes[0].deadweight', 'FRACTION']]);
    expect(issues[0]?.message).toContain('0 ถึง 1');
    expect(issues[0]?.messageEn).toContain('between 0 and 1');
    const rules = await editor.client.post(
      '/api/sroi/calculate',
      { ...engineModel, outcomes: [{ id: 'B', proxy: 10 }] },
      { 'accept-language': 'en' },
    );
    expect(rules.statusCode).toBe(400);
    expect(errorOf(rules).details?.issues?.map((i) => i.field)).toEqual([
      'body.outcomes[0].quantity',
      'body.outcomes[0].duration',
    ]);
    expect(errorOf(rules).details?.issues?.[0]?.message).toContain('quantity');
    expect((await outsider.client.post('/api/sroi/calculate', { inputs: 'x' })).statusCode).toBe(400);
    const huge = await outsider.client.post('/api/sroi/calculate', {
      ...engineModel,
      outcomes: [{ ...engineModel.outcomes[0], quantity: 1e308, proxy: 1e308 }],
    });
    expect(huge.statusCode).toBe(400);
  });
});
