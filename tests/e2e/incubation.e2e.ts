import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type {
  ActivityCertificateVerification,
  ActivityDetail,
  Registration,
} from '@shared/contracts/activities';
import type { AssessmentResults, CohortList } from '@shared/contracts/cohorts';
import { registerVerified, unexpected, waitForMail } from './accounts-helpers';
import { api, apiLogin, DEMO_PASSWORD, type ApiSession } from './api-client';
import { exportThroughJob, launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';
import { renderPdf } from './pdf-render';

const baseUrl = inject('baseUrl');
const stamp = Date.now();
const UNIT_EMAIL = 'unit@demo.si-platform.test';
const TITLE = `อบรมเชิงปฏิบัติการออกแบบนวัตกรรมชุมชน ${stamp}`;

const first = {
  name: 'สมศรี ทดสอบกิจกรรม',
  email: `e2e-ac-first-${stamp}@example.org`,
  password: 'กิจกรรม-ที่นั่ง-2569',
};
const second = {
  name: 'มานพ รอคิวเก่ง',
  email: `e2e-ac-second-${stamp}@example.org`,
  password: 'กิจกรรม-รอคิว-2569',
};

let browser: Browser;
let unit: ApiSession;
let activityId = '';
const contexts: BrowserContext[] = [];

/** A browser page signed in as `email` (the session of an API sign-in, in the browser's cookies), opened on `next`. */
async function openAs(email: string, password: string, next: string): Promise<Page> {
  const session = await apiLogin(email, password);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(context);
  await context.addCookies([
    ...session.cookie.split('; ').map((pair) => {
      const [name = '', ...value] = pair.split('=');
      return { name, value: value.join('='), url: baseUrl };
    }),
    // The web app's hint that a session exists (it then asks the server who is signed in).
    { name: 'si_signed_in', value: '1', url: baseUrl },
  ]);
  const page = await context.newPage();
  await page.goto(`${baseUrl}${next}`, { waitUntil: 'networkidle' });
  return page;
}

async function myRegistration(session: ApiSession): Promise<Registration | null> {
  return (await api<ActivityDetail>(session, 'GET', `/api/activities/${activityId}`)).myRegistration;
}

beforeAll(async () => {
  browser = await launchBrowser();
  unit = await apiLogin(UNIT_EMAIL, DEMO_PASSWORD);
  await registerVerified(first);
  await registerVerified(second);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) {
    await context.close();
  }
  await browser.close();
});

describe('incubation: a workshop from publishing to a verified certificate', () => {
  it('publishes, fills its one seat, promotes the waitlist, checks in by code and verifies the certificate', async () => {
    // The unit's staff prepare a draft (capacity 1) and publish it from its management page.
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const draft = await api<ActivityDetail>(unit, 'POST', '/api/activities', {
      kind: 'training_workshop',
      titleTh: TITLE,
      titleEn: 'Community innovation design workshop',
      descriptionTh: 'เรียนรู้การออกแบบนวัตกรรมจากปัญหาของชุมชน',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 6 * 3_600_000).toISOString(),
      provinceCode: 94,
      venue: 'ศาลาประชาคมอำเภอเมืองปัตตานี',
      capacity: 1,
      audiences: ['community'],
      hours: 6,
      givesCertificate: true,
    });
    activityId = draft.id;
    const staffPage = await openAs(UNIT_EMAIL, DEMO_PASSWORD, `/admin/activities/${activityId}`);
    const staffProblems = watchProblems(staffPage);
    await staffPage.getByTestId('publish').click();
    await expect
      .poll(async () => (await api<ActivityDetail>(unit, 'GET', `/api/activities/${activityId}`)).status)
      .toBe('published');

    // Two people register on the public event page: the first takes the seat, the second is waitlisted.
    const firstSession = await apiLogin(first.email, first.password);
    const secondSession = await apiLogin(second.email, second.password);
    const firstPage = await openAs(first.email, first.password, `/events/${activityId}`);
    await firstPage.getByTestId('register').click();
    await firstPage.locator('[data-testid="my-registration-status"][data-status="registered"]').waitFor();
    const secondPage = await openAs(second.email, second.password, `/events/${activityId}`);
    await secondPage.getByTestId('register').click();
    await secondPage.locator('[data-testid="my-registration-status"][data-status="waitlisted"]').waitFor();
    await waitForMail(second.email, { containing: TITLE });
    await screenshot(secondPage, 'incubation-waitlisted');

    // The first cancels: the second is promoted at once and told by email.
    firstPage.once('dialog', (dialog) => void dialog.accept());
    await firstPage.getByTestId('cancel-registration').click();
    await expect
      .poll(async () => (await myRegistration(firstSession))?.status ?? 'cancelled')
      .toBe('cancelled');
    await expect.poll(async () => (await myRegistration(secondSession))?.status).toBe('registered');
    await waitForMail(second.email, { containing: `/events/${activityId}` });

    // In the room: the staff show a fresh code; the second types it on the attendance page.
    await staffPage.reload({ waitUntil: 'networkidle' });
    await staffPage.getByTestId('new-code').click();
    const code = (await staffPage.getByTestId('attendance-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await secondPage.goto(`${baseUrl}/attend`, { waitUntil: 'networkidle' });
    await secondPage.getByTestId('attend-code').fill('WRONG1');
    await secondPage.getByTestId('attend-submit').click();
    await secondPage.locator('[data-testid="attend-code"][aria-invalid="true"]').waitFor();
    await secondPage.getByTestId('attend-code').fill(code.toLowerCase());
    await secondPage.getByTestId('attend-submit').click();
    await secondPage.getByTestId('attend-done').waitFor();
    expect((await myRegistration(secondSession))?.attendedAt).not.toBeNull();

    // The attendee asks for the certificate and downloads the PDF: Thai text, the code and the QR code.
    await secondPage.goto(`${baseUrl}/events/${activityId}`, { waitUntil: 'networkidle' });
    await secondPage.getByTestId('request-certificate').click();
    const link = secondPage.getByTestId('certificate-pdf');
    await link.waitFor();
    const [download] = await Promise.all([secondPage.waitForEvent('download'), link.click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const pdf = readFileSync(path);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const rendered = await renderPdf(browser, pdf);
    const text = rendered.text.replace(/\u0E33\u0E32/g, '\u0E33').replace(/\s/g, '');
    expect(text).toContain('เกียรติบัตร');
    expect(text).toContain(second.name.replace(/\s/g, ''));
    expect(text).toContain(TITLE.replace(/\s/g, ''));
    expect(rendered.inkRatio).toBeGreaterThan(0.005);
    const certificate = (await myRegistration(secondSession))?.certificate;
    expect(certificate).toBeTruthy();
    const raw = certificate?.code ?? '';
    expect(text).toContain(`${raw.slice(0, 5)}-${raw.slice(5)}`);

    // Anyone checks the code on the public page.
    const publicContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(publicContext);
    const publicPage = await publicContext.newPage();
    const publicProblems = watchProblems(publicPage);
    await publicPage.goto(`${baseUrl}/certificates/${raw}`, { waitUntil: 'networkidle' });
    await publicPage.locator('[data-testid="certificate-result"][data-status="valid"]').waitFor();
    expect(await publicPage.getByTestId('certificate-result').textContent()).toContain(second.name);
    expect(await overflowsHorizontally(publicPage)).toBe(false);
    await screenshot(publicPage, 'incubation-certificate-verified');
    const verified = await fetch(`${baseUrl}/api/activity-certificates/${raw}`);
    expect(((await verified.json()) as { data: ActivityCertificateVerification }).data.status).toBe('valid');

    expect(unexpected(staffProblems)).toEqual([]);
    expect(unexpected(publicProblems)).toEqual([]);
  }, 180_000);
});

describe('cohort results: the unit exports them as CSV in a job', () => {
  it('shows a progress bar, then downloads a CSV with a row per member that opens in Excel', async () => {
    let chosen: AssessmentResults | null = null;
    for (const cohort of await api<CohortList>(unit, 'GET', '/api/cohorts')) {
      const results = await api<AssessmentResults>(unit, 'GET', `/api/cohorts/${cohort.id}/results`);
      if (results.participants.length > 0) {
        chosen = results;
        break;
      }
    }
    expect(chosen, 'a demo cohort of the unit with assessment results').not.toBeNull();
    const results = chosen as AssessmentResults;
    const page = await openAs(UNIT_EMAIL, DEMO_PASSWORD, `/cohorts/${results.cohortId}/results`);
    const problems = watchProblems(page);
    await page.getByTestId('results-participants').waitFor();
    const { download } = await exportThroughJob(page, 'results-export-csv', 'cohort-results-export-1280');
    expect(download.suggestedFilename()).toMatch(/^cohort-results-\d{4}-[0-9a-f]{8}\.csv$/);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(results.participants.length + 1);
    for (const participant of results.participants) {
      expect(text).toContain(participant.name);
    }

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'cohort-results-export-390');
    expect(unexpected(problems)).toEqual([]);
  }, 120_000);
});
