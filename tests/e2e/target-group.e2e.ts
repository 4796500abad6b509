import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ProvinceGroup, UpdateProvinceGroupBody } from '@shared/contracts/reference';
import { th } from '@shared/i18n/th';
import { signIn } from './accounts-helpers';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

const baseUrl = inject('baseUrl');

const DEMO_PASSWORD = 'demo-password-2569';
const ADMIN_EMAIL = 'admin@demo.si-platform.test';
const PAGE_PATH = '/admin/target-provinces';
const GROUP_PATH = '/api/reference/province-groups/poverty_target';
const CHIANG_MAI = 50;

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function readGroup(): Promise<ProvinceGroup> {
  const response = await fetch(`${baseUrl}${GROUP_PATH}`);
  expect(response.ok).toBe(true);
  return ((await response.json()) as { data: ProvinceGroup }).data;
}

function byRank(group: ProvinceGroup): ProvinceGroup['members'] {
  return [...group.members].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
}

/** Puts the group back as it was, with the signed-in page's session and CSRF token. */
async function putGroup(page: Page, body: UpdateProvinceGroupBody): Promise<number> {
  return page.evaluate(
    async ({ path, json }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { data: { csrfToken: string } };
      const response = await fetch(path, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.data.csrfToken },
        body: JSON.stringify(json),
      });
      return response.status;
    },
    { path: GROUP_PATH, json: body },
  );
}

describe('administrators edit the target province group (Thai)', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let original: ProvinceGroup;
  let changed = false;

  beforeAll(async () => {
    original = await readGroup();
    expect(original.members.some((m) => m.provinceCode === CHIANG_MAI)).toBe(false);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
    await page.goto(`${baseUrl}/login?next=${encodeURIComponent(PAGE_PATH)}`, { waitUntil: 'networkidle' });
    await signIn(page, ADMIN_EMAIL, DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}${PAGE_PATH}`);
  });
  afterAll(async () => {
    if (changed) {
      // Other suites rely on the seeded group: put it back exactly, even when a step failed.
      await putGroup(page, {
        nameTh: original.nameTh,
        nameEn: original.nameEn,
        descriptionTh: original.descriptionTh,
        descriptionEn: original.descriptionEn,
        source: original.source,
        members: original.members.map((m) => ({ provinceCode: m.provinceCode, rank: m.rank })),
      });
    }
    await context.close();
  });

  it('is linked from the account menu', async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByTestId('account-menu').click();
    await page.getByTestId('nav-target-group').click();
    await page.waitForURL(`${baseUrl}${PAGE_PATH}`);
    await page.getByRole('heading', { level: 1, name: th.targetGroup.title }).waitFor();
    await page.getByText(th.targetGroup.intro).waitFor();
  });

  it('adds Chiang Mai, moves it up one place and saves', async () => {
    const members = page.getByTestId('target-member');
    await members.first().waitFor();
    expect(await members.count()).toBe(original.members.length);
    await page.getByTestId('add-province').selectOption(String(CHIANG_MAI));
    await page.getByTestId('add-province-button').click();
    await page.getByRole('button', { name: th.targetGroup.moveUp.replace('{{name}}', 'เชียงใหม่') }).click();
    expect(await members.count()).toBe(original.members.length + 1);
    expect(await members.nth(original.members.length - 1).getAttribute('data-code')).toBe(String(CHIANG_MAI));
    // The keyboard stays on the moved province.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.code)).toBe(
      String(CHIANG_MAI),
    );
    changed = true;
    await page.getByRole('button', { name: th.targetGroup.save }).click();
    await page.getByRole('status').filter({ hasText: 'บันทึกกลุ่มจังหวัดเป้าหมายแล้ว' }).waitFor();
    await screenshot(page, 'target-group-th');
    expect(problems).toEqual([]);
  });

  it('the API lists Chiang Mai one place above the former last province', async () => {
    const ranked = byRank(await readGroup());
    const last = byRank(original).at(-1);
    expect(ranked).toHaveLength(original.members.length + 1);
    expect(ranked.find((m) => m.provinceCode === CHIANG_MAI)?.rank).toBe(original.members.length);
    expect(ranked.find((m) => m.provinceCode === last?.provinceCode)?.rank).toBe(original.members.length + 1);
  });

  it('fits a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('target-member').first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone_target-group-th');
  });

  it('restores the seeded group exactly', async () => {
    const status = await putGroup(page, {
      nameTh: original.nameTh,
      nameEn: original.nameEn,
      descriptionTh: original.descriptionTh,
      descriptionEn: original.descriptionEn,
      source: original.source,
      members: original.members.map((m) => ({ provinceCode: m.provinceCode, rank: m.rank })),
    });
    expect(status).toBe(200);
    changed = false;
    expect(await readGroup()).toEqual(original);
  });
});
