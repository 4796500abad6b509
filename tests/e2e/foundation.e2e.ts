import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROGRAMMES } from '@shared/reference/programmes';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function openPage(context: BrowserContext, path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
  return { page, problems };
}

describe('first journey: home in Thai → English → a province → the map', () => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await context.close();
  });

  it('shows the home page in Thai with the programmes of the plan', async () => {
    const { page, problems } = await openPage(context, '/');
    expect(await page.getAttribute('html', 'lang')).toBe('th');
    await expect(page.locator('h1').first().textContent()).resolves.toMatch(/[\u0E00-\u0E7F]/);
    for (const programme of PROGRAMMES) {
      await page.getByText(programme.nameTh, { exact: false }).first().waitFor();
    }
    await screenshot(page, 'home-th');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches to English, and the choice persists across a reload', async () => {
    const { page, problems } = await openPage(context, '/');
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    for (const programme of PROGRAMMES) {
      await page.getByText(programme.nameEn, { exact: false }).first().waitFor();
    }
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const cookies = await context.cookies(baseUrl);
    expect(cookies.find((c) => c.name === 'lang')?.value).toBe('en');
    await screenshot(page, 'home-en');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens a province page from the explorer, with its districts and indicators', async () => {
    const { page, problems } = await openPage(context, '/provinces');
    await page.locator('a[href="/provinces/58"]').first().click();
    await page.waitForURL(`${baseUrl}/provinces/58`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Mae Hong Son' }).waitFor();
    const districts = (await (await fetch(`${baseUrl}/api/geo/provinces/58/districts`)).json()) as {
      data: Array<{ nameEn: string }>;
    };
    expect(districts.data.length).toBe(7);
    for (const district of districts.data) {
      await page.getByText(district.nameEn, { exact: false }).first().waitFor();
    }
    await page.locator('a[href^="https://nso.go.th"]').first().waitFor();
    await screenshot(page, 'province-58-en');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders the province map with data, and a province opens its page', async () => {
    const { page, problems } = await openPage(context, '/map');
    const map = page.getByTestId('province-map');
    await map.waitFor();
    await page.waitForFunction(
      () => {
        const root = document.querySelector('[data-testid="province-map"]');
        const canvas = root?.querySelector('canvas');
        if (canvas) {
          const ctx = canvas.getContext('2d');
          if (!ctx || canvas.width === 0) {
            return false;
          }
          const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
          const colours = new Set<number>();
          for (let i = 0; i < data.length; i += 4 * 97) {
            colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
          }
          return colours.size > 5;
        }
        return (root?.querySelectorAll('svg [data-province]').length ?? 0) >= 77;
      },
      undefined,
      { timeout: 20_000 },
    );
    await screenshot(page, 'map-en');
    await page.locator('a[href="/provinces/94"]').first().click();
    await page.waitForURL(`${baseUrl}/provinces/94`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('phone width (360 px)', () => {
  it.each(['/', '/provinces', '/provinces/10', '/map', '/programmes'])(
    '%s fits without horizontal scrolling',
    async (path) => {
      const context = await browser.newContext({
        viewport: { width: 360, height: 740 },
        isMobile: true,
        hasTouch: true,
      });
      const { page, problems } = await openPage(context, path);
      await page.locator('h1').first().waitFor();
      expect(await overflowsHorizontally(page)).toBe(false);
      await screenshot(page, `phone${path.replace(/\//g, '_') || '_home'}`);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

describe('API documentation', () => {
  it('renders the OpenAPI operations under the strict CSP', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context, '/api/docs/');
    // Swagger UI renders tag sections as they scroll into view: scroll until more than ten operations are on the page.
    await page.locator('.opblock').first().waitFor({ timeout: 20_000 });
    for (let tries = 0; tries < 40 && (await page.locator('.opblock').count()) <= 10; tries += 1) {
      await page.mouse.wheel(0, 2000);
      await page.waitForTimeout(100);
    }
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    await screenshot(page, 'api-docs');
    expect(problems).toEqual([]);
    await context.close();
  });
});
