import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  auditEvents,
  emailOutbox,
  notifications,
  projectInstalments,
  projectBudgetLines,
  projects,
} from '@server/db/schema/index';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { signedIn, type Person } from '@tests/factories/people';
import {
  activeProject,
  awardedProject,
  createDrivingUnit,
  getProject,
  setupBody,
} from '@tests/factories/projects';
import { releaseDecisions } from '@tests/factories/decisions';
import type { ProjectDetail } from '@shared/contracts/projects';
import { createProjectForAward } from './projects.service';

let ctx: TestContext;
let unitId: string;

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'http://si.test' });
  unitId = await createDrivingUnit(ctx, [58], 'Mae Hong Son test unit');
});
afterAll(async () => {
  await ctx.close();
});

type Issue = { field: string; message: string; messageEn?: string };
const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { issues?: Issue[] } } }).error.details?.issues ?? [];
const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const detailOf = (body: string) => (JSON.parse(body) as { data: ProjectDetail }).data;

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return texts
    .join('')
    .replace(/\u200B/g, '')
    .replace(/\s+/g, '');
}

describe('the award creates the project', () => {
  it('makes a project in setup from the proposal, scaled to the award, once', async () => {
    // the proposal asks 1,500,000 baht (materials 1,000,000 + personnel 500,000); the award is 1,200,000
    const awarded = await awardedProject(ctx, { awardSatang: 120_000_000, requestedSatang: 150_000_000 });
    const { project } = awarded;
    expect(project.status).toBe('setup');
    expect(project.agreementNumber).toMatch(/^SI-2570-\d{4}$/);
    expect(project.fiscalYear).toBe(2570);
    expect(project.awardSatang).toBe(120_000_000);
    expect(project.organisationId).toBe(awarded.organisationId);
    expect(project.proposalId).toBe(awarded.proposalId);
    expect(project.provinceCodes).toEqual([58]);
    expect(project.themes).toEqual(['food_water_energy']);
    expect(project.drivingUnitId).toBe(unitId);
    expect(project.budgetLines.map((l) => [l.category, l.approvedSatang, l.plannedSatang])).toEqual([
      ['materials', 80_000_000, 80_000_000],
      ['personnel', 40_000_000, 40_000_000],
    ]);
    // the proposal's one milestone (30 June 2027) ends the period that starts on the release date (Bangkok)
    expect(project.startsOn).toBe('2026-12-15');
    expect(project.endsOn).toBe('2027-06-30');
    expect(project.milestones.map((m) => [m.titleTh, m.dueOn])).toEqual([['ติดตั้งระบบกรองน้ำ', '2027-06-30']]);
    expect(project.reports.map((r) => [r.sequence, r.kind, r.dueOn])).toEqual([[1, 'final', '2027-07-30']]);
    expect(project.instalments.map((i) => [i.amountSatang, i.releaseReportSequence, i.status])).toEqual([
      [72_000_000, null, 'scheduled'],
      [48_000_000, 1, 'scheduled'],
    ]);
    expect(project.agreement.state).toBe('draft');
    expect(project.abilities).toMatchObject({
      editSetup: true,
      issueAgreement: true,
      acceptAgreement: false,
    });
    expect(await auditActions(project.id)).toContain('project.created');

    // releasing again makes nothing more, and the hook itself is idempotent
    expect(await releaseDecisions(awarded.officer.client, awarded.callId)).toEqual([]);
    const again = await ctx.database.db.transaction((tx) =>
      createProjectForAward(tx, {
        decisionId: '00000000-0000-4000-8000-000000000000',
        proposalId: awarded.proposalId,
        awardSatang: 1,
        now: new Date(),
        meta: { actorUserId: null, ip: null, requestId: null },
      }),
    );
    expect(again).toBe(project.id);
    const count = await ctx.database.db
      .select({ n: sql<string>`COUNT(*)` })
      .from(projects)
      .where(eq(projects.proposalId, awarded.proposalId));
    expect(Number(count[0]?.n)).toBe(1);
  });

  it('numbers agreements per fiscal year without gaps', async () => {
    const first = await awardedProject(ctx);
    const second = await awardedProject(ctx);
    const n = (p: ProjectDetail) => Number(p.agreementNumber.slice(-4));
    expect(n(second.project)).toBe(n(first.project) + 1);
  });
});

describe('setup', () => {
  it('needs a session and an officer', async () => {
    const { project, owner } = await awardedProject(ctx);
    const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/projects/${project.id}` });
    expect(anonymous.statusCode).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/projects' })).statusCode).toBe(401);
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/projects/${project.id}/setup`,
      payload: setupBody(project),
    });
    expect(put.statusCode).toBe(401);
    const byOwner = await owner.client.request(
      'PUT',
      `/api/projects/${project.id}/setup`,
      setupBody(project),
    );
    expect(byOwner.statusCode).toBe(403);
    expect((await owner.client.get(`/api/projects/${project.id}`)).statusCode).toBe(200);
  });

  it('refuses budget lines or instalments that do not sum to the award, in Thai and English', async () => {
    const { project, officer } = await awardedProject(ctx, { awardSatang: 100_000_000 });
    const body = setupBody(project);
    const broken = {
      ...body,
      budgetLines: body.budgetLines.map((l, i) => (i === 0 ? { ...l, amountSatang: l.amountSatang + 1 } : l)),
      instalments: body.instalments.map((x, i) =>
        i === 2 ? { ...x, amountSatang: x.amountSatang - 100 } : x,
      ),
    };
    const refused = await officer.client.request('PUT', `/api/projects/${project.id}/setup`, broken);
    expect(refused.statusCode, refused.body).toBe(400);
    const issues = issuesOf(refused.body);
    const lines = issues.find((i) => i.field === 'body.budgetLines');
    const instalments = issues.find((i) => i.field === 'body.instalments');
    expect(lines?.message).toBe('งบประมาณรายหมวดรวม 1,000,000.01 บาท ไม่เท่ากับวงเงินทุน 1,000,000.00 บาท');
    expect(lines?.messageEn).toBe(
      'The budget lines add up to 1,000,000.01 baht, not the award of 1,000,000.00 baht',
    );
    expect(instalments?.message).toContain('999,999.00');
    expect(instalments?.messageEn).toBe(
      'The instalments add up to 999,999.00 baht, not the award of 1,000,000.00 baht',
    );

    // the other checks: period, milestones within it, instalments tied to reports that exist, a known unit
    const worse = await officer.client.request('PUT', `/api/projects/${project.id}/setup`, {
      ...body,
      drivingUnitId: '00000000-0000-4000-8000-000000000000',
      milestones: [{ ...body.milestones[0], dueOn: '2028-03-01' }, body.milestones[1]],
      instalments: [
        { amountSatang: 50_000_000, releaseAfterReport: null },
        { amountSatang: 50_000_000, releaseAfterReport: 7 },
      ],
    });
    expect(worse.statusCode).toBe(400);
    expect(issuesOf(worse.body).map((i) => i.field)).toEqual(
      expect.arrayContaining([
        'body.milestones.0.dueOn',
        'body.instalments.1.releaseAfterReport',
        'body.drivingUnitId',
      ]),
    );
    const period = await officer.client.request('PUT', `/api/projects/${project.id}/setup`, {
      ...body,
      endsOn: '2026-12-01',
    });
    expect(issuesOf(period.body).map((i) => i.field)).toContain('body.endsOn');

    // nothing changed
    const after = await getProject(officer.client, project.id);
    expect(after.version).toBe(project.version);
    expect(after.instalments).toHaveLength(2);
  });

  it('replaces the plan, plans the reports again and audits; a stale version is 409', async () => {
    const { project, officer } = await awardedProject(ctx, { awardSatang: 100_000_000 });
    const saved = await officer.client.request(
      'PUT',
      `/api/projects/${project.id}/setup`,
      setupBody(project, { reportSchedule: 'quarterly', reallocationLimitPercent: 15 }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const detail = detailOf(saved.body);
    expect(detail.version).toBe(project.version + 1);
    expect(detail.reallocationLimitPercent).toBe(15);
    expect(detail.budgetLines.map((l) => l.approvedSatang)).toEqual([70_000_000, 30_000_000]);
    // a year in quarters: three progress reports, and the final report covers the last quarter (a fourth quarter
    // ending the day before the project would leave the final report a single day)
    expect(detail.reports.map((r) => [r.kind, r.periodEnd])).toEqual([
      ['progress', '2027-03-14'],
      ['progress', '2027-06-14'],
      ['progress', '2027-09-14'],
      ['final', '2027-12-15'],
    ]);
    expect(detail.instalments.map((i) => [i.amountSatang, i.releaseReportSequence])).toEqual([
      [40_000_000, null],
      [40_000_000, 1],
      [20_000_000, 2],
    ]);
    expect(await auditActions(project.id)).toContain('project.setup_saved');
    const stale = await officer.client.request(
      'PUT',
      `/api/projects/${project.id}/setup`,
      setupBody(project),
    );
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale.body)).toBe('CONFLICT');
  });

  it('the database refuses at commit a transaction that breaks the instalment sum', async () => {
    const { project, officer } = await awardedProject(ctx);
    const first = project.instalments[0];
    if (!first) {
      throw new Error('no instalment');
    }
    const failure = await ctx.database.db
      .transaction(async (tx) => {
        await tx
          .update(projectInstalments)
          .set({ amountSatang: first.amountSatang + 1 })
          .where(eq(projectInstalments.id, first.id));
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).not.toBeNull();
    const codes: unknown[] = [];
    for (let e = failure as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; i += 1) {
      codes.push(e.code);
      e = e.cause as typeof e;
    }
    expect(codes).toContain('23514');
    // and the budget lines likewise
    const line = project.budgetLines[0];
    const lineFailure = await ctx.database.db
      .transaction(async (tx) => {
        await tx
          .update(projectBudgetLines)
          .set({ approvedSatang: (line?.approvedSatang ?? 0) - 1 })
          .where(eq(projectBudgetLines.id, line?.id ?? ''));
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(lineFailure).not.toBeNull();
    const unchanged = await getProject(officer.client, project.id);
    expect(unchanged.instalments[0]?.amountSatang).toBe(first.amountSatang);
    expect(unchanged.budgetLines[0]?.approvedSatang).toBe(line?.approvedSatang);
  });

  it('officers change the supervising unit; an unknown unit is refused', async () => {
    const { project, officer } = await awardedProject(ctx);
    const other = await createDrivingUnit(ctx, [10]);
    const changed = await officer.client.patch(`/api/projects/${project.id}/unit`, {
      version: project.version,
      drivingUnitId: other,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(detailOf(changed.body).drivingUnitId).toBe(other);
    const unknown = await officer.client.patch(`/api/projects/${project.id}/unit`, {
      version: project.version + 1,
      drivingUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(await auditActions(project.id)).toContain('project.unit_changed');
  });
});

describe('the agreement', () => {
  let editor: Person;
  let viewer: Person;
  let otherOwner: Person;

  beforeAll(async () => {
    editor = await signedIn(ctx, 'editor@agreement.test');
    viewer = await signedIn(ctx, 'viewer@agreement.test', null, 'en');
    otherOwner = await signedIn(ctx, 'other-owner@agreement.test');
  });

  it('is issued with frozen terms, emailed to the owners, printed as a Thai PDF and signed by an owner only', async () => {
    const awarded = await awardedProject(ctx, { awardSatang: 100_000_000 });
    const { officer, owner, projectId, organisationId } = awarded;
    await createOrganisationMembershipForTest(ctx.database.db, organisationId, editor.userId, 'editor');
    await createOrganisationMembershipForTest(ctx.database.db, organisationId, viewer.userId, 'viewer');
    const saved = detailOf(
      (await officer.client.request('PUT', `/api/projects/${projectId}/setup`, setupBody(awarded.project)))
        .body,
    );
    // before the issue there is no PDF, and only officers issue
    expect((await owner.client.get(`/api/projects/${projectId}/agreement.pdf`)).statusCode).toBe(404);
    expect(
      (await owner.client.post(`/api/projects/${projectId}/agreement/issue`, { version: saved.version }))
        .statusCode,
    ).toBe(403);
    const issued = await officer.client.post(`/api/projects/${projectId}/agreement/issue`, {
      version: saved.version,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const waiting = detailOf(issued.body);
    expect(waiting.status).toBe('agreement_issued');
    expect(waiting.agreement.state).toBe('issued');
    expect(waiting.agreement.sha256).toMatch(/^[0-9a-f]{64}$/);
    // setup is closed now
    expect(
      (await officer.client.request('PUT', `/api/projects/${projectId}/setup`, setupBody(waiting)))
        .statusCode,
    ).toBe(409);

    const mails = await ctx.database.db
      .select()
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.toAddress, owner.email), eq(emailOutbox.template, 'project_agreement_issued')),
      );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain(waiting.agreementNumber);
    expect(mails[0]?.textBody).toContain(`http://si.test/projects/${projectId}`);
    const bell = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, owner.userId), eq(notifications.kind, 'project_agreement_issued')));
    expect(bell).toHaveLength(1);
    expect(bell[0]?.titleEn).toBe('Grant agreement ready to sign');

    const pdf = await viewer.client.get(`/api/projects/${projectId}/agreement.pdf?lang=th`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain(waiting.agreementNumber);
    expect(text).toContain('สัญญารับทุนสนับสนุนโครงการนวัตกรรมเพื่อสังคม');
    expect(text).toContain('1,000,000.00');
    const english = await pdfText(
      (await officer.client.get(`/api/projects/${projectId}/agreement.pdf?lang=en`)).rawPayload,
    );
    expect(english).toContain('Socialinnovationgrantagreement');

    const acceptBody = {
      version: waiting.version,
      signedName: 'สมหญิง ใจดี',
      confirm: true,
      agreementSha256: waiting.agreement.sha256,
    };
    // an editor, a viewer and an officer may read but not sign; another organisation's owner does not see it
    expect(
      (await editor.client.post(`/api/projects/${projectId}/agreement/accept`, acceptBody)).statusCode,
    ).toBe(403);
    expect(
      (await viewer.client.post(`/api/projects/${projectId}/agreement/accept`, acceptBody)).statusCode,
    ).toBe(403);
    expect(
      (await officer.client.post(`/api/projects/${projectId}/agreement/accept`, acceptBody)).statusCode,
    ).toBe(403);
    expect(
      (await otherOwner.client.post(`/api/projects/${projectId}/agreement/accept`, acceptBody)).statusCode,
    ).toBe(404);
    expect((await otherOwner.client.get(`/api/projects/${projectId}`)).statusCode).toBe(404);
    expect((await otherOwner.client.get(`/api/projects/${projectId}/agreement.pdf`)).statusCode).toBe(404);
    // terms other than the ones issued are refused
    const wrong = await owner.client.post(`/api/projects/${projectId}/agreement/accept`, {
      ...acceptBody,
      agreementSha256: '0'.repeat(64),
    });
    expect(wrong.statusCode).toBe(409);
    expect(
      (
        await owner.client.post(`/api/projects/${projectId}/agreement/accept`, {
          ...acceptBody,
          confirm: false,
        })
      ).statusCode,
    ).toBe(400);

    const ownerView = await getProject(owner.client, projectId);
    expect(ownerView.abilities.acceptAgreement).toBe(true);
    expect((await getProject(editor.client, projectId)).abilities.acceptAgreement).toBe(false);

    const accepted = await owner.client.post(`/api/projects/${projectId}/agreement/accept`, acceptBody, {
      'x-forwarded-for': '203.0.113.9',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const active = detailOf(accepted.body);
    expect(active.status).toBe('active');
    expect(active.agreement).toMatchObject({ state: 'accepted', acceptedByName: 'สมหญิง ใจดี' });
    expect(active.instalments.map((i) => i.status)).toEqual(['ready', 'scheduled', 'scheduled']);
    const row = (await ctx.database.db.select().from(projects).where(eq(projects.id, projectId)))[0];
    expect(row?.agreementAcceptedBy).toBe(owner.userId);
    expect(row?.agreementAcceptedIp).toBeTruthy();
    expect(row?.agreementAcceptedAt).toBeTruthy();
    expect(await auditActions(projectId)).toEqual(
      expect.arrayContaining(['project.agreement_issued', 'project.agreement_accepted']),
    );
    // the officer who issued it hears about it
    const told = await ctx.database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.template, 'project_agreement_accepted')));
    expect(
      told.some((m) => m.toAddress === officer.email || m.textBody.includes(waiting.agreementNumber)),
    ).toBe(true);
    // signed: the PDF says who signed, and it cannot be signed again
    const signedPdf = await pdfText(
      (await owner.client.get(`/api/projects/${projectId}/agreement.pdf`)).rawPayload,
    );
    expect(signedPdf).toContain('สมหญิงใจดี');
    const twice = await owner.client.post(`/api/projects/${projectId}/agreement/accept`, {
      ...acceptBody,
      version: active.version,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('withdrawn and issued again, the old terms can no longer be signed', async () => {
    const awarded = await awardedProject(ctx);
    const { officer, owner, projectId } = awarded;
    const first = detailOf(
      (
        await officer.client.post(`/api/projects/${projectId}/agreement/issue`, {
          version: awarded.project.version,
        })
      ).body,
    );
    const withdrawn = await officer.client.post(`/api/projects/${projectId}/agreement/withdraw`, {
      version: first.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(detailOf(withdrawn.body).status).toBe('setup');
    const changed = detailOf(
      (
        await officer.client.request(
          'PUT',
          `/api/projects/${projectId}/setup`,
          setupBody(detailOf(withdrawn.body)),
        )
      ).body,
    );
    const second = detailOf(
      (await officer.client.post(`/api/projects/${projectId}/agreement/issue`, { version: changed.version }))
        .body,
    );
    expect(second.agreement.sha256).not.toBe(first.agreement.sha256);
    const stale = await owner.client.post(`/api/projects/${projectId}/agreement/accept`, {
      version: second.version,
      signedName: 'สมหญิง ใจดี',
      confirm: true,
      agreementSha256: first.agreement.sha256,
    });
    expect(stale.statusCode).toBe(409);
    expect(await auditActions(projectId)).toContain('project.agreement_withdrawn');
  });

  it('an active project made by the factory has its first instalment ready', async () => {
    const { project } = await activeProject(ctx);
    expect(project.instalments[0]?.status).toBe('ready');
    expect(project.abilities.recordPayment).toBe(true);
  });
});
