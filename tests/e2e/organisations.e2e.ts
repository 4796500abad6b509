import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { th } from '@shared/i18n/th';
import { mailText } from '@tests/helpers/smtp';
import {
  readMail,
  registerVerified,
  signedInContext,
  signIn,
  unexpected,
  waitForLink,
} from './accounts-helpers';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

const baseUrl = inject('baseUrl');

const DEMO_PASSWORD = 'demo-password-2569';
const ADMIN_EMAIL = 'admin@demo.si-platform.test';

const stamp = Date.now();
const owner = {
  name: 'วันเพ็ญ เจ้าขององค์กร',
  email: `e2e-owner-${stamp}@example.org`,
  password: 'ดอยสุเทพ-ยามเช้า-2569',
};
const invitee = {
  name: 'ประยุทธ ผู้ได้รับเชิญ',
  email: `e2e-invitee-${stamp}@example.org`,
  password: 'ลำน้ำปิง-ยามเย็น-2569',
};
const organisation = {
  nameTh: `วิสาหกิจชุมชนผ้าทอบ้านหายยา ${stamp}`,
  nameEn: 'Ban Hai Ya Weaving Community Enterprise',
  ceCode: '4-50-01-03/1-0012',
  addressLine: '99 หมู่ 4 ถนนทิพย์เนตร',
  website: 'https://weaving.example.org',
  description: 'กลุ่มทอผ้าฝ้ายย้อมสีธรรมชาติ สร้างรายได้ให้ผู้สูงอายุและเยาวชนในชุมชน',
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('organisations in Thai: create → invite by email → the invitee accepts → both see the membership', () => {
  let ownerContext: BrowserContext;
  let ownerPage: Page;
  let ownerProblems: string[];
  let inviteeContext: BrowserContext;
  let organisationUrl = '';
  let invitationLink = '';

  beforeAll(async () => {
    await registerVerified(owner);
    await registerVerified(invitee);
    ownerContext = await signedInContext(browser, owner.email, owner.password, '/account');
    ownerPage = await ownerContext.newPage();
    ownerProblems = watchProblems(ownerPage);
  });
  afterAll(async () => {
    await ownerContext.close();
    await inviteeContext?.close();
  });

  it('opens "my organisations" from the account menu, empty at first', async () => {
    await ownerPage.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await ownerPage.getByTestId('account-menu').click();
    await ownerPage.getByTestId('nav-organisations').click();
    await ownerPage.waitForURL(`${baseUrl}/organisations`);
    await ownerPage.getByRole('heading', { level: 1, name: th.orgs.list.title }).waitFor();
    await ownerPage.getByText(th.orgs.list.emptyMine).waitFor();
    // Only staff get the "all organisations" toggle.
    expect(await ownerPage.getByTestId('scope-all').count()).toBe(0);
    expect(ownerProblems).toEqual([]);
  });

  it('shows each problem under its input and focuses the first one', async () => {
    await ownerPage.getByTestId('create-organisation').click();
    await ownerPage.waitForURL(`${baseUrl}/organisations/new`);
    await ownerPage.getByTestId('organisation-form').waitFor();
    await ownerPage.getByRole('button', { name: th.orgs.form.create, exact: true }).click();
    const nameTh = ownerPage.getByLabel(th.orgs.fields.nameTh);
    await ownerPage.getByText(th.orgs.form.typeRequired).waitFor();
    expect(await nameTh.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await nameTh.getAttribute('aria-describedby')) ?? '';
    expect(await ownerPage.locator(`[id="${describedBy}"]`).textContent()).toBe(th.forms.required);
    expect(await nameTh.evaluate((el) => el === document.activeElement)).toBe(true);

    // The identifier follows the type: none for a youth group, the registration code for a community enterprise.
    await ownerPage.getByLabel(th.orgs.fields.type).selectOption('youth_group');
    await ownerPage.getByTestId('no-identifier').waitFor();
    expect(await ownerPage.getByLabel(th.orgs.fields.juristicId).count()).toBe(0);
    await ownerPage.getByLabel(th.orgs.fields.type).selectOption('community_enterprise');
    const ceCode = ownerPage.getByLabel(th.orgs.fields.communityEnterpriseCode);
    await ceCode.fill('12345');
    await nameTh.fill(organisation.nameTh);
    await ownerPage.getByRole('button', { name: th.orgs.form.create, exact: true }).click();
    await ownerPage.getByText(th.orgs.form.ceCodeInvalid).waitFor();
    expect(await ceCode.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(ownerProblems).toEqual([]);
  });

  it('fills the address with dependent selects, and the postal code follows the subdistrict', async () => {
    await ownerPage.getByLabel(th.orgs.fields.communityEnterpriseCode).fill(organisation.ceCode);
    await ownerPage.getByLabel(th.orgs.fields.nameEn).fill(organisation.nameEn);
    await ownerPage.getByLabel(th.orgs.fields.addressLine).fill(organisation.addressLine);
    await ownerPage.getByTestId('org-province').selectOption('50');
    const district = ownerPage.getByTestId('org-district');
    await district.locator('option[value="5001"]').waitFor({ state: 'attached' });
    await district.selectOption('5001');
    const postal = ownerPage.getByTestId('org-postal-code');
    expect(await postal.inputValue()).toBe('50200');
    const subdistrict = ownerPage.getByTestId('org-subdistrict');
    await subdistrict.locator('option[value="500103"]').waitFor({ state: 'attached' });
    await subdistrict.selectOption('500103');
    expect(await postal.inputValue()).toBe('50100');

    // Choosing another province clears the district, subdistrict and postal code below it.
    await ownerPage.getByTestId('org-province').selectOption('58');
    expect(await district.inputValue()).toBe('');
    expect(await postal.inputValue()).toBe('');
    await ownerPage.getByTestId('org-province').selectOption('50');
    await district.locator('option[value="5001"]').waitFor({ state: 'attached' });
    await district.selectOption('5001');
    await subdistrict.locator('option[value="500103"]').waitFor({ state: 'attached' });
    await subdistrict.selectOption('500103');

    await ownerPage.getByLabel(th.orgs.fields.contactEmail).fill(`contact-${stamp}@example.org`);
    await ownerPage.getByLabel(th.orgs.fields.contactPhone).fill('053 123 456');
    await ownerPage.getByLabel(th.orgs.fields.website).fill(organisation.website);
    await ownerPage.getByLabel(th.orgs.fields.description).fill(organisation.description);
    await ownerPage.getByLabel('การท่องเที่ยวและวัฒนธรรม').check();
    await ownerPage.getByLabel('การเงิน การจ้างงาน และสวัสดิการสังคม').check();
    await screenshot(ownerPage, 'organisation-form-th');
    expect(ownerProblems).toEqual([]);
  });

  it('creates the organisation; its creator is the owner', async () => {
    await ownerPage.getByRole('button', { name: th.orgs.form.create, exact: true }).click();
    await ownerPage.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    organisationUrl = ownerPage.url();
    await ownerPage.getByText(th.orgs.profile.created).waitFor();
    expect(await ownerPage.locator('h1').textContent()).toBe(organisation.nameTh);
    expect(await ownerPage.getByTestId('my-role').textContent()).toContain(th.organisations.role.owner);
    const facts = (await ownerPage.getByTestId('organisation-facts').textContent()) ?? '';
    expect(facts).toContain('ตำบลหายยา อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50100');
    expect(facts).toContain(organisation.ceCode);
    expect(facts).toContain('การท่องเที่ยวและวัฒนธรรม');
    const rows = ownerPage.getByTestId('member-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-email')).toBe(owner.email);
    expect(ownerProblems).toEqual([]);
  });

  it('invites a second person by email as an editor; the invitation is listed as open', async () => {
    await ownerPage.getByTestId('invite-email').fill(invitee.email);
    await ownerPage.getByTestId('invite-role').selectOption('editor');
    await ownerPage.getByRole('button', { name: th.orgs.invitations.send, exact: true }).click();
    await ownerPage.getByText(th.orgs.invitations.sent.replace('{{email}}', invitee.email)).waitFor();
    const open = ownerPage.getByTestId('open-invitations');
    await open.getByText(invitee.email).waitFor();
    expect(await open.textContent()).toContain(th.organisations.role.editor);

    invitationLink = await waitForLink(invitee.email, '/invitations/accept?token=');
    expect(invitationLink.startsWith(`${baseUrl}/invitations/accept?token=`)).toBe(true);
    const mail = readMail().find((entry) => mailText(entry.raw).includes('/invitations/accept?token='));
    expect(mailText(mail?.raw ?? '')).toContain(th.email.organisation_invitation.action);
    expect(ownerProblems).toEqual([]);
  });

  it('the invitee opens the link signed out, signs in, accepts and sees the organisation as an editor', async () => {
    inviteeContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await inviteeContext.newPage();
    const problems = watchProblems(page);
    await page.goto(invitationLink, { waitUntil: 'networkidle' });
    await page.getByTestId('invitation-sign-in').waitFor();
    await page.getByTestId('invitation-login').click();
    await page.waitForURL(/\/login\?next=/);
    await signIn(page, invitee.email, invitee.password);
    await page.waitForURL(invitationLink);
    await page.getByTestId('invitation-accept').waitFor();
    expect(await page.getByTestId('invitation-accept').textContent()).toContain(invitee.email);
    await page.getByTestId('accept-invitation').click();
    await page.waitForURL(organisationUrl);
    await page.getByText(th.orgs.profile.joined).waitFor();
    expect(await page.locator('h1').textContent()).toBe(organisation.nameTh);
    expect(await page.getByTestId('my-role').textContent()).toContain(th.organisations.role.editor);
    // Editors may edit the profile but not manage members or invitations.
    await page.getByTestId('edit-organisation').waitFor();
    expect(await page.getByTestId('invitations-section').count()).toBe(0);
    expect(await page.getByTestId('member-role').count()).toBe(0);

    // The organisation is in the invitee's list too, with the role.
    await page.goto(`${baseUrl}/organisations`, { waitUntil: 'networkidle' });
    const card = page.getByTestId('organisation-card').filter({ hasText: organisation.nameTh });
    await card.waitFor();
    expect(await card.textContent()).toContain(th.organisations.role.editor);

    // The same link again: "already used", not an error page.
    await page.goto(invitationLink, { waitUntil: 'networkidle' });
    await page.getByTestId('accept-invitation').click();
    await page.getByTestId('invitation-used').waitFor();
    expect(await page.locator('h1').textContent()).toBe(th.orgs.accept.usedTitle);
    expect(unexpected(problems)).toEqual([]);
    await page.close();
  });

  it('the owner sees the new member with the editor role, and no open invitation', async () => {
    await ownerPage.reload({ waitUntil: 'networkidle' });
    const row = ownerPage.locator(`[data-testid="member-row"][data-email="${invitee.email}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(invitee.name);
    expect(await row.getByTestId('member-role').inputValue()).toBe('editor');
    await ownerPage.getByText(th.orgs.invitations.none).waitFor();
    // The "registered" notice was for the moment of creation, not for every reload.
    expect(await ownerPage.getByText(th.orgs.profile.created).count()).toBe(0);
    await screenshot(ownerPage, 'organisation-page-th');
    expect(ownerProblems).toEqual([]);
  });

  it('reports a concurrent edit instead of overwriting it, and saves after reloading', async () => {
    const ownerEdit = await ownerContext.newPage();
    const problems = watchProblems(ownerEdit);
    await ownerEdit.goto(`${organisationUrl}/edit`, { waitUntil: 'networkidle' });
    await ownerEdit.getByTestId('organisation-form').waitFor();
    // The saved area shows in the dependent selects.
    expect(await ownerEdit.getByTestId('org-district').inputValue()).toBe('5001');
    expect(await ownerEdit.getByTestId('org-subdistrict').inputValue()).toBe('500103');

    // Meanwhile the editor saves a change.
    const editorEdit = await inviteeContext.newPage();
    await editorEdit.goto(`${organisationUrl}/edit`, { waitUntil: 'networkidle' });
    await editorEdit.getByLabel(th.orgs.fields.contactPhone).fill('053 999 999');
    await editorEdit.getByRole('button', { name: th.orgs.form.save, exact: true }).click();
    await editorEdit.waitForURL(organisationUrl);
    await editorEdit.close();

    await ownerEdit.getByLabel(th.orgs.fields.nameEn).fill('Ban Hai Ya Weavers');
    await ownerEdit.getByRole('button', { name: th.orgs.form.save, exact: true }).click();
    const stale = ownerEdit.getByTestId('stale-version');
    await stale.waitFor();
    expect(await stale.textContent()).toContain(th.errors.STALE_VERSION);
    await stale.getByRole('button', { name: th.orgs.form.reloadLatest }).click();
    await ownerEdit.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[type="tel"]')?.value === '053 999 999',
    );
    await ownerEdit.getByLabel(th.orgs.fields.nameEn).fill('Ban Hai Ya Weavers');
    await ownerEdit.getByRole('button', { name: th.orgs.form.save, exact: true }).click();
    await ownerEdit.waitForURL(organisationUrl);
    await ownerEdit.getByText(th.orgs.profile.saved).waitFor();
    const facts = (await ownerEdit.getByTestId('organisation-facts').textContent()) ?? '';
    expect(facts).toContain('Ban Hai Ya Weavers');
    expect(facts).toContain('053 999 999');
    expect(unexpected(problems)).toEqual([]);
    await ownerEdit.close();
  });

  it('fits a 360 px phone: the organisation page and the form', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      storageState: await ownerContext.storageState(),
    });
    const page = await phone.newPage();
    const problems = watchProblems(page);
    await page.goto(organisationUrl, { waitUntil: 'networkidle' });
    await page.getByTestId('members-table').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone_organisation-th');
    await page.goto(`${organisationUrl}/edit`, { waitUntil: 'networkidle' });
    await page.getByTestId('organisation-form').waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'phone_organisation-form-th');
    expect(problems).toEqual([]);
    await phone.close();
  });
});

describe('users and roles (administrators)', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    context = await signedInContext(browser, ADMIN_EMAIL, DEMO_PASSWORD, '/account');
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await context.close();
  });

  it('opens from the account menu and lists the accounts with their roles', async () => {
    await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
    await page.getByTestId('account-menu').click();
    await page.getByTestId('nav-admin-users').click();
    await page.waitForURL(`${baseUrl}/admin/users`);
    await page.getByTestId('users-table').waitFor();
    const admin = page.locator(`[data-testid="user-row"][data-email="${ADMIN_EMAIL}"]`);
    expect(await admin.textContent()).toContain(th.accounts.roles.administrator);
    expect(problems).toEqual([]);
  });

  it('finds an account, grants roles (a driving unit for its staff) and revokes one', async () => {
    await page.getByTestId('user-search').fill(invitee.email);
    await page.getByRole('button', { name: th.adminUsers.search, exact: true }).click();
    await page.waitForURL(/search=/);
    const row = page.locator(`[data-testid="user-row"][data-email="${invitee.email}"]`);
    await row.waitFor();
    expect(await page.getByTestId('user-row').count()).toBe(1);

    await row.getByTestId('grant-role').selectOption('reviewer');
    await row.getByRole('button', { name: th.adminUsers.grant, exact: true }).click();
    await row.locator('[data-role="reviewer"]').waitFor();

    await row.getByTestId('grant-role').selectOption('driving_unit_staff');
    await row.getByRole('button', { name: th.adminUsers.grant, exact: true }).click();
    await row.getByText(th.adminUsers.chooseUnitFirst).waitFor();
    const unit = row.getByTestId('grant-unit');
    expect(await unit.getAttribute('aria-invalid')).toBe('true');
    expect(await unit.evaluate((el) => el === document.activeElement)).toBe(true);
    await unit.selectOption({ index: 1 });
    await row.getByRole('button', { name: th.adminUsers.grant, exact: true }).click();
    await row.locator('[data-role="driving_unit_staff"]').waitFor();
    expect(await row.locator('[data-role="driving_unit_staff"]').textContent()).toContain('(ตัวอย่าง)');
    await screenshot(page, 'admin-users-th');

    await row.locator('[data-role="reviewer"]').getByTestId('revoke-role').click();
    await row.getByTestId('revoke-role-confirm').click();
    await row.locator('[data-role="reviewer"]').waitFor({ state: 'detached' });
    expect(await row.locator('[data-role="driving_unit_staff"]').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('lets staff switch to every organisation', async () => {
    await page.goto(`${baseUrl}/organisations`, { waitUntil: 'networkidle' });
    await page.getByText(th.orgs.list.emptyMine).waitFor();
    await page.getByTestId('scope-all').click();
    await page.waitForURL(`${baseUrl}/organisations?scope=all`);
    await page.getByRole('heading', { level: 1, name: th.orgs.list.allTitle }).waitFor();
    expect(await page.getByTestId('scope-all').getAttribute('aria-pressed')).toBe('true');
    const card = page.getByTestId('organisation-card').filter({ hasText: organisation.nameTh });
    await card.waitFor();
    await card.getByRole('link').click();
    await page.waitForURL(/\/organisations\/[0-9a-f-]{36}$/);
    await page.getByTestId('members-table').waitFor();
    // Staff see the members but are not one of them: no role of their own, nothing to manage.
    expect(await page.getByTestId('my-role').count()).toBe(0);
    expect(await page.getByTestId('member-role').count()).toBe(0);
    expect(await page.getByTestId('leave').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('refuses to let the last administrator revoke their own role', async () => {
    await page.goto(`${baseUrl}/admin/users`, { waitUntil: 'networkidle' });
    await page.getByTestId('user-search').fill(ADMIN_EMAIL);
    await page.getByRole('button', { name: th.adminUsers.search, exact: true }).click();
    const row = page.locator(`[data-testid="user-row"][data-email="${ADMIN_EMAIL}"]`);
    await row.waitFor();
    await row.locator('[data-role="administrator"]').getByTestId('revoke-role').click();
    await row.getByTestId('revoke-role-confirm').click();
    const alert = page.getByTestId('admin-users-error');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(th.errors.LAST_ADMINISTRATOR);
    expect(unexpected(problems)).toEqual([]);
  });

  it('fits a 360 px phone', async () => {
    const phone = await browser.newContext({
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      storageState: await context.storageState(),
    });
    const phonePage = await phone.newPage();
    const phoneProblems = watchProblems(phonePage);
    await phonePage.goto(`${baseUrl}/admin/users?search=${encodeURIComponent(invitee.email)}`, {
      waitUntil: 'networkidle',
    });
    await phonePage.getByTestId('users-table').waitFor();
    expect(await overflowsHorizontally(phonePage)).toBe(false);
    await screenshot(phonePage, 'phone_admin-users-th');
    expect(phoneProblems).toEqual([]);
    await phone.close();
  });
});
