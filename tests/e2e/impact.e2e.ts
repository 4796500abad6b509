import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en } from '@shared/i18n/en';
import { th } from '@shared/i18n/th';
import type { FinancialProxyList, ImpactIndicatorList } from '@shared/contracts/impact-library';
import type { LogicModel, LogicStage, ProjectIndicators } from '@shared/contracts/impact-project';
import type { ImpactReport, Portfolio } from '@shared/contracts/impact-report';
import type { ProjectDetail } from '@shared/contracts/projects';
import {
  SroiAssessmentModelSchema,
  type SroiAssessmentDetail,
  type SroiAssessmentModel,
} from '@shared/contracts/sroi-assessments';
import { calculateSroi } from '@shared/impact/sroi';
import { toEngineModel } from '@shared/impact/sroi-assessment';
import { signedInContext } from './accounts-helpers';
import { api, apiLogin, DEMO_PASSWORD, OFFICER_EMAIL, type ApiSession } from './api-client';
import { awardProjectViaApi, BAHT, EVIDENCE_PDF } from './project-helpers';
import { launchBrowser, overflowsHorizontally, screenshot, SCREENSHOT_DIR, watchProblems } from './browser';
import { renderPdf } from './pdf-render';

const baseUrl = inject('baseUrl');
const stamp = Date.now();

const TITLE = `ผักปลอดสารในครัวเรือน ลดรายจ่ายค่าอาหาร ${stamp}`;
const grantee = {
  name: 'มาลี ศรีสุข',
  email: `e2e-im-owner-${stamp}@example.org`,
  password: 'ผักปลอดสาร-บ้านนา-2569',
};

/** One box per stage of the impact pathway, each leading to the box of the next stage. */
const BOXES: Record<LogicStage, { th: string; en: string }> = {
  input: { th: 'ทุนสนับสนุนและเมล็ดพันธุ์', en: 'Grant and seeds' },
  activity: { th: 'อบรมการปลูกผักอินทรีย์', en: 'Organic vegetable training' },
  output: { th: 'แปลงผักครัวเรือน 60 แปลง', en: 'Sixty household plots' },
  user: { th: 'ครัวเรือนที่ปลูกผักกินเอง', en: 'Households growing vegetables' },
  outcome: { th: 'ครัวเรือนลดรายจ่ายค่าผัก', en: 'Households spend less on vegetables' },
  impact: { th: 'ครอบครัวมีอาหารปลอดภัยตลอดปี', en: 'Families eat safe food all year' },
};
const STAGES = Object.keys(BOXES) as LogicStage[];

const INDICATOR_CODE = 'REA-01';
const PROXY_CODE = 'FP-VEG-KG';
const INPUT_BAHT = 250_000;
const OUTCOME = { quantity: 6_000, duration: 3, deadweight: 20, attribution: 10, dropoff: 25 };

let browser: Browser;
let officer: ApiSession;
let owner: ApiSession;
let projectId = '';
let assessmentId = '';
let programme: { id: string; nameTh: string };
let portfolioBefore: Portfolio;

const project = () => api<ProjectDetail>(officer, 'GET', `/api/projects/${projectId}`);
const logicModel = () => api<LogicModel>(owner, 'GET', `/api/projects/${projectId}/logic-model`);
const indicators = () => api<ProjectIndicators>(owner, 'GET', `/api/projects/${projectId}/indicators`);
const assessment = () => api<SroiAssessmentDetail>(officer, 'GET', `/api/sroi-assessments/${assessmentId}`);
const portfolio = () => api<Portfolio>(officer, 'GET', '/api/impact/portfolio?by=programme');

/** What pdf.js extracts from Thai, without spaces and with its doubled sara am undone. */
const flat = (text: string) => text.replace(/\u0E33\u0E32/g, '\u0E33').replace(/\s/g, '');

beforeAll(async () => {
  browser = await launchBrowser();
  officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  const awarded = await awardProjectViaApi(officer, {
    stamp,
    callCode: 'EIM',
    title: TITLE,
    summary: 'ครัวเรือนปลูกผักปลอดสารกินเองและแบ่งขาย ลดรายจ่ายค่าอาหารและได้อาหารปลอดภัย',
    applicant: grantee,
    organisationName: `วิสาหกิจชุมชนผักปลอดสารบ้านนา ${stamp}`,
    provinceCode: 40,
    awardBaht: INPUT_BAHT,
  });
  projectId = awarded.projectId;
  owner = awarded.owner;
  // the agreement issued and signed: the project is active, so values can be entered
  let detail = await project();
  const base = `/api/projects/${projectId}`;
  detail = await api<ProjectDetail>(officer, 'POST', `${base}/agreement/issue`, { version: detail.version });
  detail = await api<ProjectDetail>(owner, 'POST', `${base}/agreement/accept`, {
    version: detail.version,
    signedName: grantee.name,
    confirm: true,
    agreementSha256: detail.agreement.sha256,
  });
  expect(detail.status).toBe('active');
  programme = await api<{ id: string; nameTh: string }>(officer, 'GET', '/api/programmes/sectoral');
});

afterAll(async () => {
  await browser.close();
});

describe('impact: logic model and actuals → verified → SROI in the editor → report and PDF → portfolio', () => {
  const contexts: BrowserContext[] = [];

  async function pageAs(email: string, password: string, to: string): Promise<[Page, string[]]> {
    const context = await signedInContext(browser, email, password, to);
    contexts.push(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}${to}`, { waitUntil: 'networkidle' });
    return [page, problems];
  }

  async function narrow(page: Page, name: string): Promise<void> {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page), `${name} overflows at 390 px`).toBe(false);
    await screenshot(page, `${name}-390`);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
  });

  it('the grantee builds the logic model, adds a library indicator, records an actual with evidence', async () => {
    const [page, problems] = await pageAs(grantee.email, grantee.password, `/projects/${projectId}`);
    await page.getByTestId('project-impact-card').getByTestId('impact-page-link').click();
    await page.waitForURL(`${baseUrl}/projects/${projectId}/impact`);

    // the logic model: one box in each of the six stages, each linked to the next stage's box
    await page.getByTestId('logic-edit').click();
    const editor = page.getByTestId('logic-model-editor');
    for (const stage of STAGES) {
      await editor.getByTestId(`logic-add-${stage}`).click();
      const box = editor.locator(`[data-stage="${stage}"]`).getByTestId('logic-box');
      await box.getByTestId('logic-box-th').fill(BOXES[stage].th);
      await box.locator('input[lang="en"]').fill(BOXES[stage].en);
    }
    for (const [i, stage] of STAGES.slice(0, -1).entries()) {
      const next = STAGES[i + 1] as LogicStage;
      const box = editor.locator(`[data-stage="${stage}"]`).getByTestId('logic-box');
      await box.locator('summary').click();
      await box.getByLabel(BOXES[next].th).check();
    }
    await screenshot(page, 'impact-logic-editor-1280');
    await narrow(page, 'impact-logic-editor');
    await page.getByTestId('logic-save').click();
    await expect.poll(async () => (await logicModel()).nodes.length).toBe(6);
    const nodes = (await logicModel()).nodes;
    const byStage = new Map(nodes.map((n) => [n.stage, n]));
    for (const [i, stage] of STAGES.entries()) {
      const node = byStage.get(stage);
      expect(node?.textTh).toBe(BOXES[stage].th);
      expect(node?.textEn).toBe(BOXES[stage].en);
      const next = STAGES[i + 1];
      expect(node?.links).toEqual(next ? [byStage.get(next)?.id] : []);
    }
    await expect.poll(() => page.getByTestId('logic-model-view').locator('.ip-box').count()).toBe(6);

    // an indicator from the library, measuring the outcome box, with baseline and target
    const library = await api<ImpactIndicatorList['data']>(
      owner,
      'GET',
      `/api/impact-indicators?q=${INDICATOR_CODE}&active=true`,
    );
    const starter = library.find((i) => i.code === INDICATOR_CODE);
    expect(starter, `${INDICATOR_CODE} in the indicator library`).toBeDefined();
    await page.getByTestId('indicator-add').click();
    const form = page.getByTestId('indicator-add-form');
    await form.getByTestId('indicator-picker-search').fill(INDICATOR_CODE);
    await form.getByTestId(`indicator-picker-option-${INDICATOR_CODE}`).click();
    await form
      .getByLabel(th.impactProject.ui.indicators.logicNode)
      .selectOption({ label: `${th.impactProject.ui.stage.outcome}: ${BOXES.outcome.th}` });
    await form.getByTestId('indicator-baseline').fill('0');
    await form.getByTestId('indicator-target').fill('120');
    await form.getByTestId('indicator-create').click();
    await expect.poll(async () => (await indicators()).indicators.length).toBe(1);
    const added = (await indicators()).indicators[0];
    expect(added?.code).toBe(INDICATOR_CODE);
    expect(added?.indicatorId).toBe(starter?.id);
    expect(added?.logicNodeId).toBe(byStage.get('outcome')?.id);
    expect([added?.baseline, added?.target]).toEqual([0, 120]);

    // an actual for the first reporting period, then its evidence
    const card = page.getByTestId('indicator-card');
    await card.getByTestId('value-add').click();
    await card.getByTestId('value-period').selectOption({ index: 1 });
    await card.getByTestId('value-number').fill('84');
    await card.getByTestId('value-save').click();
    await expect.poll(async () => (await indicators()).indicators[0]?.values.length).toBe(1);
    const periods = (await indicators()).periods;
    const entered = (await indicators()).indicators[0]?.values[0];
    expect(entered?.value).toBe(84);
    expect(entered?.status).toBe('submitted');
    expect(entered?.periodEnd).toBe(periods[0]?.periodEnd);
    await card.getByTestId('value-upload').setInputFiles({
      name: 'รายชื่อครัวเรือนผู้รับประโยชน์.pdf',
      mimeType: 'application/pdf',
      buffer: EVIDENCE_PDF,
    });
    await expect
      .poll(async () => (await indicators()).indicators[0]?.values[0]?.files.map((f) => f.fileName))
      .toEqual(['รายชื่อครัวเรือนผู้รับประโยชน์.pdf']);
    await expect.poll(() => card.locator('.ip-files a').count()).toBe(1);
    await expect.poll(() => card.getByTestId('indicator-actual').textContent()).toBe('84');
    await screenshot(page, 'impact-page-grantee-1280');
    await narrow(page, 'impact-page-grantee');
    expect(problems).toEqual([]);
  });

  it('the programme officer verifies the actual', async () => {
    const [page, problems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, `/projects/${projectId}/impact`);
    const row = page.getByTestId('value-row');
    await expect.poll(() => row.getAttribute('data-status')).toBe('submitted');
    await row.getByTestId('value-verify').click();
    await expect.poll(async () => (await indicators()).indicators[0]?.values[0]?.status).toBe('verified');
    await expect.poll(() => page.getByTestId('value-row').getAttribute('data-status')).toBe('verified');
    await screenshot(page, 'impact-page-officer-1280');
    expect(problems).toEqual([]);
  });

  it('the grantee builds an evaluative SROI assessment in the editor with live results; the officer finalises it', async () => {
    const [page, problems] = await pageAs(grantee.email, grantee.password, `/projects/${projectId}/impact`);
    await page.getByTestId('sr-start-evaluative').click();
    await page.waitForURL(new RegExp(`/projects/${projectId}/sroi/[0-9a-f-]{36}$`));
    assessmentId = page.url().split('/').pop() ?? '';
    await expect.poll(() => page.getByTestId('sr-editor').count()).toBe(1);

    const proxies = await api<FinancialProxyList['data']>(
      owner,
      'GET',
      `/api/financial-proxies?q=${PROXY_CODE}`,
    );
    const proxy = proxies.find((p) => p.code === PROXY_CODE);
    expect(proxy, `${PROXY_CODE} in the proxy library`).toBeDefined();

    const stakeholder = 'ครัวเรือนที่ปลูกผักกินเอง';
    await page.getByTestId('sr-add-stakeholder').click();
    await page.locator('#sr-stakeholders-0-name').fill(stakeholder);
    await page.getByTestId('sr-add-input').click();
    await page.locator('#sr-inputs-0-label').fill('ทุนสนับสนุนโครงการ');
    await page.getByTestId('sr-input-0-value').fill(INPUT_BAHT.toLocaleString('en-US'));
    await page.getByTestId('sr-add-outcome').click();
    await page.getByTestId('sr-outcome-0-description').fill('ครัวเรือนซื้อผักน้อยลงเพราะปลูกกินเอง');
    await page.getByTestId('sr-outcome-0-quantity').fill(String(OUTCOME.quantity));
    await page.getByTestId('sr-outcome-0-duration').fill(String(OUTCOME.duration));
    await page.getByTestId('sr-outcome-0-pick').click();
    await page.getByTestId('sr-proxy-picker-0-search').fill('ผักที่ปลูกกินเอง');
    await page.getByTestId(`sr-proxy-picker-0-option-${PROXY_CODE}`).click();

    // what the same engine gives for the same map, converted as the editor converts it
    const model = (deductions: boolean): SroiAssessmentModel =>
      SroiAssessmentModelSchema.parse({
        stakeholders: [{ id: 'S1', name: stakeholder }],
        inputs: [{ label: 'ทุนสนับสนุนโครงการ', valueSatang: INPUT_BAHT * BAHT, year: 0 }],
        outcomes: [
          {
            id: 'O1',
            stakeholderId: 'S1',
            quantity: OUTCOME.quantity,
            duration: OUTCOME.duration,
            proxySatang: proxy?.valueSatang,
            ...(deductions
              ? {
                  deadweight: OUTCOME.deadweight / 100,
                  attribution: OUTCOME.attribution / 100,
                  dropoff: OUTCOME.dropoff / 100,
                }
              : {}),
          },
        ],
      });
    const gross = calculateSroi(toEngineModel(model(false)));
    await expect.poll(() => page.getByTestId('sr-headline-ratio').textContent()).toBe(gross.ratioDisplay.th);
    await expect.poll(() => page.getByTestId('sr-bar-ratio').textContent()).toBe(gross.ratioDisplay.th);

    await page.getByTestId('sr-outcome-0-deadweight').fill(String(OUTCOME.deadweight));
    await page.getByTestId('sr-outcome-0-attribution').fill(String(OUTCOME.attribution));
    await page.getByTestId('sr-outcome-0-dropoff').fill(String(OUTCOME.dropoff));
    const expected = calculateSroi(toEngineModel(model(true)));
    expect(expected.ratioDisplay.th).not.toBe(gross.ratioDisplay.th);
    await expect
      .poll(() => page.getByTestId('sr-headline-ratio').textContent())
      .toBe(expected.ratioDisplay.th);
    await expect.poll(() => page.getByTestId('sr-bar-ratio').textContent()).toBe(expected.ratioDisplay.th);
    expect(await page.getByTestId('sr-headline-convention').textContent()).toContain('SVI');
    await screenshot(page, 'impact-sroi-editor-1280');
    await narrow(page, 'impact-sroi-editor');

    await page.getByTestId('sr-save').click();
    await expect.poll(async () => (await assessment()).version).toBeGreaterThan(1);
    const saved = await assessment();
    expect(saved.issues).toEqual([]);
    expect(saved.model.outcomes[0]?.proxyId).toBe(proxy?.id);
    expect(saved.model.outcomes[0]?.proxySource).toBe(proxy?.sourceTitle);
    expect(saved.result?.ratioDisplay.th).toBe(expected.ratioDisplay.th);
    expect(saved.result?.ratio).toBeCloseTo(expected.ratio, 10);
    expect(problems).toEqual([]);

    portfolioBefore = await portfolio();
    const [officerPage, officerProblems] = await pageAs(
      OFFICER_EMAIL,
      DEMO_PASSWORD,
      `/projects/${projectId}/sroi/${assessmentId}`,
    );
    await officerPage.getByTestId('sr-finalise').click();
    await expect.poll(async () => (await assessment()).status).toBe('final');
    await expect.poll(() => officerPage.getByTestId('sr-frozen').count()).toBe(1);
    expect(officerProblems).toEqual([]);
  });

  it("the project's impact report renders on the web and as a Thai and an English PDF", async () => {
    const final = await assessment();
    const ratio = final.result?.ratioDisplay.th ?? '';
    expect(ratio).not.toBe('');
    const [page, problems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, `/projects/${projectId}/impact`);
    await page.getByTestId('impact-report-link').click();
    await page.waitForURL(`${baseUrl}/projects/${projectId}/impact/report`);
    await expect.poll(() => page.locator('.ir-logic__box').count()).toBe(6);
    await expect.poll(() => page.locator('.ir-logic__links path').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.ir-logic').textContent()).toContain(BOXES.outcome.th);
    expect(await page.getByTestId('ir-indicator').count()).toBe(1);
    await expect.poll(() => page.locator('.ir-chart--indicator canvas').count()).toBe(1);
    expect(await page.getByTestId('ir-indicator').textContent()).toContain(INDICATOR_CODE);
    expect(await page.getByTestId('ir-gross-ratio').allTextContents()).toEqual([ratio]);
    expect(await page.getByText('svi-2012', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('.ir-facts').textContent()).toContain(programme.nameTh);
    const report = await api<ImpactReport>(officer, 'GET', `/api/projects/${projectId}/impact-report`);
    expect(report.sroi.evaluative?.ratioDisplay.th).toBe(ratio);
    await screenshot(page, 'impact-report-project-1280');
    await narrow(page, 'impact-report-project');

    const thai = await page
      .context()
      .request.get(`${baseUrl}/api/projects/${projectId}/impact-report.pdf?lang=th`);
    expect(thai.status()).toBe(200);
    const renderedTh = await renderPdf(browser, await thai.body());
    const textTh = flat(renderedTh.text);
    for (const phrase of [th.impactReport.title, TITLE, BOXES.outcome.th, ratio, 'svi-2012']) {
      expect(textTh).toContain(flat(phrase));
    }
    expect(renderedTh.inkRatio).toBeGreaterThan(0.005);
    writeFileSync(path.join(SCREENSHOT_DIR, 'impact-report-pdf-th.png'), renderedTh.png);

    const english = await page
      .context()
      .request.get(`${baseUrl}/api/projects/${projectId}/impact-report.pdf?lang=en`);
    expect(english.status()).toBe(200);
    const renderedEn = await renderPdf(browser, await english.body());
    const textEn = flat(renderedEn.text);
    for (const phrase of [
      en.impactReport.title,
      BOXES.outcome.en,
      en.impactReport.sroi.netRatio,
      final.result?.ratioDisplay.uk ?? '-',
    ]) {
      expect(textEn).toContain(flat(phrase));
    }
    expect(renderedEn.inkRatio).toBeGreaterThan(0.005);
    writeFileSync(path.join(SCREENSHOT_DIR, 'impact-report-pdf-en.png'), renderedEn.png);
    expect(problems).toEqual([]);
  });

  it('the programme portfolio counts the new assessment in its programme', async () => {
    const after = await portfolio();
    const before = portfolioBefore.groups.find((g) => g.key === programme.id);
    const row = after.groups.find((g) => g.key === programme.id);
    expect(row, 'the Sectoral programme in the portfolio').toBeDefined();
    expect(row?.sroi.aggregated).toBe(true);
    expect(row?.sroi.assessmentCount).toBe((before?.sroi.assessmentCount ?? 0) + 1);
    expect(row?.sroi.evaluativeCount).toBe((before?.sroi.evaluativeCount ?? 0) + 1);
    expect(row?.sroi.ratio).not.toBeNull();
    expect(after.totals.sroi.assessmentCount).toBe(portfolioBefore.totals.sroi.assessmentCount + 1);

    const [page, problems] = await pageAs(OFFICER_EMAIL, DEMO_PASSWORD, '/impact/portfolio');
    await expect.poll(() => page.getByTestId('ir-portfolio').count()).toBe(1);
    expect(await page.getByTestId('ir-by-programme').getAttribute('aria-pressed')).toBe('true');
    const tableRow = page
      .getByTestId('ir-portfolio')
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: programme.nameTh, exact: true }) });
    await expect.poll(() => tableRow.count()).toBe(1);
    const text = (await tableRow.textContent()) ?? '';
    expect(text).toContain(`1 : ${row?.sroi.ratio?.toFixed(2)}`);
    expect(text).toContain(String(row?.sroi.assessmentCount));
    await screenshot(page, 'impact-portfolio-programme-1280');
    expect(problems).toEqual([]);
  });
});
