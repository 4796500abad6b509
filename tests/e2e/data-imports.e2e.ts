import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import type { DataImportReport } from '@shared/contracts/data-imports';
import { th } from '@shared/i18n/th';
import { signIn } from './accounts-helpers';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

const baseUrl = inject('baseUrl');

const DEMO_PASSWORD = 'demo-password-2569';
const ADMIN_EMAIL = 'admin@demo.si-platform.test';
const PAGE_PATH = '/admin/data-imports';
/** A test indicator in three provinces only: it never becomes the default "need" indicator of other pages. */
const CODE = 'e2e_import_share';

const HEADER = 'indicator,indicator_name_th,indicator_name_en,year,province_code,value,unit,source_url,note';
const GOOD_CSV = [
  HEADER,
  `${CODE},สัดส่วนทดสอบการนำเข้า,Import test share,2566,94,12.5,percent,https://example.org/e2e,`,
  `${CODE},,,2566,95,"1,234.5",percent,https://example.org/e2e,`,
  `${CODE},,,2566,96,7,percent,https://example.org/e2e,`,
].join('\n');
const BAD_CSV = [
  HEADER,
  `${CODE},,,2566,94,99,percent,https://example.org/e2e,must not be written`,
  `${CODE},,,2566,98,1,percent,https://example.org/e2e,`,
  `${CODE},,,2566,10,lots,percent,https://example.org/e2e,`,
].join('\n');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function readDownload(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function uploadCsv(page: Page, name: string, text: string) {
  await page.getByTestId('import-kind-indicators').check();
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('import-submit').click();
}

describe('administrators import area indicators from a CSV as a background job (Thai)', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    problems = watchProblems(page);
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    await signIn(page, ADMIN_EMAIL, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== '/login');
  });
  afterAll(async () => {
    await context.close();
  });

  it('is linked from the account menu and lists the indicators already loaded', async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByTestId('account-menu').click();
    await page.getByTestId('nav-data-imports').click();
    await page.waitForURL(`${baseUrl}${PAGE_PATH}`);
    await page.getByRole('heading', { level: 1, name: th.dataImports.title }).waitFor();
    await page
      .locator('[data-testid="loaded-indicator"][data-code="poverty_headcount_ratio"]')
      .first()
      .waitFor();
    await page.getByText(th.dataImports.format.columns.province_code).waitFor();
  });

  it('uploads a CSV, follows the bar to the end, sees the result and downloads the report', async () => {
    await uploadCsv(page, 'นำเข้าทดสอบ.csv', GOOD_CSV);
    const job = page.getByTestId('job-progress').first();
    await job.waitFor();
    expect(await job.textContent()).toContain('นำเข้าทดสอบ.csv');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');

    const report = page.getByTestId('import-report').first();
    await expect.poll(() => report.getAttribute('data-outcome')).toBe('imported');
    // the list of loaded indicators is read again
    await page.locator(`[data-testid="loaded-indicator"][data-code="${CODE}"]`).waitFor();
    const row = page.locator(`[data-testid="loaded-indicator"][data-code="${CODE}"]`);
    expect(await row.textContent()).toContain('2566');
    await screenshot(page, 'data-imports-done-th');

    const download = page.waitForEvent('download');
    await job.getByTestId('job-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('นำเข้าทดสอบ-report.json');
    const json = JSON.parse(await readDownload(file)) as DataImportReport;
    expect(json).toMatchObject({
      kind: 'indicators',
      outcome: 'imported',
      rowsRead: 3,
      imported: 3,
      indicatorsCreated: [CODE],
      provinces: 3,
      years: [2023],
      problems: [],
    });

    const values = (await (await fetch(`${baseUrl}/api/indicators/${CODE}/values?year=2023`)).json()) as {
      data: { values: Array<{ provinceCode: number; value: number }> };
    };
    expect(values.data.values.map((v) => [v.provinceCode, v.value])).toEqual([
      [94, 12.5],
      [95, 1234.5],
      [96, 7],
    ]);
    expect(problems).toEqual([]);
  });

  it('a file with bad rows is not imported: the page lists each row, line and reason', async () => {
    await uploadCsv(page, 'bad.csv', BAD_CSV);
    const job = page.getByTestId('job-progress').first();
    await expect.poll(() => job.textContent()).toContain('bad.csv');
    await expect.poll(() => job.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    const report = page.getByTestId('import-report').first();
    await expect.poll(() => report.getAttribute('data-outcome')).toBe('rejected');
    const rows = report.getByTestId('import-problems').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('ไม่พบจังหวัดรหัส 98');
    expect(await rows.nth(1).textContent()).toContain('ค่าต้องเป็นตัวเลข');
    const values = (await (await fetch(`${baseUrl}/api/indicators/${CODE}/values?year=2023`)).json()) as {
      data: { values: Array<{ provinceCode: number; value: number }> };
    };
    expect(values.data.values.find((v) => v.provinceCode === 94)?.value).toBe(12.5);
    await screenshot(page, 'data-imports-rejected-th');
    expect(problems).toEqual([]);
  });

  it('refuses a file that is not CSV at once, naming the file field', async () => {
    await page.getByTestId('import-file').setInputFiles({
      name: 'picture.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
        'latin1',
      ),
    });
    await page.getByTestId('import-submit').click();
    await page.locator('.field__error').filter({ hasText: 'ไม่ใช่ไฟล์ข้อความ CSV' }).waitFor();
    expect(await page.getByTestId('import-file').getAttribute('aria-invalid')).toBe('true');
  });

  it('fits a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator(`[data-testid="loaded-indicator"][data-code="${CODE}"]`).waitFor();
    // earlier imports are listed again, with their reports
    await page.getByTestId('import-report').first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone_data-imports-th');
  });
});
