import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, impactIndicators, notifications } from '@server/db/schema/index';
import type {
  IndicatorFile,
  IndicatorValue,
  LogicModel,
  LogicNode,
  ProjectIndicator,
  ProjectIndicators,
} from '@shared/contracts/impact-project';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import type { TestClient } from '@tests/helpers/client';
import { signedIn, type Person } from '@tests/factories/people';
import { multipartBody, samplePdf } from '@tests/factories/proposals';
import {
  activeProject,
  awardedProject,
  createDrivingUnit,
  signedInUnitStaff,
  uniqueSuffix,
  type ActiveProject,
} from '@tests/factories/projects';
import { addEvidence, completeReportBody, getReport, saveReport } from '@tests/factories/project-reports';

let ctx: TestContext;
let project: ActiveProject;
let viewer: Person;
let outsider: Person;
let staff: Person;
let otherStaff: Person;
let libraryIndicatorId: string;
const LIBRARY_CODE = `T-HH-${uniqueSuffix()}`;

beforeAll(async () => {
  ctx = await createTestApp();
  const unitId = await createDrivingUnit(ctx, [58]);
  const otherUnitId = await createDrivingUnit(ctx, [50]);
  project = await activeProject(ctx, { setup: { drivingUnitId: unitId } });
  viewer = await signedIn(ctx, `viewer-${uniqueSuffix()}@impact.test`);
  await createOrganisationMembershipForTest(ctx.database.db, project.organisationId, viewer.userId, 'viewer');
  outsider = await signedIn(ctx, `outsider-${uniqueSuffix()}@impact.test`);
  staff = await signedInUnitStaff(ctx, unitId);
  otherStaff = await signedInUnitStaff(ctx, otherUnitId);
  const [library] = await ctx.database.db
    .insert(impactIndicators)
    .values({
      code: LIBRARY_CODE,
      nameTh: 'ครัวเรือนที่เข้าถึงน้ำสะอาด',
      nameEn: 'Households with clean water',
      unitTh: 'ครัวเรือน',
      unitEn: 'households',
      type: 'count',
      direction: 'increase',
      aggregation: 'latest',
      disaggregations: ['sex'],
    })
    .returning();
  libraryIndicatorId = library?.id ?? '';
});
afterAll(async () => {
  await ctx.close();
});

interface ErrorBody {
  error: { code: string; message: string; details?: { issues?: Array<{ field: string }> } };
}
type Res = { statusCode: number; body: string; json: <T>() => T };
const errorOf = (r: Res) => r.json<ErrorBody>().error;
const fieldsOf = (r: Res) => (errorOf(r).details?.issues ?? []).map((i) => i.field);
function ok<T>(r: Res, status = 200): T {
  expect(r.statusCode, r.body).toBe(status);
  return r.json<{ data: T }>().data;
}
const anonymous = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string) =>
  ctx.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });

const nodes: LogicNode[] = [
  { id: 'in1', stage: 'input', textTh: 'งบประมาณ 1 ล้านบาท', textEn: 'Budget', links: ['act1'] },
  { id: 'act1', stage: 'activity', textTh: 'ติดตั้งระบบกรองน้ำ', textEn: '', links: ['out1'] },
  { id: 'out1', stage: 'output', textTh: 'ระบบกรองน้ำ 3 ชุด', textEn: '', links: ['use1'] },
  { id: 'use1', stage: 'user', textTh: 'ครัวเรือนในหมู่บ้าน', textEn: '', links: ['oc1'] },
  { id: 'oc1', stage: 'outcome', textTh: 'ครัวเรือนมีน้ำสะอาดดื่ม', textEn: '', links: ['im1'] },
  { id: 'im1', stage: 'impact', textTh: 'สุขภาพชุมชนดีขึ้น', textEn: '', links: [] },
];

const indicators = (client: TestClient) =>
  client.get(`/api/projects/${project.projectId}/indicators`).then((r) => ok<ProjectIndicators>(r));

async function addCustom(client: TestClient, overrides: Record<string, unknown> = {}) {
  return ok<ProjectIndicator>(
    await client.post(`/api/projects/${project.projectId}/indicators`, {
      code: `OWN-${uniqueSuffix()}`,
      nameTh: 'ผู้เข้าร่วมอบรม',
      unitTh: 'คน',
      type: 'count',
      aggregation: 'sum',
      target: 100,
      ...overrides,
    }),
    201,
  );
}

async function addValue(client: TestClient, indicatorId: string, body: Record<string, unknown>) {
  return ok<IndicatorValue>(await client.post(`/api/project-indicators/${indicatorId}/values`, body), 201);
}

function upload(
  client: TestClient,
  valueId: string,
  file = { name: 'หลักฐาน.pdf', type: 'application/pdf', bytes: samplePdf() },
) {
  const body = multipartBody({}, file);
  return client.request('POST', `/api/indicator-values/${valueId}/files`, body.payload, body.headers);
}

describe('logic model', () => {
  it('GET: readers see it (version 0 before a save); others 404; anonymous 401', async () => {
    const url = `/api/projects/${project.projectId}/logic-model`;
    const empty = ok<LogicModel>(await project.owner.client.get(url));
    expect(empty).toMatchObject({ version: 0, nodes: [], abilities: { edit: true } });
    expect(ok<LogicModel>(await viewer.client.get(url)).abilities.edit).toBe(false);
    expect(ok<LogicModel>(await staff.client.get(url)).abilities.edit).toBe(true);
    expect((await outsider.client.get(url)).statusCode).toBe(404);
    expect((await otherStaff.client.get(url)).statusCode).toBe(404);
    expect((await anonymous('GET', url)).statusCode).toBe(401);
    expect((await project.owner.client.get('/api/projects/not-a-uuid/logic-model')).statusCode).toBe(400);
  });

  it('PUT: saves the whole model with version; refuses bad links, strangers, viewers and stale versions', async () => {
    const url = `/api/projects/${project.projectId}/logic-model`;
    expect((await anonymous('PUT', url)).statusCode).toBe(401);
    expect((await viewer.client.request('PUT', url, { version: 0, nodes })).statusCode).toBe(403);
    expect((await outsider.client.request('PUT', url, { version: 0, nodes })).statusCode).toBe(404);
    const extra = await project.owner.client.request('PUT', url, { version: 0, nodes, extra: 1 });
    expect(extra.statusCode).toBe(400);

    const backwards = await project.owner.client.request('PUT', url, {
      version: 0,
      nodes: [
        { id: 'a', stage: 'outcome', textTh: 'ผลลัพธ์', links: ['b', 'zz'] },
        { id: 'b', stage: 'activity', textTh: 'กิจกรรม', links: [] },
        { id: 'b', stage: 'impact', textTh: 'ผลกระทบ', links: [] },
      ],
    });
    expect(backwards.statusCode).toBe(400);
    expect(fieldsOf(backwards)).toEqual(['body.nodes.2.id', 'body.nodes.0.links.1']);

    const saved = ok<LogicModel>(await project.owner.client.request('PUT', url, { version: 0, nodes }));
    expect(saved.version).toBe(1);
    expect(saved.nodes).toHaveLength(6);
    const stale = await staff.client.request('PUT', url, { version: 0, nodes });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
    const byStaff = ok<LogicModel>(await staff.client.request('PUT', url, { version: 1, nodes }));
    expect(byStaff.version).toBe(2);
    const [audit] = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'logic_model.saved'), eq(auditEvents.entityId, project.projectId)));
    expect(audit).toBeTruthy();
  });

  it('removing a box unlinks the indicators linked to it', async () => {
    const url = `/api/projects/${project.projectId}/logic-model`;
    const model = ok<LogicModel>(await project.owner.client.get(url));
    const linked = await addCustom(project.owner.client, { logicNodeId: 'oc1' });
    expect(linked.logicNodeId).toBe('oc1');
    const unknown = await project.owner.client.post(`/api/projects/${project.projectId}/indicators`, {
      code: `X-${uniqueSuffix()}`,
      nameTh: 'x',
      unitTh: 'x',
      type: 'count',
      logicNodeId: 'nope',
    });
    expect(fieldsOf(unknown)).toEqual(['body.logicNodeId']);
    const without = model.nodes
      .filter((n) => n.id !== 'oc1')
      .map((n) => ({ ...n, links: n.links.filter((l) => l !== 'oc1') }));
    ok<LogicModel>(
      await project.owner.client.request('PUT', url, { version: model.version, nodes: without }),
    );
    const after = (await indicators(project.owner.client)).indicators.find((i) => i.id === linked.id);
    expect(after?.logicNodeId).toBeNull();
    expect(after?.version).toBe(linked.version + 1);
    // put it back for the later tests
    ok<LogicModel>(await project.owner.client.request('PUT', url, { version: model.version + 1, nodes }));
  });
});

describe('project indicators', () => {
  it('POST from the library copies its fields; the same code twice is refused; custom needs its parts', async () => {
    const url = `/api/projects/${project.projectId}/indicators`;
    expect((await anonymous('POST', url)).statusCode).toBe(401);
    expect((await viewer.client.post(url, { indicatorId: libraryIndicatorId })).statusCode).toBe(403);
    expect((await outsider.client.post(url, { indicatorId: libraryIndicatorId })).statusCode).toBe(404);
    const fromLibrary = ok<ProjectIndicator>(
      await project.owner.client.post(url, {
        indicatorId: libraryIndicatorId,
        logicNodeId: 'oc1',
        baseline: 20,
        baselineOn: '2026-12-01',
        target: 150,
        targetOn: '2027-12-15',
      }),
      201,
    );
    expect(fromLibrary).toMatchObject({
      code: LIBRARY_CODE,
      indicatorId: libraryIndicatorId,
      unitTh: 'ครัวเรือน',
      aggregation: 'latest',
      disaggregations: ['sex'],
      baseline: 20,
      target: 150,
      values: [],
      actual: null,
      verifiedShare: null,
    });
    const again = await project.owner.client.post(url, { indicatorId: libraryIndicatorId });
    expect(again.statusCode).toBe(400);
    expect(fieldsOf(again)).toEqual(['body.indicatorId']);
    const missing = await project.owner.client.post(url, { code: 'bad code!' });
    expect(fieldsOf(missing)).toEqual(['body.code', 'body.nameTh', 'body.unitTh', 'body.type']);
    const unknownLibrary = await project.owner.client.post(url, {
      indicatorId: '00000000-0000-4000-8000-000000000000',
    });
    expect(fieldsOf(unknownLibrary)).toEqual(['body.indicatorId']);
    expect((await project.owner.client.post(url, { indicatorId: 'x' })).statusCode).toBe(400);
  });

  it('PATCH changes baseline and target with version; library names are fixed; viewers 403', async () => {
    const created = await addCustom(project.owner.client);
    const url = `/api/project-indicators/${created.id}`;
    expect((await anonymous('PATCH', url)).statusCode).toBe(401);
    expect((await viewer.client.patch(url, { version: created.version, target: 5 })).statusCode).toBe(403);
    expect((await outsider.client.patch(url, { version: created.version, target: 5 })).statusCode).toBe(404);
    expect(
      (await project.owner.client.patch(url, { version: created.version, target: 'x' })).statusCode,
    ).toBe(400);
    const changed = ok<ProjectIndicator>(
      await project.owner.client.patch(url, { version: created.version, target: 250, nameEn: 'Trainees' }),
    );
    expect(changed).toMatchObject({ target: 250, nameEn: 'Trainees', version: created.version + 1 });
    expect((await project.owner.client.patch(url, { version: created.version, target: 1 })).statusCode).toBe(
      409,
    );

    const library = (await indicators(project.owner.client)).indicators.find((i) => i.code === LIBRARY_CODE);
    const fixed = await project.owner.client.patch(`/api/project-indicators/${library?.id}`, {
      version: library?.version,
      nameTh: 'ชื่อใหม่',
    });
    expect(fieldsOf(fixed)).toEqual(['body.nameTh']);
  });

  it('DELETE removes an indicator with its values, but not one with a verified value', async () => {
    const created = await addCustom(project.owner.client);
    const value = await addValue(project.owner.client, created.id, { periodEnd: '2027-01-31', value: 3 });
    const url = (version: number) => `/api/project-indicators/${created.id}?version=${version}`;
    expect((await anonymous('DELETE', url(1))).statusCode).toBe(401);
    expect((await viewer.client.delete(url(1))).statusCode).toBe(403);
    expect((await project.owner.client.delete(`/api/project-indicators/${created.id}`)).statusCode).toBe(400);
    ok(
      await staff.client.post(`/api/indicator-values/${value.id}/review`, {
        version: 1,
        decision: 'verified',
      }),
    );
    const refused = await project.owner.client.delete(url(created.version));
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('INVALID_STATE');

    const other = await addCustom(project.owner.client);
    await addValue(project.owner.client, other.id, { periodEnd: '2027-01-31', value: 3 });
    expect(
      (await project.owner.client.delete(`/api/project-indicators/${other.id}?version=9`)).statusCode,
    ).toBe(409);
    const removed = await project.owner.client.delete(`/api/project-indicators/${other.id}?version=1`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await indicators(project.owner.client)).indicators.some((i) => i.id === other.id)).toBe(false);
  });

  it('GET lists indicators with values, flags, counts and abilities; others 404; anonymous 401', async () => {
    const url = `/api/projects/${project.projectId}/indicators`;
    expect((await anonymous('GET', url)).statusCode).toBe(401);
    expect((await outsider.client.get(url)).statusCode).toBe(404);
    expect((await otherStaff.client.get(url)).statusCode).toBe(404);
    const asViewer = await indicators(viewer.client);
    expect(asViewer.abilities).toEqual({ editPlan: false, enterValues: false, verify: false });
    expect((await indicators(staff.client)).abilities).toEqual({
      editPlan: true,
      enterValues: true,
      verify: true,
    });
    expect((await indicators(project.owner.client)).abilities.verify).toBe(false);
    expect(asViewer.periods.map((p) => p.sequence)).toEqual([1, 2]);
  });
});

describe('values, verification and evidence', () => {
  let indicator: ProjectIndicator;

  beforeAll(async () => {
    indicator = await addCustom(project.owner.client, {
      type: 'count',
      disaggregations: ['sex'],
      target: 10,
    });
  });

  it('POST records a value (submitted); period, breakdown and duplicates are checked', async () => {
    const url = `/api/project-indicators/${indicator.id}/values`;
    expect((await anonymous('POST', url)).statusCode).toBe(401);
    expect((await viewer.client.post(url, { periodEnd: '2027-02-28', value: 1 })).statusCode).toBe(403);
    expect((await outsider.client.post(url, { periodEnd: '2027-02-28', value: 1 })).statusCode).toBe(404);
    expect((await project.owner.client.post(url, { periodEnd: '28/02/2027', value: 1 })).statusCode).toBe(
      400,
    );
    const bad = await project.owner.client.post(url, {
      periodStart: '2027-03-01',
      periodEnd: '2027-02-28',
      value: 9,
      breakdown: [
        { dimension: 'age_group', category: '15_24', value: 1 },
        { dimension: 'sex', category: 'alien', value: 1 },
      ],
    });
    expect(fieldsOf(bad)).toEqual([
      'body.periodStart',
      'body.breakdown.0.dimension',
      'body.breakdown.1.category',
    ]);

    const value = await addValue(project.owner.client, indicator.id, {
      periodStart: '2026-12-15',
      periodEnd: '2027-02-28',
      value: 9,
      breakdown: [
        { dimension: 'sex', category: 'female', value: 5 },
        { dimension: 'sex', category: 'male', value: 3 },
      ],
      note: 'จากทะเบียนผู้เข้าร่วม',
    });
    expect(value).toMatchObject({
      status: 'submitted',
      source: 'entry',
      value: 9,
      abilities: { edit: true },
    });
    // 5 + 3 ≠ 9: the breakdown does not add up.
    expect(value.flags.map((f) => f.kind)).toEqual(['breakdown_mismatch']);
    const twice = await project.owner.client.post(url, { periodEnd: '2027-02-28', value: 1 });
    expect(fieldsOf(twice)).toEqual(['body.periodEnd']);
  });

  it('review: only staff verify; a query needs a comment and tells the grantee; a queried value corrected goes back to submitted', async () => {
    const list = await indicators(project.owner.client);
    const value = list.indicators.find((i) => i.id === indicator.id)?.values[0];
    if (!value) {
      throw new Error('no value');
    }
    const url = `/api/indicator-values/${value.id}/review`;
    expect((await anonymous('POST', url)).statusCode).toBe(401);
    // A grantee cannot verify their own value.
    expect(
      (await project.owner.client.post(url, { version: value.version, decision: 'verified' })).statusCode,
    ).toBe(403);
    expect(
      (await otherStaff.client.post(url, { version: value.version, decision: 'verified' })).statusCode,
    ).toBe(404);
    expect((await staff.client.post(url, { version: value.version, decision: 'maybe' })).statusCode).toBe(
      400,
    );
    const noComment = await staff.client.post(url, { version: value.version, decision: 'queried' });
    expect(fieldsOf(noComment)).toEqual(['body.comment']);
    const queried = ok<IndicatorValue>(
      await staff.client.post(url, {
        version: value.version,
        decision: 'queried',
        comment: 'ผลรวมชายหญิงไม่เท่ากับจำนวนทั้งหมด',
      }),
    );
    expect(queried).toMatchObject({ status: 'queried', reviewComment: 'ผลรวมชายหญิงไม่เท่ากับจำนวนทั้งหมด' });
    expect(queried.reviewerName).toBeTruthy();
    const told = await ctx.database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, project.owner.userId),
          eq(notifications.kind, 'indicator_value_queried'),
        ),
      );
    expect(told).toHaveLength(1);
    expect(told[0]?.link).toBe(`/projects/${project.projectId}/impact`);
    expect(told[0]?.bodyTh).toContain('ผลรวมชายหญิงไม่เท่ากับจำนวนทั้งหมด');
    expect(
      (await staff.client.post(url, { version: queried.version, decision: 'queried', comment: 'x' }))
        .statusCode,
    ).toBe(409);

    // The grantee corrects it: back to submitted.
    const patchUrl = `/api/indicator-values/${value.id}`;
    expect((await anonymous('PATCH', patchUrl)).statusCode).toBe(401);
    expect((await viewer.client.patch(patchUrl, { version: queried.version, value: 8 })).statusCode).toBe(
      403,
    );
    expect(
      (await project.owner.client.patch(patchUrl, { version: queried.version, value: 'x' })).statusCode,
    ).toBe(400);
    expect(
      (await project.owner.client.patch(patchUrl, { version: value.version, value: 8 })).statusCode,
    ).toBe(409);
    const corrected = ok<IndicatorValue>(
      await project.owner.client.patch(patchUrl, { version: queried.version, value: 8 }),
    );
    expect(corrected).toMatchObject({ status: 'submitted', value: 8, flags: [] });

    const verified = ok<IndicatorValue>(
      await staff.client.post(url, { version: corrected.version, decision: 'verified' }),
    );
    expect(verified).toMatchObject({ status: 'verified', abilities: { edit: false, review: true } });
    const audits = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, 'indicator_value'), eq(auditEvents.entityId, value.id)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['indicator_value.queried', 'indicator_value.verified']),
    );

    // A verified value cannot be edited or removed by the grantee.
    const locked = await project.owner.client.patch(patchUrl, { version: verified.version, value: 99 });
    expect(locked.statusCode).toBe(409);
    expect(errorOf(locked).code).toBe('INVALID_STATE');
    expect((await project.owner.client.delete(`${patchUrl}?version=${verified.version}`)).statusCode).toBe(
      409,
    );
    const after = await indicators(project.owner.client);
    const shown = after.indicators.find((i) => i.id === indicator.id);
    expect(shown).toMatchObject({ actual: 8, verifiedShare: 1 });
  });

  it('DELETE removes a value that is not verified', async () => {
    const value = await addValue(project.owner.client, indicator.id, { periodEnd: '2027-03-31', value: 2 });
    const url = `/api/indicator-values/${value.id}?version=${value.version}`;
    expect((await anonymous('DELETE', url)).statusCode).toBe(401);
    expect((await viewer.client.delete(url)).statusCode).toBe(403);
    expect((await outsider.client.delete(url)).statusCode).toBe(404);
    expect((await project.owner.client.delete(`/api/indicator-values/${value.id}`)).statusCode).toBe(400);
    expect((await project.owner.client.delete(url)).statusCode).toBe(200);
    expect((await project.owner.client.delete(url)).statusCode).toBe(404);
  });

  it('evidence files: checked on content, listed, downloaded and removed; none on a verified value', async () => {
    const value = await addValue(project.owner.client, indicator.id, { periodEnd: '2027-04-30', value: 4 });
    expect((await anonymous('POST', `/api/indicator-values/${value.id}/files`)).statusCode).toBe(401);
    expect((await upload(viewer.client, value.id)).statusCode).toBe(403);
    expect((await upload(outsider.client, value.id)).statusCode).toBe(404);
    const renamed = await upload(project.owner.client, value.id, {
      name: 'fake.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('just text, not a PDF'),
    });
    expect(renamed.statusCode).toBe(415);
    const noFile = multipartBody({ note: 'x' });
    const empty = await project.owner.client.request(
      'POST',
      `/api/indicator-values/${value.id}/files`,
      noFile.payload,
      noFile.headers,
    );
    expect(empty.statusCode).toBe(400);

    const stored = ok<IndicatorFile>(await upload(project.owner.client, value.id), 201);
    expect(stored).toMatchObject({ fileName: 'หลักฐาน.pdf', contentType: 'application/pdf' });
    const listed = ok<IndicatorFile[]>(await viewer.client.get(`/api/indicator-values/${value.id}/files`));
    expect(listed.map((f) => f.id)).toEqual([stored.id]);
    expect((await outsider.client.get(`/api/indicator-values/${value.id}/files`)).statusCode).toBe(404);
    expect((await anonymous('GET', `/api/indicator-values/${value.id}/files`)).statusCode).toBe(401);
    const download = await viewer.client.get(`/api/indicator-files/${stored.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(samplePdf())).toBe(true);
    expect((await outsider.client.get(`/api/indicator-files/${stored.id}`)).statusCode).toBe(404);
    expect((await anonymous('GET', `/api/indicator-files/${stored.id}`)).statusCode).toBe(401);
    expect((await viewer.client.get('/api/indicator-files/nope')).statusCode).toBe(400);
    const listedInPage = (await indicators(project.owner.client)).indicators
      .flatMap((i) => i.values)
      .find((v) => v.id === value.id);
    expect(listedInPage?.files.map((f) => f.id)).toEqual([stored.id]);

    expect((await anonymous('DELETE', `/api/indicator-files/${stored.id}`)).statusCode).toBe(401);
    expect((await viewer.client.delete(`/api/indicator-files/${stored.id}`)).statusCode).toBe(403);
    expect((await project.owner.client.delete(`/api/indicator-files/${stored.id}`)).statusCode).toBe(200);
    expect((await viewer.client.get(`/api/indicator-files/${stored.id}`)).statusCode).toBe(404);

    ok(
      await staff.client.post(`/api/indicator-values/${value.id}/review`, {
        version: value.version,
        decision: 'verified',
      }),
    );
    expect((await upload(project.owner.client, value.id)).statusCode).toBe(409);
  });
});

describe('the progress-report feed', () => {
  it('a submitted report’s indicator rows with a project indicator’s code land as values of its period', async () => {
    const list = await indicators(project.owner.client);
    const library = list.indicators.find((i) => i.code === LIBRARY_CODE);
    if (!library) {
      throw new Error('no library indicator');
    }
    const report = list.periods.find((p) => p.sequence === 1);
    const reportId = report?.reportId ?? '';
    const fresh = await getReport(project.owner.client, reportId);
    const body = completeReportBody(fresh, 100);
    const saved = await saveReport(project.owner.client, reportId, {
      ...body,
      indicators: [
        {
          indicatorCode: LIBRARY_CODE,
          name: 'ครัวเรือน',
          unit: 'ครัวเรือน',
          value: 120,
          target: 150,
          note: 'สำรวจ',
        },
        { indicatorCode: null, name: 'อื่น ๆ', unit: '', value: 5, target: null, note: '' },
      ],
    });
    for (const milestone of saved.milestones) {
      await addEvidence(project.owner.client, reportId, {
        purpose: 'milestone',
        milestoneId: milestone.milestoneId,
      });
    }
    const submitted = await project.owner.client.post(`/api/project-reports/${reportId}/submit`, {
      version: saved.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const after = (await indicators(staff.client)).indicators.find((i) => i.id === library.id);
    expect(after?.values).toHaveLength(1);
    expect(after?.values[0]).toMatchObject({
      value: 120,
      source: 'report',
      reportId,
      reportSequence: 1,
      status: 'submitted',
      periodStart: report?.periodStart,
      periodEnd: report?.periodEnd,
      note: 'สำรวจ',
    });
    expect(after?.actual).toBe(120);

    // Returned, corrected and submitted again: the same value is refreshed, not doubled.
    const current = await getReport(staff.client, reportId);
    const returned = await staff.client.post(`/api/project-reports/${reportId}/return`, {
      version: current.version,
      comment: 'ตรวจสอบจำนวนครัวเรือนอีกครั้ง',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const again = await getReport(project.owner.client, reportId);
    const resaved = await saveReport(project.owner.client, reportId, {
      ...completeReportBody(again, 100),
      indicators: [
        { indicatorCode: LIBRARY_CODE, name: 'ครัวเรือน', unit: 'ครัวเรือน', value: 118, target: 150, note: '' },
      ],
    });
    const resubmitted = await project.owner.client.post(`/api/project-reports/${reportId}/submit`, {
      version: resaved.version,
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const refreshed = (await indicators(staff.client)).indicators.find((i) => i.id === library.id);
    expect(refreshed?.values.map((v) => [v.value, v.reportId, v.status])).toEqual([
      [118, reportId, 'submitted'],
    ]);
  });
});

describe('a project in setup', () => {
  it('takes a plan (logic model, indicators) but no values until it is active', async () => {
    const setup = await awardedProject(ctx);
    const model = await setup.owner.client.request('PUT', `/api/projects/${setup.projectId}/logic-model`, {
      version: 0,
      nodes,
    });
    expect(model.statusCode, model.body).toBe(200);
    const created = ok<ProjectIndicator>(
      await setup.owner.client.post(`/api/projects/${setup.projectId}/indicators`, {
        code: 'OWN-1',
        nameTh: 'ผู้เข้าร่วม',
        unitTh: 'คน',
        type: 'count',
      }),
      201,
    );
    const refused = await setup.owner.client.post(`/api/project-indicators/${created.id}/values`, {
      periodEnd: '2027-01-31',
      value: 1,
    });
    expect(refused.statusCode).toBe(409);
    expect(errorOf(refused).code).toBe('INVALID_STATE');
    const list = ok<ProjectIndicators>(
      await setup.owner.client.get(`/api/projects/${setup.projectId}/indicators`),
    );
    expect(list.abilities).toEqual({ editPlan: true, enterValues: false, verify: false });
  });
});
