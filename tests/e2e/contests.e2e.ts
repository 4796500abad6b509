import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { th } from '@shared/i18n/th';
import { signedInContext, unexpected } from './accounts-helpers';
import { launchBrowser, overflowsHorizontally, screenshot, SCREENSHOT_DIR, watchProblems } from './browser';
import { renderPdf } from './pdf-render';

const baseUrl = inject('baseUrl');
const DEMO_PASSWORD = 'demo-password-2569';
const OFFICER = 'officer@demo.si-platform.test';
const REVIEWER = 'reviewer@demo.si-platform.test';
const APPLICANT = 'applicant@demo.si-platform.test';
const stamp = Date.now();
const contestTitle = `รางวัลนวัตกรรมเพื่อสังคมดีเด่น ${stamp}`;
const entryTitle = 'ธนาคารปูม้าชุมชนบ้านแหลม';
const entrant = 'กลุ่มประมงพื้นบ้านบ้านแหลม';
const t = th.contests;

/** A Bangkok date `days` from now, as the date-time fields take it (Buddhist Era year). */
function bangkokParts(days: number): { day: string; month: string; yearBe: string } {
  const local = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return {
    day: String(local.getUTCDate()),
    month: String(local.getUTCMonth() + 1),
    yearBe: String(local.getUTCFullYear() + 543),
  };
}

async function fillMoment(page: Page, testId: string, days: number, time: string): Promise<void> {
  const field = page.getByTestId(testId);
  const parts = bangkokParts(days);
  await field.locator('select').nth(0).selectOption(parts.day);
  await field.locator('select').nth(1).selectOption(parts.month);
  await field.locator('input').nth(0).fill(parts.yearBe);
  await field.locator('input').nth(1).fill(time);
}

let browser: Browser;
let officer: BrowserContext;
let applicant: BrowserContext;
let reviewer: BrowserContext;
let contestId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  officer = await signedInContext(browser, OFFICER, DEMO_PASSWORD, '/admin/contests');
  applicant = await signedInContext(browser, APPLICANT, DEMO_PASSWORD, '/contests');
  reviewer = await signedInContext(browser, REVIEWER, DEMO_PASSWORD, '/judging');
});
afterAll(async () => {
  await browser.close();
});

describe('an award contest: created → nominated → judged → announced → certificate verified', () => {
  it('an officer creates a contest with a category and opens it for nominations', async () => {
    const page = await officer.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/admin/contests`, { waitUntil: 'networkidle' });
    await page.getByTestId('new-contest').click();
    await page.getByTestId('contest-code').fill(`E${String(stamp).slice(-6)}`);
    await page.getByTestId('contest-title-th').fill(contestTitle);
    await page.getByTestId('contest-title-en').fill('Outstanding Social Innovation Award');
    await fillMoment(page, 'contest-opens', -1, '09:00');
    await fillMoment(page, 'contest-closes', 30, '23:59:59');
    await page.getByTestId('category-name-th').fill('ชุมชนนวัตกรรมดีเด่น');
    await page.getByTestId('category-name-en').fill('Outstanding innovative community');
    await page.getByTestId('contest-save').click();
    await page.waitForURL(/\/admin\/contests\/[0-9a-f-]{36}$/);
    contestId = page.url().split('/').pop() ?? '';
    await page.getByTestId('contest-open').click();
    await page.getByText(t.admin.statusHelp.open).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await page.close();
  });

  it('an applicant nominates an open entry', async () => {
    const page = await applicant.newPage();
    await page.goto(`${baseUrl}/contests/${contestId}`, { waitUntil: 'networkidle' });
    await page.getByTestId('nominate-link').click();
    await page.getByRole('radio', { name: t.kind.open }).check();
    await page.getByLabel(t.nominate.entrantName).fill(entrant);
    await page.getByLabel(t.nominate.titleTh).fill(entryTitle);
    await page.getByLabel(t.nominate.summary).fill('ชุมชนอนุบาลแม่ปูไข่ก่อนปล่อยคืนทะเล ปูม้าเพิ่มขึ้นและรายได้ชาวประมงดีขึ้น');
    await page.getByTestId('nominate-submit').click();
    await page.waitForURL(`${baseUrl}/contests/${contestId}?nominated=1`);
    await page.getByTestId('my-entry').filter({ hasText: entryTitle }).waitFor();
    await page.close();
  });

  it('the officer accepts it, adds the demo reviewer as judge and starts judging', async () => {
    const page = await officer.newPage();
    await page.goto(`${baseUrl}/admin/contests/${contestId}`, { waitUntil: 'networkidle' });
    await page.getByTestId('entry-row').filter({ hasText: entryTitle }).getByTestId('accept-entry').click();
    await page.getByTestId('entry-row').filter({ hasText: t.entryStatus.accepted }).waitFor();
    await page
      .getByTestId('judge-select')
      .selectOption({ label: 'ผู้ทรงคุณวุฒิ ตัวอย่าง (reviewer@demo.si-platform.test)' });
    await page.getByTestId('add-judge').click();
    await page.getByTestId('judges').getByText('ผู้ทรงคุณวุฒิ ตัวอย่าง').waitFor();
    await page.getByTestId('contest-start_judging').click();
    await page.getByText(t.admin.statusHelp.judging).waitFor();
    await page.close();
  });

  it('the judge scores the entry on the rubric and submits', async () => {
    const page = await reviewer.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${baseUrl}/judging`, { waitUntil: 'networkidle' });
    await page.getByTestId('judging-card').filter({ hasText: contestTitle }).getByRole('link').click();
    await page.waitForURL(`${baseUrl}/judging/${contestId}`);
    for (const id of ['impact', 'innovation', 'scaling', 'sustainability']) {
      await page.getByTestId(`score-${id}-5`).check({ force: true });
    }
    await screenshot(page, 'contests-judge-scoring');
    await page.getByTestId('submit-score').click();
    await page.getByTestId('score-submitted').waitFor();
    await page.close();
  });

  it('the officer picks the winner and announces', async () => {
    const page = await officer.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${baseUrl}/admin/contests/${contestId}`, { waitUntil: 'networkidle' });
    const row = page.getByTestId('ranking-row').filter({ hasText: entryTitle });
    await expect.poll(() => row.locator('td').nth(3).innerText()).toContain('100.0');
    await row.getByTestId('place-select').selectOption('1');
    await page.getByTestId('save-winners').click();
    await page.getByTestId('entry-row').filter({ hasText: 'อันดับที่ 1' }).waitFor();
    await page.getByTestId('contest-announce').click();
    await page.getByTestId('certificate-card').filter({ hasText: entryTitle }).waitFor();
    await screenshot(page, 'contests-admin-announced');
    await page.close();
  });

  it('the public winners page shows the winner, on a phone too', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/contests/${contestId}/winners`, { waitUntil: 'networkidle' });
    await page.getByTestId('winner').filter({ hasText: entryTitle }).getByText(entrant).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'contests-winners-mobile');
    await context.close();
  });

  it('the nominator downloads the Thai certificate and its verification page says valid', async () => {
    const page = await applicant.newPage();
    await page.goto(`${baseUrl}/contests/${contestId}`, { waitUntil: 'networkidle' });
    const card = page.getByTestId('my-entry').filter({ hasText: entryTitle });
    const href = (await card.getByTestId('certificate-pdf').getAttribute('href')) ?? '';
    const response = await page.request.get(`${baseUrl}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const rendered = await renderPdf(browser, await response.body());
    const text = rendered.text.replace(/\u0E33\u0E32/g, '\u0E33').replace(/\s+/g, '');
    expect(text).toContain('เกียรติบัตร');
    expect(text).toContain(entrant);
    expect(rendered.inkRatio).toBeGreaterThan(0.005);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(path.join(SCREENSHOT_DIR, 'contests-certificate-pdf.png'), rendered.png);

    await card.getByRole('link', { name: t.detail.verifyCertificate }).click();
    await page.waitForURL(/\/contests\/certificates\/[0-9A-Z]{10}$/);
    const result = page.getByTestId('certificate-result');
    await expect.poll(() => result.getAttribute('data-status')).toBe('valid');
    await result.getByText(t.verify.status.valid).waitFor();
    await screenshot(page, 'contests-certificate-valid');
    await page.close();
  });
});
