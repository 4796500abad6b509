import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { th } from '@shared/i18n/th';
import type { Coverage, ProvinceCoverage } from '@shared/contracts/coverage';
import { signedInContext } from './accounts-helpers';
import { DEMO_PASSWORD, OFFICER_EMAIL } from './api-client';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';
import { renderPdf } from './pdf-render';

/**
 * The public portal's two golden paths: a visitor goes from the home page to the coverage map, a province, an
 * innovation adopted there and a dataset download; an officer reads the dashboards and exports the policy report as
 * XLSX and PDF, watching the job's progress bar to its download link.
 */

const baseUrl = inject('baseUrl');

let browser: Browser;

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { accept: 'application/json' } });
  expect(response.status, path).toBe(200);
  return ((await response.json()) as { data: T }).data;
}

/** Records whether a progress bar was ever shown inside a job panel, however fast the job ran. */
async function watchProgressBars(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen = { bar: false };
    (window as unknown as { __progressSeen: typeof seen }).__progressSeen = seen;
    const check = () => {
      if (document.querySelector('[data-testid="job-progress"] progress')) {
        seen.bar = true;
      }
    };
    new MutationObserver(check).observe(document.body, { childList: true, subtree: true, attributes: true });
    check();
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

describe('public portal', () => {
  it('a visitor goes home → coverage map → a province → an innovation adopted there → downloads a dataset', async () => {
    // the province the demo's diffusion reached, with an innovation adopted there
    const coverage = await getJson<Coverage>('/api/coverage');
    let target: ProvinceCoverage | null = null;
    for (const province of coverage.provinces.filter((p) => p.adoptions > 0)) {
      const detail = await getJson<ProvinceCoverage>(`/api/coverage/provinces/${province.code}`);
      if (detail.innovations.length > 0) {
        target = detail;
        break;
      }
    }
    expect(target, 'a province with an adopted innovation in the demo').not.toBeNull();
    if (!target) {
      return;
    }
    const province = target.province;
    const innovation = target.innovations[0];

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'th-TH' });
    const page = await context.newPage();
    const problems = watchProblems(page);

    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    // live figures come from the database
    const figures = page.getByTestId('live-figures');
    await expect.poll(() => figures.locator('[data-testid^="figure-"]').count()).toBeGreaterThanOrEqual(7);
    await screenshot(page, 'portal-home-1280');

    await page.getByTestId('hero-coverage').click();
    await page.waitForURL(/\/coverage(\?|$)/);
    await expect.poll(() => page.getByTestId('coverage-map').count()).toBe(1);
    await expect.poll(() => page.getByTestId('coverage-table').locator('tbody tr').count()).toBe(77);
    // the need figure's source and year are on the page
    expect(await page.getByTestId('coverage-need').count()).toBe(1);
    await screenshot(page, 'portal-coverage-1280');

    await page
      .getByTestId('coverage-table')
      .getByRole('link', { name: province.nameTh, exact: true })
      .click();
    await page.waitForURL(new RegExp(`/coverage/${province.code}`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
      .toContain(province.nameTh);
    const innovations = page.getByTestId('coverage-innovations');
    await expect.poll(() => innovations.getByRole('link').count()).toBeGreaterThan(0);
    await screenshot(page, 'portal-coverage-province-1280');

    await innovations.locator(`a[href="/innovations/${innovation?.id}"]`).click();
    await page.waitForURL(new RegExp(`/innovations/${innovation?.id}`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBeTruthy();

    await page.goto(`${baseUrl}/open-data`, { waitUntil: 'networkidle' });
    const download = page.waitForEvent('download');
    await page.locator('a[href$=".csv"]').first().click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
    }
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    expect(csv.split('\n').filter((line) => line.trim() !== '').length).toBeGreaterThan(1);
    await screenshot(page, 'portal-open-data-1280');

    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/', '/coverage', `/coverage/${province.code}`, '/open-data', '/impact']) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
      expect(await overflowsHorizontally(page), path).toBe(false);
    }
    await screenshot(page, 'portal-impact-390');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an officer reads the dashboards and exports the policy report as XLSX and PDF with a progress bar', async () => {
    const context = await signedInContext(browser, OFFICER_EMAIL, DEMO_PASSWORD, '/dashboards');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/dashboards`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByTestId('db-pipeline-table').locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('db-disbursement-table').count()).toBe(1);
    await screenshot(page, 'portal-dashboards-1280');

    await page.goto(`${baseUrl}/admin/insights`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByTestId('pi-export').count()).toBe(1);
    await watchProgressBars(page);

    for (const format of ['xlsx', 'pdf'] as const) {
      const panels = page.getByTestId('job-progress');
      const before = await panels.count();
      await page.getByTestId(`pi-export-${format}`).click();
      // the new job's panel comes first once its request has answered
      await expect.poll(() => panels.count(), { timeout: 30_000 }).toBe(before + 1);
      const panel = panels.first();
      await expect.poll(() => panel.getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
      const link = panel.getByTestId('job-download');
      const download = page.waitForEvent('download');
      await link.click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
      const stream = await file.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) {
        chunks.push(chunk as Buffer);
      }
      const bytes = Buffer.concat(chunks);
      if (format === 'xlsx') {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
        expect(workbook.worksheets.length).toBeGreaterThan(1);
      } else {
        const rendered = await renderPdf(browser, bytes);
        expect(rendered.pages).toBeGreaterThan(0);
        expect(rendered.text).toContain(th.insights.title);
        expect(rendered.inkRatio).toBeGreaterThan(0.001);
      }
    }
    expect(
      await page.evaluate(
        () => (window as unknown as { __progressSeen: { bar: boolean } }).__progressSeen.bar,
      ),
    ).toBe(true);
    await screenshot(page, 'portal-insights-export-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});
