import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generate as totpCode } from 'otplib';
import { th } from '@shared/i18n/th';
import { linkIn, mailText } from '@tests/helpers/smtp';
import { registerVerified, signIn, unexpected, waitForMail } from './accounts-helpers';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

const baseUrl = inject('baseUrl');

const DEMO_PASSWORD = 'demo-password-2569';
const ADMIN_EMAIL = 'admin@demo.si-platform.test';
const ADMIN_NAME = 'ผู้ดูแลระบบ ตัวอย่าง';

const person = {
  name: 'สมหญิง ทดสอบระบบ',
  email: `e2e-${Date.now()}@example.org`,
  phone: '+66812345678',
  password: 'ขอบฟ้า-ยามเช้า-2569',
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('accounts journey in Thai: register → verify by email → sign in → account → sign out', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await context.close();
  });

  it('registers, with the privacy notice and its required acceptance', async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: th.account.register }).click();
    await page.waitForURL(`${baseUrl}/register`);
    await page.getByTestId('privacy-notice').waitFor();
    expect(await page.getByTestId('privacy-notice').textContent()).toContain('พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล');

    // Submitting the empty form shows each problem under its input, in Thai.
    await page.getByRole('button', { name: th.accounts.register.submit, exact: true }).click();
    await page.getByText(th.accounts.register.acceptRequired).waitFor();
    await page.getByText(th.forms.required).first().waitFor();
    const nameInput = page.getByLabel(th.accounts.fields.name);
    expect(await nameInput.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await nameInput.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(th.forms.required);

    await nameInput.fill(person.name);
    await page.getByLabel(th.accounts.fields.email, { exact: true }).fill(person.email);
    await page.getByLabel(th.accounts.fields.phone).fill(person.phone);
    await page.getByLabel(th.accounts.fields.password, { exact: true }).fill(person.password);
    await page.getByLabel(th.accounts.register.accept).check();
    await screenshot(page, 'register-th');
    await page.getByRole('button', { name: th.accounts.register.submit, exact: true }).click();
    await page.getByTestId('register-sent').waitFor();
    expect(await page.getByTestId('register-sent').textContent()).toContain(person.email);
    expect(problems).toEqual([]);
  });

  it('refuses a second registration with the same email, under the email input', async () => {
    const other = await context.newPage();
    const otherProblems = watchProblems(other);
    await other.goto(`${baseUrl}/register`, { waitUntil: 'networkidle' });
    await other.getByLabel(th.accounts.fields.name).fill(person.name);
    await other.getByLabel(th.accounts.fields.email, { exact: true }).fill(person.email);
    await other.getByLabel(th.accounts.fields.password, { exact: true }).fill(person.password);
    await other.getByLabel(th.accounts.register.accept).check();
    await other.getByRole('button', { name: th.accounts.register.submit, exact: true }).click();
    const email = other.getByLabel(th.accounts.fields.email, { exact: true });
    await other.getByText(th.errors.EMAIL_TAKEN).waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(unexpected(otherProblems)).toEqual([]);
    await other.close();
  });

  it('opens the real link from the verification email', async () => {
    const mail = await waitForMail(person.email);
    expect(mailText(mail.raw)).toContain(th.email.verify_email.action);
    const link = linkIn(mail.raw, '/verify-email?token=');
    expect(link.startsWith(`${baseUrl}/verify-email?token=`)).toBe(true);
    await page.goto(link, { waitUntil: 'networkidle' });
    await page.getByTestId('verify-success').waitFor();
    expect(await page.locator('h1').textContent()).toBe(th.accounts.verify.successTitle);
    await screenshot(page, 'verify-email-th');

    // The same link a second time: a clear "already used" page that leads to signing in.
    const again = await context.newPage();
    await again.goto(link, { waitUntil: 'networkidle' });
    await again.getByTestId('token-used').waitFor();
    expect(await again.locator('h1').textContent()).toBe(th.accounts.verify.usedTitle);
    await again.close();

    await page.getByTestId('verify-sign-in').click();
    await page.waitForURL(`${baseUrl}/login`);
    expect(problems).toEqual([]);
  });

  it('shows the Thai error for a wrong password, then signs in', async () => {
    await signIn(page, person.email, 'not-the-password');
    const alert = page.getByTestId('form-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(th.errors.INVALID_CREDENTIALS);
    await screenshot(page, 'login-th-wrong-password');

    await page.getByLabel(th.accounts.fields.password, { exact: true }).fill(person.password);
    await page.getByTestId('login-form').getByRole('button', { name: th.accounts.login.submit }).click();
    await page.waitForURL(`${baseUrl}/account`);
    expect(unexpected(problems)).toEqual([]);
    problems.length = 0;
  });

  it('shows the profile, the sessions with this device, and the name in the header', async () => {
    await page.getByTestId('profile-section').waitFor();
    expect(await page.getByTestId('profile-email').textContent()).toBe(person.email);
    expect(await page.getByLabel(th.accounts.fields.name).inputValue()).toBe(person.name);
    expect(await page.getByLabel(th.accounts.fields.phone).inputValue()).toBe(person.phone);
    await page.getByTestId('session-current').waitFor();
    expect(await page.getByTestId('session-current').textContent()).toContain(th.accounts.profile.thisDevice);
    expect(await page.getByTestId('account-menu').textContent()).toContain(person.name);
    await page.getByText(th.accounts.profile.noRole).first().waitFor();
    await screenshot(page, 'account-th');

    // A reload keeps the session (the page asks GET /api/auth/me again).
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('profile-section').waitFor();
    expect(problems).toEqual([]);
  });

  it('saves a profile change', async () => {
    await page.getByLabel(th.accounts.fields.name).fill(`${person.name} ใหม่`);
    await page.getByRole('button', { name: th.accounts.profile.save, exact: true }).click();
    await page.getByText(th.accounts.profile.saved).waitFor();
    expect(await page.getByTestId('account-menu').textContent()).toContain(`${person.name} ใหม่`);
    expect(problems).toEqual([]);
  });

  it('shows "no access" on the administrators’ pages to a person without the role', async () => {
    await page.goto(`${baseUrl}/admin/audit`, { waitUntil: 'networkidle' });
    await page.getByTestId('no-access').waitFor();
    expect(await page.locator('h1').textContent()).toBe(th.accounts.guard.noAccessTitle);
    expect(problems).toEqual([]);
  });

  it('signs out from the header menu', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('nav-sign-in').waitFor();
    await page.waitForURL(`${baseUrl}/`);
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);

    // A guarded page now sends the visitor to sign in, and back afterwards.
    await page.goto(`${baseUrl}/account`, { waitUntil: 'networkidle' });
    await page.waitForURL(`${baseUrl}/login?next=%2Faccount`);
    expect(unexpected(problems)).toEqual([]);
  });
});

describe('the administrators’ pages', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
    await page.goto(`${baseUrl}/login?next=%2Fadmin%2Faudit`, { waitUntil: 'networkidle' });
    await signIn(page, ADMIN_EMAIL, DEMO_PASSWORD);
    await page.waitForURL(`${baseUrl}/admin/audit`);
  });
  afterAll(async () => {
    await context.close();
  });

  it('lists audit events with the demo administrator as actor, in Bangkok time and the Buddhist Era', async () => {
    await page.getByTestId('audit-table').waitFor();
    const rows = page.getByTestId('audit-event');
    expect(await rows.count()).toBeGreaterThan(0);
    const adminSignIn = rows.filter({ hasText: ADMIN_NAME }).filter({ hasText: 'session.signed_in' });
    await adminSignIn.first().waitFor();
    const time = (await adminSignIn.first().locator('time').textContent()) ?? '';
    const yearBe = new Date().getFullYear() + 543;
    expect(time).toContain(String(yearBe));
    expect(await adminSignIn.first().textContent()).toContain(th.audit.actions.session_signed_in);
    await screenshot(page, 'audit-th');
    expect(problems).toEqual([]);
  });

  it('filters by action', async () => {
    await page.getByLabel(th.audit.action, { exact: true }).fill('user.registered');
    await page.getByRole('button', { name: th.audit.apply, exact: true }).click();
    await page.waitForURL(/action=user\.registered/);
    await page.getByTestId('audit-table').waitFor();
    const rows = page.getByTestId('audit-event');
    await rows.filter({ hasText: 'user.registered' }).first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((text) => text.includes('user.registered'))).toBe(true);
    // The person registered above shows as the actor of their own registration.
    expect(texts.some((text) => text.includes(person.name))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('explains that mail goes to the SMTP server when the mail viewer is not available', async () => {
    await page.goto(`${baseUrl}/admin/mail`, { waitUntil: 'networkidle' });
    await page.getByTestId('dev-mail-smtp').waitFor();
    expect(await page.getByTestId('dev-mail-smtp').textContent()).toContain(th.devMail.smtpTitle);
    expect(unexpected(problems)).toEqual([]);
  });
});

describe('phone width (360 px)', () => {
  it('signs in and shows the account page and the account menu inside the mobile menu', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone-login-th');
    await signIn(page, person.email, person.password);
    await page.waitForURL(`${baseUrl}/account`);
    await page.getByTestId('session-current').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone-account-th');

    await page.locator('#menu-toggle').click();
    await page.getByTestId('account-menu').click();
    await page.getByTestId('sign-out').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await page.screenshot({ path: 'test-results/e2e/phone-account-menu-th.png' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits the registration page', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/register`, { waitUntil: 'networkidle' });
    await page.getByTestId('privacy-notice').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone-register-th');
    await context.close();
  });
});

describe('two-step verification', () => {
  it('is set up on the account page with the QR code, asked for at sign-in, and turned off', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    await signIn(page, person.email, person.password);
    await page.waitForURL(`${baseUrl}/account`);

    const section = page.getByTestId('totp-section');
    await section.getByRole('button', { name: th.accounts.totp.setUp }).click();
    const qr = section.locator('img.totp-setup__qr');
    await qr.waitFor();
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    await screenshot(page, 'account-two-factor-setup-th');
    await section.getByLabel(th.accounts.fields.code).fill(await totpCode({ secret }));
    await section.getByRole('button', { name: th.accounts.totp.enable, exact: true }).click();
    await section.getByText(th.accounts.totp.enabled).waitFor();
    await section.getByText(th.accounts.totp.statusOn, { exact: true }).waitFor();

    await page.getByTestId('account-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('nav-sign-in').click();
    await signIn(page, person.email, person.password);
    const totpForm = page.getByTestId('totp-form');
    await totpForm.waitFor();
    const codeInput = totpForm.getByLabel(th.accounts.fields.code);
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code');
    const current = await totpCode({ secret });
    await codeInput.fill(current === '000000' ? '111111' : '000000');
    await totpForm.getByRole('button', { name: th.accounts.login.totpSubmit, exact: true }).click();
    await totpForm.getByText(th.errors.TOTP_WRONG).waitFor();
    expect(await codeInput.getAttribute('aria-invalid')).toBe('true');
    await codeInput.fill(await totpCode({ secret }));
    await totpForm.getByRole('button', { name: th.accounts.login.totpSubmit, exact: true }).click();
    await page.getByTestId('profile-section').waitFor();

    await section.getByRole('button', { name: th.accounts.totp.turnOff }).click();
    await section.getByLabel(th.accounts.fields.code).fill(await totpCode({ secret }));
    await section.getByRole('button', { name: th.accounts.totp.turnOff }).click();
    await section.getByText(th.accounts.totp.turnedOff).waitFor();
    await section.getByText(th.accounts.totp.statusOff, { exact: true }).waitFor();
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe('personal data (PDPA)', () => {
  it('downloads my data, then erases the account, which can no longer sign in', async () => {
    const leaver = {
      name: 'สมชาย ขอลบข้อมูล',
      email: `e2e-erase-${Date.now()}@example.org`,
      password: 'ลาก่อน-ข้อมูล-2569',
    };
    await registerVerified(leaver);
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    await signIn(page, leaver.email, leaver.password);
    await page.waitForURL(`${baseUrl}/account`);

    const card = page.getByTestId('privacy-section');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe(th.accounts.privacy.title);
    await card.scrollIntoViewIfNeeded();
    await card.screenshot({ path: 'test-results/e2e/account-privacy-th.png' });

    // The download: a JSON file with this account's data.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: th.accounts.privacy.exportButton, exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('si-platform-personal-data.json');
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    expect(typeof exported).toBe('object');
    expect(JSON.stringify(exported)).toContain(leaver.email);
    await card.getByText(th.accounts.privacy.exported).waitFor();

    // A wrong password is refused under the password input; nothing is erased.
    const erase = page.getByTestId('privacy-erase');
    const password = erase.getByLabel(th.accounts.fields.currentPassword);
    expect(await password.getAttribute('type')).toBe('password');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    await password.fill('not-the-password');
    await erase.getByLabel(th.accounts.privacy.confirm).check();
    await erase.getByRole('button', { name: th.accounts.privacy.eraseButton, exact: true }).click();
    await erase.getByText(th.errors.PASSWORD_INCORRECT).waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');

    await password.fill(leaver.password);
    await erase.getByRole('button', { name: th.accounts.privacy.eraseButton, exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByTestId('home-notice').getByText(th.accounts.privacy.erased).waitFor();
    await page.getByTestId('nav-sign-in').waitFor();
    expect(await page.evaluate(() => document.cookie)).not.toContain('si_signed_in=');
    const status = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(status).toBe(401);

    // The same email and password no longer sign in.
    await page.getByTestId('nav-sign-in').click();
    await page.waitForURL(`${baseUrl}/login`);
    await signIn(page, leaver.email, leaver.password);
    const alert = page.getByTestId('form-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(th.errors.INVALID_CREDENTIALS);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
