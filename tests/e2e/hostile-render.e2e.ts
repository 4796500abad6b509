import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { XSS_STRINGS } from '@tests/helpers/hostile';
import { DEMO_PASSWORD, OFFICER_EMAIL, api, apiLogin, type ApiSession } from './api-client';
import { signedInContext } from './accounts-helpers';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const UNIT_EMAIL = 'unit@demo.si-platform.test';
const stamp = Date.now();

/** A script payload made unique to this run, so that the page's text can be searched for it. */
function payload(index: number): string {
  const script = XSS_STRINGS[index % XSS_STRINGS.length] ?? '';
  return `${script} #${stamp}-${index}`;
}

let browser: Browser;
let officer: ApiSession;
let unit: ApiSession;
let officerContext: BrowserContext;
let anonymousContext: BrowserContext;
/** Pages to render, each with the stored payloads it must show as text. */
const pages: Array<{ path: string; signedIn: boolean; texts: string[] }> = [];

beforeAll(async () => {
  browser = await launchBrowser();
  officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  unit = await apiLogin(UNIT_EMAIL, DEMO_PASSWORD);

  const organisation = await api<{ id: string }>(officer, 'POST', '/api/organisations', {
    nameTh: payload(0),
    type: 'community_enterprise',
    provinceCode: 96,
    description: payload(1),
  });
  pages.push({ path: `/organisations/${organisation.id}`, signedIn: true, texts: [payload(0), payload(1)] });

  const request = await api<{ id: string }>(officer, 'POST', '/api/mentoring/requests', {
    organisationId: organisation.id,
    expertise: 'marketing',
    topic: payload(2),
    details: payload(3),
  });
  pages.push({ path: `/mentoring/requests/${request.id}`, signedIn: true, texts: [payload(2), payload(3)] });

  const person = await api<{ id: string }>(officer, 'POST', '/api/personnel', {
    nameTh: payload(4),
    roles: ['mentor'],
    expertise: ['marketing'],
    provinceCode: 96,
  });
  pages.push({ path: `/personnel/${person.id}`, signedIn: true, texts: [payload(4)] });

  const startsAt = new Date(Date.now() + 5 * 86_400_000);
  const activity = await api<{ id: string; version: number }>(unit, 'POST', '/api/activities', {
    kind: 'training_workshop',
    titleTh: payload(5),
    titleEn: 'Hostile title',
    descriptionTh: payload(6),
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    provinceCode: 94,
    venue: payload(7),
    capacity: 10,
    audiences: ['community'],
    hours: 3,
    givesCertificate: false,
  });
  await api(unit, 'POST', `/api/activities/${activity.id}/publish`, { version: activity.version });
  pages.push({
    path: `/events/${activity.id}`,
    signedIn: false,
    texts: [payload(5), payload(6), payload(7)],
  });
  const month = new Date(startsAt.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
  pages.push({ path: `/events?month=${month}`, signedIn: false, texts: [payload(5)] });

  officerContext = await signedInContext(browser, OFFICER_EMAIL, DEMO_PASSWORD, '/account');
  anonymousContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (const context of [officerContext, anonymousContext]) {
    await context.addInitScript(() => {
      window.alert = () => {
        (window as unknown as { __xss?: number }).__xss = 1;
      };
    });
  }
}, 120_000);
afterAll(async () => {
  await officerContext?.close();
  await anonymousContext?.close();
  await browser.close();
});

async function render(page: Page, path: string) {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
  return dialogs;
}

describe('stored script payloads render as text', () => {
  it('run nowhere on staff and public pages, and show literally', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const { path, signedIn, texts } of pages) {
      const page = await (signedIn ? officerContext : anonymousContext).newPage();
      const dialogs = await render(page, path);
      await expect
        .poll(
          async () => {
            const shown = await page.evaluate(() => document.body.textContent ?? '');
            return texts.filter((text) => !shown.includes(text)).map((text) => `${path}: ${text}`);
          },
          { timeout: 15_000 },
        )
        .toEqual([]);
      const state = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
        injected: document.querySelectorAll(
          'body script:not([src]):not([type="application/ld+json"]), img[src="x"], svg[onload], iframe[srcdoc], a[href^="javascript:"]',
        ).length,
        text: document.body.textContent ?? '',
      }));
      expect([path, state.xss, state.injected, dialogs]).toEqual([path, null, 0, []]);
      for (const text of texts) {
        expect([path, state.text.includes(text)]).toEqual([path, true]);
      }
      await page.close();
    }
  }, 180_000);
});
