import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { th } from '@shared/i18n/th';
import type { DisbursementReport, ProjectDetail, ReportDetail } from '@shared/contracts/projects';
import { bangkokDate } from '@shared/projects/plan';
import { signedInContext, unexpected, waitForMail } from './accounts-helpers';
import { api, apiLogin, DEMO_PASSWORD, OFFICER_EMAIL, type ApiSession } from './api-client';
import { awardProjectViaApi, BAHT, EVIDENCE_PDF } from './project-helpers';
import { exportThroughJob, launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';
import { renderPdf } from './pdf-render';

const baseUrl = inject('baseUrl');
const stamp = Date.now();
const AWARD_BAHT = 300_000;

const TITLE = `ระบบประปาหมู่บ้านพลังงานแสงอาทิตย์ ${stamp}`;
const applicant = {
  name: 'สมหญิง ใจดี',
  email: `e2e-pj-owner-${stamp}@example.org`,
  password: 'โครงการ-ประปา-2569',
};

let browser: Browser;
let officer: ApiSession;
let owner: ApiSession;
let projectId = '';

async function project(session: ApiSession = officer): Promise<ProjectDetail> {
  return api<ProjectDetail>(session, 'GET', `/api/projects/${projectId}`);
}

async function report(sequence: number): Promise<ReportDetail> {
  const found = (await project()).reports.find((r) => r.sequence === sequence);
  expect(found, `report ${sequence}`).toBeDefined();
  return api<ReportDetail>(officer, 'GET', `/api/project-reports/${found?.id}`);
}

async function uploadEvidence(session: ApiSession, reportId: string, query: string): Promise<void> {
  const form = new FormData();
  form.append('file', new Blob([EVIDENCE_PDF], { type: 'application/pdf' }), 'หลักฐานการดำเนินงาน.pdf');
  const response = await fetch(`${baseUrl}/api/project-reports/${reportId}/files?${query}`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, origin: baseUrl },
    body: form,
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

async function pay(instalmentId: string, version: number, reference: string): Promise<void> {
  const detail = await project();
  const instalment = detail.instalments.find((i) => i.id === instalmentId);
  await api(officer, 'POST', `/api/instalments/${instalmentId}/payment`, {
    version,
    paidOn: bangkokDate(new Date()),
    paidSatang: instalment?.amountSatang ?? 0,
    reference,
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  const awarded = await awardProjectViaApi(officer, {
    stamp,
    callCode: 'EPJ',
    title: TITLE,
    summary: 'ชุมชนติดตั้งระบบสูบน้ำพลังงานแสงอาทิตย์และตั้งกองทุนน้ำดูแลระบบเอง',
    applicant,
    organisationName: `วิสาหกิจชุมชนบ้านโคกสูง ${stamp}`,
    provinceCode: 40,
    awardBaht: AWARD_BAHT,
  });
  projectId = awarded.projectId;
  owner = awarded.owner;
});

afterAll(async () => {
  await browser.close();
});

describe('grant project: award → agreement → reports → payments → close-out', () => {
  const contexts: BrowserContext[] = [];

  async function pageAs(email: string, password: string, path: string): Promise<[Page, string[]]> {
    const context = await signedInContext(browser, email, password, path);
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    return [page, problems];
  }

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
  });

  it('the award made a project in preparation; the officer checks the plan and issues the agreement', async () => {
    const created = await project();
    expect(created.status).toBe('setup');
    expect(created.awardSatang).toBe(AWARD_BAHT * BAHT);
    expect(created.milestones).toHaveLength(2);
    expect(created.instalments.reduce((sum, i) => sum + i.amountSatang, 0)).toBe(AWARD_BAHT * BAHT);

    const [page, problems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, `/admin/projects/${projectId}/setup`);
    await expect.poll(() => page.getByTestId('lines-sum').getAttribute('data-state')).toBe('exact');
    await expect.poll(() => page.getByTestId('instalments-sum').getAttribute('data-state')).toBe('exact');
    await page.getByTestId('setup-limit').fill('15');
    await page.getByTestId('setup-save').click();
    await expect.poll(async () => (await project()).reallocationLimitPercent).toBe(15);
    await screenshot(page, 'projects-setup-officer-th');

    await page.goto(`${baseUrl}/projects/${projectId}`, { waitUntil: 'networkidle' });
    await page.getByTestId('agreement-issue').click();
    await expect.poll(async () => (await project()).status).toBe('agreement_issued');
    await waitForMail(applicant.email, { containing: `/projects/${projectId}` });
    expect(unexpected(problems)).toEqual([]);
  });

  it('the owner reads the agreement in Thai and signs it; the first instalment is ready', async () => {
    const issued = await project(owner);
    const [page, problems] = await pageAs(applicant.email, applicant.password, `/projects/${projectId}`);
    const pdf = await page
      .context()
      .request.get(`${baseUrl}/api/projects/${projectId}/agreement.pdf?lang=th`);
    expect(pdf.status()).toBe(200);
    const rendered = await renderPdf(browser, await pdf.body());
    const text = rendered.text.replace(/\u0E33\u0E32/g, '\u0E33').replace(/\s/g, '');
    expect(text).toContain(issued.agreementNumber);
    expect(text).toContain(TITLE.replace(/\s/g, ''));
    expect(text).toContain('300,000');
    expect(rendered.inkRatio).toBeGreaterThan(0.005);

    await page.getByTestId('accept-dialog-open').click();
    await page.getByTestId('accept-name').fill(applicant.name);
    await page.getByTestId('accept-confirm').check();
    await page.getByTestId('accept-save').click();
    await expect.poll(async () => (await project()).status).toBe('active');
    const active = await project();
    expect(active.agreement.acceptedByName).toBe(applicant.name);
    expect(active.instalments.map((i) => i.status)).toEqual(['ready', 'scheduled', 'scheduled']);
    await page.reload({ waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByTestId('instalment-row').first().textContent())
      .toContain(th.projects.instalmentStatus.ready);
    await screenshot(page, 'projects-active-owner-th');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'projects-active-owner-390');
    expect(unexpected(problems)).toEqual([]);
  });

  it('the owner reports the first milestone with evidence and submits', async () => {
    const first = await report(1);
    const [page, problems] = await pageAs(
      applicant.email,
      applicant.password,
      `/projects/${projectId}/reports/${first.id}`,
    );
    const milestoneId = first.milestones[0]?.milestoneId ?? '';
    await page.getByTestId('milestone-completion').first().fill('100');
    await page.getByTestId(`evidence-input-milestone-${milestoneId}`).setInputFiles({
      name: 'บันทึกเวทีประชาคม.pdf',
      mimeType: 'application/pdf',
      buffer: EVIDENCE_PDF,
    });
    await expect.poll(() => page.getByTestId('evidence-file').count()).toBe(1);
    await page
      .getByTestId('report-narrative')
      .fill('สำรวจแหล่งน้ำ 6 จุด และจัดเวทีประชาคมสองครั้ง ชุมชนเลือกแบบระบบแล้ว');
    await page.getByTestId('expenditure-spent').first().fill('50,000');
    await page.getByTestId('srl-level-4').check({ force: true });
    await page.getByTestId('report-srlEvidence').fill('ชาวบ้าน 84 คนร่วมเวทีและเห็นชอบแบบระบบ');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-submit-confirm').click();
    await expect.poll(async () => (await report(1)).status).toBe('submitted');
    await screenshot(page, 'projects-report-submitted-th');
    expect(unexpected(problems)).toEqual([]);
  });

  it('the officer returns it with a comment; the owner answers and resubmits; the officer approves', async () => {
    const first = await report(1);
    const path = `/projects/${projectId}/reports/${first.id}`;
    const [officerPage, officerProblems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, path);
    const comment = 'โปรดแนบรายชื่อผู้เข้าร่วมเวทีประชาคม';
    await officerPage.getByTestId('review-comment').fill(comment);
    await officerPage.getByTestId('review-return').click();
    await officerPage.getByTestId('review-confirm').click();
    await expect.poll(async () => (await report(1)).status).toBe('returned');

    const [ownerPage, ownerProblems] = await pageAs(applicant.email, applicant.password, path);
    await expect.poll(() => ownerPage.getByTestId('report-returned').textContent()).toContain(comment);
    await ownerPage
      .getByTestId('report-narrative')
      .fill('สำรวจแหล่งน้ำ 6 จุด จัดเวทีประชาคมสองครั้ง (รายชื่อผู้เข้าร่วม 84 คนแนบในหลักฐาน)');
    await ownerPage.getByTestId('report-submit').click();
    await ownerPage.getByTestId('report-submit-confirm').click();
    await expect.poll(async () => (await report(1)).status).toBe('submitted');

    await officerPage.reload({ waitUntil: 'networkidle' });
    await officerPage.getByTestId('review-approve').click();
    await officerPage.getByTestId('review-confirm').click();
    await expect.poll(async () => (await report(1)).status).toBe('approved');
    const history = (await report(1)).events.map((e) => e.action);
    expect(history).toEqual(['submitted', 'returned', 'submitted', 'approved']);
    const approved = await project();
    expect(approved.instalments.map((i) => i.status)).toEqual(['ready', 'ready', 'scheduled']);
    expect(approved.milestones[0]?.completionPercent).toBe(100);
    expect(unexpected(officerProblems)).toEqual([]);
    expect(unexpected(ownerProblems)).toEqual([]);
  });

  it('the officer records the first payment in the browser', async () => {
    const [page, problems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, `/projects/${projectId}`);
    await page.getByTestId('payment-dialog-open').first().click();
    await page.getByTestId('payment-reference').fill(`KTB-${stamp}-1`);
    await page.getByTestId('payment-save').click();
    await expect.poll(async () => (await project()).instalments[0]?.status).toBe('paid');
    const paid = await project();
    expect(paid.paidSatang).toBe(paid.instalments[0]?.amountSatang);
    expect(unexpected(problems)).toEqual([]);
  });

  it('the final report is approved, every instalment paid, and the officer closes the project', async () => {
    const final = await report(2);
    expect(final.kind).toBe('final');
    await uploadEvidence(
      owner,
      final.id,
      `purpose=milestone&milestoneId=${final.milestones[0]?.milestoneId}`,
    );
    const saved = await api<ReportDetail>(owner, 'PUT', `/api/project-reports/${final.id}`, {
      version: final.version,
      narrative: 'ติดตั้งระบบครบสองหมู่บ้าน ครัวเรือน 240 หลังมีน้ำใช้ทั้งปี กองทุนน้ำเก็บค่าบำรุงได้ทุกเดือน',
      srlLevel: 6,
      srlEvidence: 'ระบบใช้งานจริงครบหกเดือน คณะกรรมการกองทุนน้ำดูแลเอง',
      milestones: final.milestones.map((m) => ({ milestoneId: m.milestoneId, completionPercent: 100 })),
      lessonsLearned: 'ชุมชนดูแลระบบได้ดีเมื่อมีกองทุนน้ำที่โปร่งใส',
      scalingRecommendations: [
        {
          area: 'หมู่บ้านบนที่สูงที่ไม่มีน้ำประปา',
          provinceCodes: [57, 58],
          recommendation: 'เริ่มจากเวทีประชาคมให้ชุมชนเป็นเจ้าของระบบก่อนติดตั้ง',
        },
      ],
    });
    await api(owner, 'POST', `/api/project-reports/${final.id}/submit`, { version: saved.version });
    const submitted = await report(2);
    await api(officer, 'POST', `/api/project-reports/${final.id}/approve`, {
      version: submitted.version,
      comment: '',
    });
    for (const instalment of (await project()).instalments.filter((i) => i.status === 'ready')) {
      await pay(instalment.id, instalment.version, `KTB-${stamp}-${instalment.sequence}`);
    }
    const ready = await project();
    expect(ready.instalments.every((i) => i.status === 'paid')).toBe(true);
    expect(ready.paidSatang).toBe(AWARD_BAHT * BAHT);

    const [page, problems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, `/projects/${projectId}`);
    await page.getByTestId('close-dialog-open').click();
    await page.getByTestId('close-note').fill('ดำเนินงานครบตามสัญญา');
    await page.getByTestId('close-save').click();
    await expect.poll(() => page.getByTestId('project-closed').count()).toBe(1);
    const closed = await project();
    expect(closed.status).toBe('closed');
    expect(closed.innovationId).not.toBeNull();
    await screenshot(page, 'projects-closed-officer-th');
    expect(unexpected(problems)).toEqual([]);
  });

  it('the officer exports the disbursement report as XLSX in a job; the totals match the report', async () => {
    const figures = await api<DisbursementReport>(officer, 'GET', '/api/projects/disbursements');
    expect(figures.totals.paidSatang).toBeGreaterThanOrEqual(AWARD_BAHT * BAHT);
    const [page, problems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, '/admin/disbursements');
    await page.getByTestId('disbursements-table').waitFor();
    const { download } = await exportThroughJob(
      page,
      'disbursements-xlsx',
      'projects-disbursements-export-1280',
    );
    expect(download.suggestedFilename()).toBe('disbursements.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0];
    expect((sheet?.getRow(1).values as unknown[]).filter(Boolean)).toContain('จ่ายแล้วในปี (บาท)');
    const last = (sheet?.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(last[0]).toBe('รวมทั้งหมด');
    expect(last.slice(2, 5)).toEqual([
      figures.totals.projects,
      figures.totals.awardedSatang / 100,
      figures.totals.paidSatang / 100,
    ]);

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'projects-disbursements-export-390');
    expect(unexpected(problems)).toEqual([]);
  });
});
