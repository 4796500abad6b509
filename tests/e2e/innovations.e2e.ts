import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { th } from '@shared/i18n/th';
import type { InnovationDetail } from '@shared/contracts/innovations';
import type { AdoptionDetail, InnovationDiffusion } from '@shared/contracts/diffusion';
import { bangkokDate } from '@shared/projects/plan';
import { registerVerified, signedInContext, unexpected, waitForMail } from './accounts-helpers';
import { api, apiLogin, DEMO_PASSWORD, OFFICER_EMAIL, type ApiSession } from './api-client';
import { awardProjectViaApi, closeProjectViaApi } from './project-helpers';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

const baseUrl = inject('baseUrl');
const stamp = Date.now();

/** Spaced as a person might title it; searched below typed as Thai is usually typed, without spaces. */
const TITLE = 'เตาเผาถ่าน ไร้ควัน ลดหมอกควันภาคเหนือ';
const QUERY = 'เตาเผาถ่านไร้ควัน';
const PATTANI = 94;
const NAN = 55;

const grantee = {
  name: 'บุญมี ทองคำ',
  email: `e2e-in-owner-${stamp}@example.org`,
  password: 'เตาเผาถ่าน-ไร้ควัน-2569',
};
const localGovernment = {
  name: 'อารีฟีน ดอเลาะ',
  email: `e2e-in-lg-${stamp}@example.org`,
  password: 'เทศบาล-บานา-2569',
};

let browser: Browser;
let officer: ApiSession;
let innovationId = '';
let lgOrganisationId = '';

async function diffusion(): Promise<InnovationDiffusion> {
  return api<InnovationDiffusion>(officer, 'GET', `/api/innovations/${innovationId}/diffusion`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  const awarded = await awardProjectViaApi(officer, {
    stamp,
    callCode: 'EIN',
    title: TITLE,
    summary: 'เตาเผาถ่านแบบปิดที่ชุมชนสร้างเองได้ เผาถ่านได้มากขึ้นและไม่มีควันไฟฟุ้งในหมู่บ้าน',
    applicant: grantee,
    organisationName: `วิสาหกิจชุมชนเตาถ่านบ้านสะจุก ${stamp}`,
    provinceCode: NAN,
    awardBaht: 200_000,
  });
  const closed = await closeProjectViaApi(officer, awarded, grantee.name, {
    narrative: 'ชุมชนสร้างเตาเผาถ่านไร้ควัน 12 เตา ควันในหมู่บ้านลดลงชัดเจนและขายน้ำส้มควันไม้ได้',
    srlLevel: 7,
    lessonsLearned: 'ให้ช่างชุมชนเป็นผู้สอนต่อ ค่าใช้จ่ายต่ำกว่าจ้างช่างจากนอกพื้นที่',
    scalingRecommendations: [
      {
        area: 'หมู่บ้านที่เผาถ่านใช้เองและมีปัญหาหมอกควัน',
        provinceCodes: [55, 57, 58],
        recommendation: 'เริ่มจากเตาต้นแบบหนึ่งเตาที่ศูนย์เรียนรู้ของหมู่บ้าน',
        conditions: '',
      },
    ],
  });
  expect(closed.status).toBe('closed');
  innovationId = closed.innovationId ?? '';
  expect(innovationId).not.toBe('');

  await registerVerified(localGovernment);
  const lg = await apiLogin(localGovernment.email, localGovernment.password);
  const organisation = await api<{ id: string }>(lg, 'POST', '/api/organisations', {
    nameTh: `เทศบาลตำบลบานา ${stamp}`,
    type: 'local_government',
    provinceCode: PATTANI,
  });
  lgOrganisationId = organisation.id;
});

afterAll(async () => {
  await browser.close();
});

describe('innovation catalogue: closed project → published → found in Thai → adopted → diffusion', () => {
  const contexts: BrowserContext[] = [];

  async function open(context: BrowserContext, path: string): Promise<[Page, string[]]> {
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    return [page, problems];
  }

  async function signedIn(email: string, password: string, path: string): Promise<[Page, string[]]> {
    const context = await signedInContext(browser, email, password, path);
    contexts.push(context);
    return open(context, path);
  }

  afterAll(async () => {
    for (const context of contexts) {
      await context.close();
    }
  });

  it('close-out made a draft entry from the project; the officer completes and publishes it', async () => {
    const draft = await api<InnovationDetail>(officer, 'GET', `/api/innovations/${innovationId}`);
    expect(draft.status).toBe('draft');
    expect(draft.titleTh).toBe(TITLE);
    expect(draft.srl).toBe(7);
    expect(draft.srlHistory.map((h) => h.source)).toContain('close_out');

    const completed = await api<InnovationDetail>(officer, 'PATCH', `/api/innovations/${innovationId}`, {
      version: draft.version,
      themes: ['environment'],
      originProvinceCode: NAN,
    });
    const ready = await api<InnovationDetail>(
      officer,
      'PUT',
      `/api/innovations/${innovationId}/adoption-package`,
      {
        version: completed.version,
        isDiffusionReady: true,
        adoptionPackage: {
          steps: [
            { titleTh: 'ดูงานเตาต้นแบบที่บ้านสะจุก', weeks: 1 },
            { titleTh: 'ช่างชุมชนสอนก่อเตาและทดลองเผา', weeks: 3 },
          ],
          costs: [{ itemTh: 'อิฐทนไฟและถังเหล็ก', amountSatang: 1_800_000 }],
        },
      },
    );
    expect(ready.isDiffusionReady).toBe(true);

    const [page, problems] = await signedIn(
      OFFICER_EMAIL,
      DEMO_PASSWORD,
      `/innovations/${innovationId}/edit`,
    );
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('innovation-publish').click();
    await expect
      .poll(
        async () => (await api<InnovationDetail>(officer, 'GET', `/api/innovations/${innovationId}`)).status,
      )
      .toBe('published');
    expect(unexpected(problems)).toEqual([]);
  });

  it('a visitor finds it with a Thai query typed without spaces, and opens its page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const [page, problems] = await open(context, '/innovations');
    await page.getByTestId('catalogue-search').fill(QUERY);
    await page.getByTestId('catalogue-search').press('Enter');
    await expect
      .poll(async () => (await page.getByTestId('catalogue-card').allTextContents()).slice(0, 3).join('\n'))
      .toContain('เตาเผาถ่าน');
    const card = page.getByTestId('catalogue-card').filter({ hasText: 'ลดหมอกควันภาคเหนือ' });
    await expect.poll(() => card.locator('mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'innovations-search-th');

    await card.getByRole('link').first().click();
    await page.waitForURL(`${baseUrl}/innovations/${innovationId}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('ไร้ควัน');
    expect(await page.title()).toContain('เตาเผาถ่าน');
    const html = await (await fetch(`${baseUrl}/innovations/${innovationId}`)).text();
    expect(html).toContain('<meta property="og:title"');
    expect(html).toContain('ลดหมอกควันภาคเหนือ');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'innovations-page-390');
    expect(unexpected(problems)).toEqual([]);
  });

  it('a local government expresses interest, which opens an adoption at “interested” and tells the owners', async () => {
    const [page, problems] = await signedIn(
      localGovernment.email,
      localGovernment.password,
      `/innovations/${innovationId}`,
    );
    await page.getByTestId('interest-open').click();
    const dialog = page.getByTestId('interest-dialog');
    await dialog.getByTestId('interest-organisation').selectOption(lgOrganisationId);
    await dialog.getByTestId('interest-site-provinceCode').selectOption(String(PATTANI));
    await dialog.getByTestId('interest-note').fill('อยากลดควันจากการเผาถ่านในชุมชนริมป่าพรุ');
    await dialog.getByRole('button', { name: th.needs.interest.send }).click();
    await expect.poll(() => page.getByTestId('interest-done').count()).toBe(1);
    await screenshot(page, 'innovations-interest-th');

    const opened = await diffusion();
    expect(opened.adoptions).toHaveLength(1);
    expect(opened.adoptions[0]?.status).toBe('interested');
    expect(opened.adoptions[0]?.provinceCode).toBe(PATTANI);
    await waitForMail(grantee.email, { containing: `/adoptions/${opened.adoptions[0]?.id}` });
    expect(unexpected(problems)).toEqual([]);
  });

  it('the adopter moves the adoption to “adopted”; the metrics and the map follow', async () => {
    const adoptionId = (await diffusion()).adoptions[0]?.id ?? '';
    const lg = await apiLogin(localGovernment.email, localGovernment.password);
    const today = bangkokDate(new Date());
    for (const toStatus of ['planning', 'implementing'] as const) {
      const current = await api<AdoptionDetail>(lg, 'GET', `/api/adoptions/${adoptionId}`);
      await api(lg, 'POST', `/api/adoptions/${adoptionId}/status`, {
        version: current.version,
        toStatus,
        occurredOn: today,
      });
    }

    const [page, problems] = await signedIn(
      localGovernment.email,
      localGovernment.password,
      `/adoptions/${adoptionId}`,
    );
    await page.getByTestId('status-dialog-open').click();
    await page.getByTestId('status-adopted').check();
    await page.getByTestId('status-save').click();
    await expect
      .poll(async () => (await api<AdoptionDetail>(lg, 'GET', `/api/adoptions/${adoptionId}`)).status)
      .toBe('adopted');
    await expect.poll(() => page.getByTestId('adoption-timeline').locator('li').count()).toBe(4);
    await screenshot(page, 'innovations-adoption-th');

    const after = await diffusion();
    expect(after.metrics.sites).toBe(1);
    expect(after.metrics.adoptedSites).toBe(1);
    expect(after.metrics.provincesReached).toBe(1);
    expect(after.metrics.targetGroupShare).toBe(1);
    expect(after.metrics.medianDaysToAdopt).toBe(0);

    await page.goto(`${baseUrl}/innovations/${innovationId}`, { waitUntil: 'networkidle' });
    const metrics = page.getByTestId('diffusion-metrics');
    await expect
      .poll(() => metrics.locator('[data-metric="sites"] .df-metric__value').textContent())
      .toBe('1');
    await expect
      .poll(() => metrics.locator('[data-metric="provinces"] .df-metric__value').textContent())
      .toBe('1');
    await expect.poll(() => page.getByTestId('diffusion-map').count()).toBe(1);
    await expect.poll(() => page.getByTestId('adoption-list').textContent()).toContain('เทศบาลตำบลบานา');
    await screenshot(page, 'innovations-diffusion-th');
    expect(unexpected(problems)).toEqual([]);
  });
});
