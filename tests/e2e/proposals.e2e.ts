import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { th } from '@shared/i18n/th';
import type { FormDefinitionInput } from '@shared/contracts/forms';
import { mailText } from '@tests/helpers/smtp';
import { samplePdf } from '@tests/factories/proposals';
import { registerVerified, signedInContext, unexpected, waitForMail } from './accounts-helpers';
import {
  exportThroughJob,
  launchBrowser,
  overflowsHorizontally,
  screenshot,
  SCREENSHOT_DIR,
  watchProblems,
} from './browser';
import { renderPdf } from './pdf-render';
import { api, apiLogin, bangkokEndOfDay, DEMO_PASSWORD, OFFICER_EMAIL } from './api-client';

const baseUrl = inject('baseUrl');
const stamp = Date.now();

const applicant = {
  name: 'สมหญิง ผู้ยื่นข้อเสนอ',
  email: `e2e-applicant-${stamp}@example.org`,
  password: 'ข้าวหอมมะลิ-ทุ่งกุลา-2569',
};
const callTitle = `รอบทดสอบนวัตกรรมจัดการน้ำชุมชน ${stamp}`;
const proposalTitle = 'ระบบกรองน้ำดื่มชุมชนบ้านแม่กำปอง';

/** Two sections: the project (text, area) and the money (a budget table and an attachment). */
const FORM: FormDefinitionInput = {
  sections: [
    {
      id: 'project',
      titleTh: 'ข้อมูลโครงการ',
      titleEn: 'The project',
      questions: [
        {
          id: 'summary',
          type: 'long_text',
          labelTh: 'สรุปโครงการ',
          labelEn: 'Summary',
          required: true,
          maxLength: 2000,
        },
        {
          id: 'area',
          type: 'area',
          labelTh: 'พื้นที่ดำเนินงาน',
          labelEn: 'Where the work happens',
          required: true,
          level: 'province',
          multiple: true,
        },
      ],
    },
    {
      id: 'money',
      titleTh: 'งบประมาณและเอกสาร',
      titleEn: 'Budget and documents',
      questions: [
        {
          id: 'budget',
          type: 'budget_table',
          labelTh: 'รายการงบประมาณ',
          labelEn: 'Budget lines',
          required: true,
        },
        {
          id: 'plan',
          type: 'file',
          labelTh: 'แผนการดำเนินงาน (PDF)',
          labelEn: 'Work plan (PDF)',
          required: true,
          accept: ['pdf'],
          maxFiles: 1,
          maxSizeBytes: 5 * 1024 * 1024,
        },
      ],
    },
  ],
};

/** pdf.js reads the two glyphs Sarabun draws for SARA AM back as ำ + า; compare without the extra า. */
const normaliseThai = (text: string) => text.replace(/\u0E33\u0E32/g, '\u0E33').replace(/\s+/g, ' ');

let browser: Browser;
let callId = '';
let proposalId = '';
let receipt = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  const call = await api<{ id: string }>(officer, 'POST', '/api/calls', {
    programmeSlug: 'sectoral',
    code: 'EQA',
    titleTh: callTitle,
    titleEn: 'Test call: community water innovation',
    descriptionTh: 'รับข้อเสนอนวัตกรรมการจัดการน้ำในชุมชน',
    descriptionEn: 'Proposals for community water innovation',
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: bangkokEndOfDay(30),
    fiscalYear: 2570,
    totalBudgetSatang: 1_000_000_000,
    minGrantSatang: 5_000_000,
    maxGrantSatang: 50_000_000,
    eligibility: {
      organisationTypes: ['community_enterprise', 'social_enterprise'],
      provinceCodes: [],
      regionCodes: ['north'],
      targetGroupOnly: false,
      themes: [],
      maxProposalsPerOrganisation: 2,
    },
  });
  callId = call.id;
  await api(officer, 'PUT', `/api/calls/${callId}/forms/proposal`, { definition: FORM });
  await api(officer, 'POST', `/api/calls/${callId}/publish`);

  await registerVerified(applicant);
  const session = await apiLogin(applicant.email, applicant.password);
  await api(session, 'POST', '/api/organisations', {
    nameTh: `วิสาหกิจชุมชนน้ำใสแม่กำปอง ${stamp}`,
    type: 'community_enterprise',
    provinceCode: 50,
  });
});

afterAll(async () => {
  await browser.close();
});

describe('a new applicant: open call → eligibility → two-section form with budget and attachment → receipt', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await signedInContext(browser, applicant.email, applicant.password, '/calls');
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await context.close();
  });

  it('finds the open call in the public list and sees it is eligible, because of each rule', async () => {
    await page.goto(`${baseUrl}/calls`, { waitUntil: 'networkidle' });
    await page.getByTestId('call-card').filter({ hasText: callTitle }).getByRole('link').first().click();
    await page.waitForURL(`${baseUrl}/calls/${callId}`);
    await page.getByRole('heading', { level: 1, name: callTitle }).waitFor();
    const result = page.getByTestId('eligibility-result');
    await result.getByText(th.eligibility.eligible, { exact: true }).waitFor();
    await result.getByText(th.eligibility.orgTypePass).waitFor();
    await result.getByText(th.eligibility.areaPass).waitFor();
    await screenshot(page, 'proposals-call-eligible');
    expect(unexpected(problems)).toEqual([]);
  });

  it('starts a proposal and fills both sections; the draft saves itself with a version', async () => {
    await page.getByTestId('proposal-title').fill(proposalTitle);
    await page.getByTestId('start-proposal').click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    proposalId = page.url().split('/').pop() ?? '';
    await page.getByTestId('section-project').click();

    await page
      .locator('#pf-answers-summary-input')
      .fill('ติดตั้งระบบกรองน้ำดื่มที่ชุมชนดูแลเอง ลดรายจ่ายค่าน้ำของครัวเรือน');
    const area = page.locator('#pf-answers-area');
    await area.getByLabel(th.proposals.form.area.province).selectOption('50');
    await area.getByRole('button', { name: th.proposals.form.area.add }).click();
    await area.getByText('เชียงใหม่').first().waitFor();

    await page.getByTestId('section-money').click();
    const budget = page.locator('#pf-answers-budget');
    await budget.getByRole('button', { name: th.proposals.form.table.addRow }).click();
    await page.locator('#pf-answers-budget-0-category').selectOption('materials');
    await page.locator('#pf-answers-budget-0-description').fill('ชุดกรองน้ำและถังเก็บน้ำ');
    await page.locator('#pf-answers-budget-0-amountSatang').fill('250000');
    await budget.getByRole('button', { name: th.proposals.form.table.addRow }).click();
    await page.locator('#pf-answers-budget-1-category').selectOption('personnel');
    await page.locator('#pf-answers-budget-1-description').fill('ค่าตอบแทนช่างชุมชน');
    await page.locator('#pf-answers-budget-1-amountSatang').fill('50000.50');
    await page.getByTestId('budget-total-budget').filter({ hasText: '300,000.50' }).waitFor();

    await page.getByTestId('file-input-plan').setInputFiles({
      name: 'แผนงาน.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf(),
    });
    await page.getByTestId('attachment').filter({ hasText: 'แผนงาน.pdf' }).waitFor();

    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 15_000 });
    await screenshot(page, 'proposals-editor');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(unexpected(problems)).toEqual([]);
  });

  it('submits: a receipt number, a confirmation email and a PDF in which Thai renders', async () => {
    await page.getByTestId('submit-proposal').click();
    await page.getByTestId('confirm-submit').click();
    const number = page.getByTestId('receipt-number');
    await number.waitFor();
    receipt = ((await number.textContent()) ?? '').trim();
    expect(receipt).toBe('EQA-2570-0001');

    const mail = await waitForMail(applicant.email, { containing: receipt });
    expect(mailText(mail.raw)).toContain(proposalTitle);

    const pdfResponse = await page.request.get(`${baseUrl}/api/proposals/${proposalId}/pdf`);
    expect(pdfResponse.headers()['content-type']).toContain('application/pdf');
    const rendered = await renderPdf(browser, await pdfResponse.body());
    writeFileSync(path.join(SCREENSHOT_DIR, 'proposals-pdf-page1.png'), rendered.png);
    const text = normaliseThai(rendered.text);
    expect(text).toContain(proposalTitle);
    expect(text).toContain(receipt);
    expect(text).toContain('ชุดกรองน้ำและถังเก็บน้ำ');
    expect(rendered.inkRatio).toBeGreaterThan(0.002);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('receipt-number').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'proposals-receipt-phone');
    expect(unexpected(problems)).toEqual([]);
  });

  it('lists it under "my proposals" as submitted', async () => {
    await page.goto(`${baseUrl}/proposals`, { waitUntil: 'networkidle' });
    const list = page.getByTestId('my-proposals');
    await list.getByText(receipt).first().waitFor();
    expect(
      await list.locator('[data-testid="proposal-status"][data-status="submitted"]').count(),
    ).toBeGreaterThan(0);
  });
});

describe('the officer: filter the intake, open the proposal, export XLSX', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await signedInContext(
      browser,
      OFFICER_EMAIL,
      DEMO_PASSWORD,
      `/admin/calls/${callId}/proposals`,
    );
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await context.close();
  });

  it('filters by province and by a Thai search typed without spaces, then opens the proposal', async () => {
    await page.goto(`${baseUrl}/admin/calls/${callId}/proposals`, { waitUntil: 'networkidle' });
    await page.getByTestId('intake-row').first().waitFor();
    await page.getByTestId('filter-province').selectOption('50');
    await page.waitForURL(/province=50/);
    await page.getByTestId('intake-row').filter({ hasText: receipt }).waitFor();

    await page.getByTestId('filter-province').selectOption('10');
    await page.waitForURL(/province=10/);
    await page.getByTestId('intake-row').filter({ hasText: receipt }).waitFor({ state: 'detached' });
    await page.getByTestId('filter-province').selectOption('');

    await page.getByTestId('intake-search').fill('กรองน้ำดื่ม');
    await page.getByTestId('intake-search').press('Enter');
    await page.waitForURL(/q=/);
    await page.getByTestId('intake-row').filter({ hasText: receipt }).waitFor();
    await screenshot(page, 'proposals-intake');

    await page.getByTestId('intake-row').filter({ hasText: receipt }).getByTestId('proposal-link').click();
    await page.waitForURL(`${baseUrl}/proposals/${proposalId}`);
    await page.getByTestId('officer-actions').waitFor();
    await page.getByText('ชุดกรองน้ำและถังเก็บน้ำ').first().waitFor();
    expect(unexpected(problems)).toEqual([]);
  });

  it('exports the list as XLSX in a job: a progress bar, then a download link; Thai headers, money as a number', async () => {
    await page.goto(`${baseUrl}/admin/calls/${callId}/proposals`, { waitUntil: 'networkidle' });
    await page.getByTestId('intake-row').first().waitFor();
    const { download, href } = await exportThroughJob(page, 'export-xlsx', 'proposals-intake-export-1280');
    expect(href).toMatch(/^\/api\/jobs\/[0-9a-f-]{36}\/download$/);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet).toBeDefined();
    const headers = (sheet?.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers).toContain('เลขที่รับข้อเสนอ');
    expect(headers).toContain('งบประมาณที่ขอ (บาท)');
    const rows: unknown[][] = [];
    sheet?.eachRow((row, n) => {
      if (n > 1) {
        rows.push(row.values as unknown[]);
      }
    });
    const ours = rows.find((r) => r.includes(receipt));
    expect(ours).toBeDefined();
    expect(ours).toContain(proposalTitle);
    expect(ours).toContain(300_000.5);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('job-progress').first().getByTestId('job-download').scrollIntoViewIfNeeded();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'proposals-intake-export-390');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(unexpected(problems)).toEqual([]);
  });
});
