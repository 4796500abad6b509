import { readFileSync } from 'node:fs';
import { expect, inject } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { th } from '@shared/i18n/th';
import { linkIn, mailText } from '@tests/helpers/smtp';
import type { MailLogEntry } from './global-setup';

/** Every message the loopback SMTP server has logged so far. */
export function readMail(): MailLogEntry[] {
  return readFileSync(inject('mailLog'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MailLogEntry);
}

/**
 * Waits until the loopback SMTP server has logged a message to `to` (whose text contains `containing`,
 * when given) and returns it.
 */
export async function waitForMail(
  to: string,
  { containing, timeoutMs = 20_000 }: { containing?: string; timeoutMs?: number } = {},
): Promise<MailLogEntry> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const entries = readMail();
    const found = entries.find(
      (entry) =>
        entry.to.includes(to) && (containing === undefined || mailText(entry.raw).includes(containing)),
    );
    if (found) {
      return found;
    }
    if (Date.now() > deadline) {
      const what = containing === undefined ? '' : ` with ${containing}`;
      throw new Error(`no mail to ${to}${what} within ${timeoutMs} ms (${entries.length} received)`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for a message to `to` with a link to `pathPrefix`; returns the link. */
export async function waitForLink(to: string, pathPrefix: string, timeoutMs = 20_000): Promise<string> {
  return linkIn((await waitForMail(to, { containing: pathPrefix, timeoutMs })).raw, pathPrefix);
}

/** Registers a person through the API of the running server and verifies the email with the mailed link. */
export async function registerVerified(person: {
  name: string;
  email: string;
  password: string;
}): Promise<void> {
  const baseUrl = inject('baseUrl');
  const notice = (await (await fetch(`${baseUrl}/api/auth/privacy-notice`)).json()) as {
    data: { version: string };
  };
  const registered = await fetch(`${baseUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...person,
      acceptPrivacyNotice: true,
      privacyNoticeVersion: notice.data.version,
      locale: 'th',
    }),
  });
  expect(registered.status).toBe(201);
  const link = await waitForLink(person.email, '/verify-email?token=');
  const token = new URL(link).searchParams.get('token');
  const verified = await fetch(`${baseUrl}/api/auth/verify-email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(verified.ok).toBe(true);
}

/** Problems other than the browser's note about an expected 4xx answer (e.g. a refused sign-in or stale save). */
export function unexpected(problems: string[]): string[] {
  return problems.filter(
    (p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p),
  );
}

/** Fills in and sends the sign-in form on `page`. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(th.accounts.fields.email, { exact: true }).fill(email);
  await page.getByLabel(th.accounts.fields.password, { exact: true }).fill(password);
  await page.getByTestId('login-form').getByRole('button', { name: th.accounts.login.submit }).click();
}

/** A browser context signed in as `email` through the sign-in page, which has just landed on `next`. */
export async function signedInContext(
  browser: Browser,
  email: string,
  password: string,
  next: string,
): Promise<BrowserContext> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`, { waitUntil: 'networkidle' });
  await signIn(page, email, password);
  await page.waitForURL(`${baseUrl}${next}`);
  await page.close();
  return context;
}
