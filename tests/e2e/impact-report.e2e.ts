import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { th } from '@shared/i18n/th';
import type { ImpactReport, Portfolio } from '@shared/contracts/impact-report';
import type { ProjectList } from '@shared/contracts/projects';
import { signedInContext } from './accounts-helpers';
import { api, apiLogin, DEMO_PASSWORD, OFFICER_EMAIL, type ApiSession } from './api-client';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';
import { renderPdf } from './pdf-render';

const baseUrl = inject('baseUrl');
const UNIT_EMAIL = 'unit@demo.si-platform.test';

let browser: Browser;
let officer: ApiSession;
let projectId = '';
let report: ImpactReport;

beforeAll(async () => {
  browser = await launchBrowser();
  officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  // the demo's running project carries the demo impact records (logic model, verified actuals, final SROI)
  const active = await api<ProjectList['data']>(officer, 'GET', '/api/projects?status=active&limit=50');
  for (const project of [...active].sort((a, b) => a.agreementNumber.localeCompare(b.agreementNumber))) {
    const found = await api<ImpactReport>(officer, 'GET', `/api/projects/${project.id}/impact-report`);
    if (found.logicModel.nodes.length > 0 && found.sroi.evaluative) {
      projectId = project.id;
      report = found;
      break;
    }
  }
  expect(projectId, 'a demo project with impact records').not.toBe('');
});

afterAll(async () => {
  await browser.close();
});

describe('impact report and portfolio', () => {
  it("an officer reads the project's impact report: logic model, indicator charts, SROI; the Thai PDF renders", async () => {
    const path = `/projects/${projectId}/impact/report`;
    const context = await signedInContext(browser, OFFICER_EMAIL, DEMO_PASSWORD, path);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.locator('.ir-logic__box').count()).toBe(report.logicModel.nodes.length);
    // the links are drawn between the boxes
    await expect.poll(() => page.locator('.ir-logic__links path').count()).toBeGreaterThan(5);
    for (const stage of Object.values(th.impactReport.stages)) {
      await expect.poll(() => page.getByRole('heading', { name: stage, exact: true }).count()).toBe(1);
    }
    expect(await page.getByTestId('ir-indicator').count()).toBe(report.indicators.length);
    expect(await page.locator('.ir-chart--indicator canvas').count()).toBe(report.indicators.length);
    const evaluative = report.sroi.evaluative;
    expect(await page.getByTestId('ir-gross-ratio').first().textContent()).toBe(evaluative?.ratioDisplay.th);
    expect(await page.getByText('svi-2012', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('ir-sensitivity').count()).toBe(2);
    await screenshot(page, 'impact-report-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'impact-report-390');

    const pdf = await page
      .context()
      .request.get(`${baseUrl}/api/projects/${projectId}/impact-report.pdf?lang=th`);
    expect(pdf.status()).toBe(200);
    const rendered = await renderPdf(browser, await pdf.body());
    const text = rendered.text.replace(/\u0E33\u0E32/g, '\u0E33').replace(/\s/g, '');
    for (const phrase of [
      th.impactReport.title,
      report.project.titleTh,
      th.impactReport.stages.input,
      report.logicModel.nodes[0]?.textTh ?? '',
      evaluative?.ratioDisplay.th ?? '',
      th.impactReport.sroi.netRatio,
    ]) {
      expect(text).toContain(phrase.replace(/\s/g, ''));
    }
    expect(rendered.inkRatio).toBeGreaterThan(0.005);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the unit's staff open the impact portfolio from the account menu and find the project's SROI there", async () => {
    const context = await signedInContext(browser, UNIT_EMAIL, DEMO_PASSWORD, '/');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByTestId('account-menu').click();
    await page.getByTestId('nav-impact-portfolio').click();
    await page.waitForURL(`${baseUrl}/impact/portfolio`);
    await expect.poll(() => page.getByTestId('ir-portfolio').count()).toBe(1);
    expect(await page.locator('.ir-chart--portfolio canvas').count()).toBe(1);
    await page.getByTestId('ir-by-province').click();
    await page.waitForURL(/by=province/);
    await expect.poll(() => page.getByText(th.impactReport.portfolio.severalNote).count()).toBe(1);
    const unit = await apiLogin(UNIT_EMAIL, DEMO_PASSWORD);
    const portfolio = await api<Portfolio>(unit, 'GET', '/api/impact/portfolio?by=programme');
    expect(portfolio.totals.sroi.aggregated).toBe(true);
    expect(portfolio.totals.sroi.assessmentCount).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'impact-portfolio-1280');
    // unit staff have no unit selector (the server keeps them to their unit)
    expect(await page.getByTestId('ir-unit-filter').count()).toBe(0);

    // a group's row opens its projects, each linking to its impact report; as many as the group counts
    await page.getByTestId('ir-by-programme').click();
    await page.waitForURL(/by=programme/);
    await expect.poll(() => page.getByTestId('ir-drill-toggle').count()).toBe(portfolio.groups.length);
    await page.getByTestId('ir-drill-toggle').first().click();
    expect(await page.getByTestId('ir-drill-toggle').first().getAttribute('aria-expanded')).toBe('true');
    await expect
      .poll(() => page.getByTestId('ir-drill-project').count())
      .toBe(portfolio.groups[0]?.projectCount);
    const links = await page
      .getByTestId('ir-drill-project')
      .locator('a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) {
      expect(href).toMatch(/^\/projects\/[0-9a-f-]{36}\/impact\/report$/);
    }
    await screenshot(page, 'impact-portfolio-drill-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'impact-portfolio-drill-390');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an officer filters the portfolio by driving unit and opens a group', async () => {
    const path = '/impact/portfolio?by=driving_unit';
    const context = await signedInContext(browser, OFFICER_EMAIL, DEMO_PASSWORD, path);
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    await expect.poll(() => page.getByTestId('ir-portfolio').count()).toBe(1);
    const all = await api<Portfolio>(officer, 'GET', '/api/impact/portfolio?by=driving_unit');
    const unitGroup = all.groups.find((g) => g.key !== null);
    expect(unitGroup, 'a driving unit with projects').toBeDefined();
    const select = page.getByTestId('ir-unit-filter');
    await expect.poll(() => select.locator('option').count()).toBeGreaterThan(1);
    await select.selectOption(unitGroup?.key ?? '');
    await page.waitForURL(/drivingUnitId=/);
    await expect.poll(() => page.getByTestId('ir-drill-toggle').count()).toBe(1);
    await page.getByTestId('ir-drill-toggle').click();
    await expect.poll(() => page.getByTestId('ir-drill-project').count()).toBe(unitGroup?.projectCount);
    await screenshot(page, 'impact-portfolio-unit-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'impact-portfolio-unit-390');
    expect(problems).toEqual([]);
    await context.close();
  });
});
