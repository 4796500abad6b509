import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

/**
 * Accessibility of every public page (WCAG 2.1 AA): axe-core, injected into the page, finds no serious or critical
 * violation at desktop (1280 px) and phone (390 px) widths. The records behind the detail pages come from the public
 * API of the demo content the suite's server loaded.
 */

const baseUrl = inject('baseUrl');
const AXE_SOURCE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const WIDTHS = [1280, 390] as const;

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { accept: 'application/json' } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** The id of the first record of a public list (`{ data: [...] }`), or null when the list is empty. */
async function firstId(path: string, key: 'id' | 'code' | 'slug' = 'id'): Promise<string | null> {
  const body = await getJson<{ data: Array<Record<string, unknown>> }>(path);
  const value = body.data[0]?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** Every public page of the platform, with the demo content's records for the detail pages. */
async function publicPages(): Promise<string[]> {
  const [call, closedCall, innovation, partner, resource, event, contest, person, unit, need, programme] =
    await Promise.all([
      firstId('/api/calls'),
      firstId('/api/calls?phase=closed'),
      firstId('/api/innovations'),
      firstId('/api/partners'),
      firstId('/api/knowledge'),
      firstId('/api/activities'),
      firstId('/api/contests'),
      firstId('/api/personnel'),
      firstId('/api/driving-units'),
      firstId('/api/needs'),
      firstId('/api/programmes', 'slug'),
    ]);
  const diffusion = await getJson<{
    data: { adoptions: Array<{ id: string; village: { id: string } | null }> };
  }>('/api/diffusion');
  const adoption = diffusion.data.adoptions[0];
  const village = diffusion.data.adoptions.find((a) => a.village)?.village;
  const pages = [
    '/',
    '/programmes',
    '/provinces',
    '/provinces/58',
    '/map',
    '/calls',
    '/calls?phase=closed',
    '/innovations',
    '/coverage',
    '/coverage/58',
    '/impact',
    '/open-data',
    '/diffusion',
    '/events',
    '/network',
    '/network/graph',
    '/knowledge',
    '/needs',
    '/needs/new',
    '/contests',
    '/personnel',
    '/units',
    '/certificates',
    '/contests/certificates',
    '/login',
    '/register',
    '/forgot-password',
    '/no-such-page',
    ...(programme ? [`/programmes/${programme}`] : []),
    ...(call ? [`/calls/${call}`] : []),
    ...(closedCall ? [`/calls/${closedCall}/results`] : []),
    ...(innovation ? [`/innovations/${innovation}`] : []),
    ...(partner ? [`/network/partners/${partner}`] : []),
    ...(resource ? [`/knowledge/${resource}`] : []),
    ...(event ? [`/events/${event}`] : []),
    ...(contest ? [`/contests/${contest}`, `/contests/${contest}/winners`] : []),
    ...(person ? [`/personnel/${person}`] : []),
    ...(unit ? [`/units/${unit}`] : []),
    ...(need ? [`/needs/${need}`] : []),
    ...(adoption ? [`/adoptions/${adoption.id}`] : []),
    ...(village ? [`/villages/${village.id}`] : []),
  ];
  return pages;
}

/** Waits for the page to settle: the network idle, no loading indicator, a level-one heading. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 20_000 });
  await page
    .waitForFunction(() => !document.querySelector('[aria-busy="true"], .state--loading'), undefined, {
      timeout: 15_000,
    })
    .catch(() => undefined);
  // Charts and maps draw after their data arrives.
  await page.waitForTimeout(300);
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays on and blocks a <script> tag.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: Record<string, unknown>,
          ) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({
        target: n.target,
        html: n.html.slice(0, 200),
        failureSummary: n.failureSummary,
      })),
    }));
  });
}

function describeViolations(path: string, width: number, violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${path} @${width}px [${v.impact}] ${v.id}: ${v.help}\n` +
        v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html}`).join('\n'),
    )
    .join('\n');
}

let browser: Browser;
let pages: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  pages = await publicPages();
});
afterAll(async () => {
  await browser.close();
});

describe.each(WIDTHS)('axe-core on every public page at %i px', (width) => {
  let context: BrowserContext;

  beforeAll(async () => {
    context = await browser.newContext({
      viewport: { width, height: 900 },
      ...(width < 600 ? { isMobile: true, hasTouch: true } : {}),
    });
  });
  afterAll(async () => {
    await context.close();
  });

  it('finds no serious or critical violation', async () => {
    expect(pages.length).toBeGreaterThan(35);
    const failures: string[] = [];
    const problems: string[] = [];
    const overflowing: string[] = [];
    for (const path of pages) {
      const page = await context.newPage();
      const pageProblems = watchProblems(page);
      await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
      await settle(page);
      const violations = await runAxe(page);
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (serious.length > 0) {
        failures.push(describeViolations(path, width, serious));
        await screenshot(page, `a11y-${width}${path.replace(/[^a-z0-9]+/gi, '_')}`);
      }
      // With isMobile the browser may zoom out to fit a too-wide page: compare with the phone's width itself.
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width < 600 && ((await overflowsHorizontally(page)) || pageWidth > width + 1)) {
        overflowing.push(path);
      }
      // A missing page answers 404 on purpose; other console errors are problems.
      problems.push(
        ...pageProblems
          .filter((p) => !(path === '/no-such-page' && p.includes('404')))
          .map((p) => `${path}: ${p}`),
      );
      await page.close();
    }
    // One assertion, so that one run reports every kind of problem on every page.
    expect(
      { violations: failures.join('\n\n'), widerThanThePhone: overflowing, consoleErrors: problems },
      'axe violations, pages wider than the phone, console errors',
    ).toEqual({ violations: '', widerThanThePhone: [], consoleErrors: [] });
  }, 600_000);
});

describe('home page as a visitor', () => {
  it('shows the live figures and links to every public part of the platform', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    const figures = await getJson<{ data: Record<string, number> }>('/api/public/figures');
    expect(figures.data.innovations).toBeGreaterThan(0);
    for (const key of ['innovations', 'adoptions', 'fundedProjects', 'provincesReached']) {
      const shown = await page.getByTestId(`figure-${key}`).locator('dd').textContent();
      expect(shown?.replace(/[^\d]/g, ''), key).toBe(String(figures.data[key]));
    }
    for (const target of [
      '/calls',
      '/calls?phase=closed',
      '/innovations',
      '/events',
      '/network',
      '/impact',
      '/coverage',
      '/provinces',
      '/open-data',
    ]) {
      expect(await page.locator(`main a[href="${target}"]`).count(), target).toBeGreaterThan(0);
    }
    for (const target of ['/coverage', '/impact', '/open-data']) {
      expect(await page.locator(`footer a[href="${target}"]`).count(), target).toBe(1);
    }
    await page.getByTestId('explore-coverage').click();
    await page.waitForURL(`${baseUrl}/coverage`);
    await screenshot(page, 'public-home-to-coverage');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('serves its title and Open Graph tags in the HTML, robots.txt and sitemap.xml', async () => {
    const html = await (await fetch(`${baseUrl}/innovations`)).text();
    expect(html).toContain('<title>คลังผลงานนวัตกรรม · SI Platform</title>');
    expect(html).toContain('<meta property="og:title" content="คลังผลงานนวัตกรรม · SI Platform" />');
    const robots = await (await fetch(`${baseUrl}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${baseUrl}/sitemap.xml`);
    const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    expect(sitemap).toContain(`<loc>${baseUrl}/innovations</loc>`);
    expect(sitemap).toContain(`<loc>${baseUrl}/provinces/58</loc>`);
  });
});
