import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { th } from '@shared/i18n/th';
import type { MentoringRequestDetail, PersonDetail } from '@shared/contracts/mentoring';
import { registerVerified, signedInContext, unexpected, waitForMail } from './accounts-helpers';
import { api, apiLogin, apiResponse, DEMO_PASSWORD, OFFICER_EMAIL, type ApiSession } from './api-client';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';

const baseUrl = inject('baseUrl');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

// ---- Part 1 (MENTORING): a mentor logs a session through the browser and the mentee rates it -----------------------

describe('mentoring: a unit assigns a mentor, who logs a session that the mentee rates', () => {
  const stamp = Date.now();
  const mentorPerson = {
    name: 'ดร.วิไล ทองดี',
    email: `e2e-me-mentor-${stamp}@example.org`,
    password: 'พี่เลี้ยง-ชุมชน-2569',
  };
  const mentee = {
    name: 'สมพร ใจงาม',
    email: `e2e-me-mentee-${stamp}@example.org`,
    password: 'ผู้รับคำปรึกษา-2569',
  };
  const TOPIC = `วางแผนการตลาดผ้าทอ ${stamp}`;
  let officer: ApiSession;
  let menteeSession: ApiSession;
  let personId = '';
  let requestId = '';

  beforeAll(async () => {
    officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
    await registerVerified(mentorPerson);
    await registerVerified(mentee);
    menteeSession = await apiLogin(mentee.email, mentee.password);
  });

  it('puts the mentor in the registry and assigns them to an organisation’s request (mail to the mentor)', async () => {
    const person = await api<PersonDetail>(officer, 'POST', '/api/personnel', {
      nameTh: mentorPerson.name,
      roles: ['mentor'],
      expertise: ['marketing'],
      provinceCode: 96,
      accountEmail: mentorPerson.email,
    });
    personId = person.id;
    const organisation = await api<{ id: string }>(menteeSession, 'POST', '/api/organisations', {
      nameTh: `กลุ่มทอผ้าบ้านโคกสูง ${stamp}`,
      type: 'community_enterprise',
      provinceCode: 96,
    });
    const request = await api<MentoringRequestDetail>(menteeSession, 'POST', '/api/mentoring/requests', {
      organisationId: organisation.id,
      expertise: 'marketing',
      topic: TOPIC,
      details: 'ขายได้เฉพาะในหมู่บ้าน ต้องการช่องทางขายออนไลน์',
    });
    requestId = request.id;
    const assigned = await api<MentoringRequestDetail>(
      officer,
      'POST',
      `/api/mentoring/requests/${requestId}/assign`,
      {
        mentorId: personId,
        version: request.version,
      },
    );
    expect(assigned.status).toBe('assigned');
    const mail = await waitForMail(mentorPerson.email, { containing: `/mentoring/requests/${requestId}` });
    expect(mail.raw).toContain('mentoring');
  });

  it('lets the mentor log a session in the browser', async () => {
    const context = await signedInContext(browser, mentorPerson.email, mentorPerson.password, '/mentoring');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/mentoring`, { waitUntil: 'networkidle' });
    await page.getByTestId('requests-mentoring').getByRole('link', { name: TOPIC }).click();
    await page.waitForURL(`${baseUrl}/mentoring/requests/${requestId}`);
    const form = page.getByTestId('log-session-form');
    await form.getByLabel(th.mentoring.sessions.topic).fill('ทบทวนต้นทุนและตั้งราคา');
    await form.getByLabel(th.mentoring.sessions.hours).fill('2.5');
    await form.getByLabel(th.mentoring.sessions.notes).fill('ราคาขายเดิมต่ำกว่าต้นทุนจริง');
    await form.getByLabel(th.mentoring.sessions.followUps).fill('ทำบัญชีต้นทุนต่อชิ้นภายใน 2 สัปดาห์');
    await form.getByTestId('session-submit').click();
    await expect.poll(() => page.getByTestId('session').count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('session').first().textContent())
      .toContain('ทบทวนต้นทุนและตั้งราคา');
    await screenshot(page, 'mentoring-session-logged-1280');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('lets the mentee rate the session once, and the mentor’s record shows it', async () => {
    const context = await signedInContext(
      browser,
      mentee.email,
      mentee.password,
      `/mentoring/requests/${requestId}`,
    );
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/mentoring/requests/${requestId}`, { waitUntil: 'networkidle' });
    const rate = page.getByTestId('rate-form');
    await rate.getByTestId('rate-4').check({ force: true });
    await rate.getByTestId('rate-comment').fill('ได้แนวทางตั้งราคาที่ชัดเจน');
    await rate.getByTestId('rate-submit').click();
    await expect
      .poll(() => page.getByTestId('session-rating').textContent())
      .toContain('ได้แนวทางตั้งราคาที่ชัดเจน');
    expect(await page.getByTestId('rate-form').count()).toBe(0);
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'mentoring-session-rated-390');
    expect(unexpected(problems)).toEqual([]);
    await context.close();

    const detail = await api<MentoringRequestDetail>(
      menteeSession,
      'GET',
      `/api/mentoring/requests/${requestId}`,
    );
    const sessionId = detail.sessions[0]?.id ?? '';
    const again = await apiResponse(menteeSession, 'POST', `/api/mentoring/sessions/${sessionId}/rating`, {
      satisfaction: 1,
    });
    expect(again.status).toBe(409);
    const person = (await (await fetch(`${baseUrl}/api/personnel/${personId}`)).json()) as {
      data: PersonDetail;
    };
    expect(person.data.record).toMatchObject({
      hoursMentored: 2.5,
      sessions: 1,
      averageRating: 4,
      ratings: 1,
    });
  });
});

// ---- Part 2 (NETWORK): an officer records a partner's MOU through the browser; it appears in the network graph -----

describe('network: an officer records a partner and its MOU, and the partner appears in the network graph', () => {
  const stamp = Date.now();
  const NAME_TH = `มูลนิธิพัฒนาชุมชนชายฝั่งอันดามัน ${stamp}`;
  const NAME_EN = `Andaman Coastal Community Foundation ${stamp}`;
  const MOU_TITLE = `บันทึกความเข้าใจการฟื้นฟูป่าชายเลนโดยชุมชน ${stamp}`;
  /** A small but real PDF: the server reads the type from the content. */
  const SIGNED_COPY = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n' +
      'trailer<</Root 1 0 R>>\n%%EOF\n',
  );
  let officer: ApiSession;
  let partnerId = '';

  beforeAll(async () => {
    officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  });

  it('adds the partner and records an MOU with its signed copy through the browser', async () => {
    const context = await signedInContext(browser, OFFICER_EMAIL, DEMO_PASSWORD, '/network');
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/network`, { waitUntil: 'networkidle' });
    await page.getByTestId('add-partner').click();
    await page.waitForURL(`${baseUrl}/admin/network/partners/new`);
    // nothing chosen: the server names the fields, and the form shows them
    await page.getByTestId('partner-save').click();
    await expect.poll(() => page.locator('.field__error').count()).toBeGreaterThan(0);
    await page.getByTestId('partner-name-th').fill(NAME_TH);
    await page.getByTestId('partner-name-en').fill(NAME_EN);
    await page.getByTestId('partner-sector').selectOption('civil_society');
    await page.getByTestId('partner-role-diffusion_partner').check();
    await page.getByTestId('partner-role-mentor_provider').check();
    await page.getByTestId('partner-save').click();
    await page.waitForURL(/\/network\/partners\/[0-9a-f-]{36}$/);
    partnerId = page.url().split('/').at(-1) ?? '';
    await expect.poll(() => page.locator('h1').textContent()).toBe(NAME_TH);

    await page.getByTestId('mou-form-open').click();
    const form = page.getByTestId('mou-form');
    await page.getByTestId('mou-title').fill(MOU_TITLE);
    await page.getByTestId('mou-scope').fill('ชุมชนปลูกและดูแลป่าชายเลน 200 ไร่ มูลนิธิส่งพี่เลี้ยงภาคสนาม');
    // ends before it starts: refused, with the field named
    await page.getByTestId('mou-signed').fill('2026-06-01');
    await page.getByTestId('mou-starts').fill('2026-06-01');
    await page.getByTestId('mou-ends').fill('2026-01-01');
    await page.getByTestId('mou-form-save').click();
    await expect.poll(() => form.locator('.field__error').textContent()).toContain(th.errors.DATE_RANGE);
    await page.getByTestId('mou-ends').fill('2029-05-31');
    await page.getByTestId('mou-form-save').click();
    await expect.poll(() => page.getByTestId('mou').count()).toBe(1);
    await expect.poll(() => page.getByTestId('mou').textContent()).toContain(MOU_TITLE);

    await page.getByTestId('mou-upload').setInputFiles({
      name: 'บันทึกความเข้าใจ-ฉบับลงนาม.pdf',
      mimeType: 'application/pdf',
      buffer: SIGNED_COPY,
    });
    await expect.poll(() => page.getByTestId('mou-document').count()).toBe(1);
    const download = await context.request.get(
      `${baseUrl}${(await page.getByTestId('mou-document').getAttribute('href')) ?? ''}`,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    await screenshot(page, 'network-partner-mou-1280');
    expect(unexpected(problems)).toEqual([]);
    await context.close();

    // anyone sees the MOU; only staff see its documents
    const anonymous = (await (await fetch(`${baseUrl}/api/partners/${partnerId}`)).json()) as {
      data: { mous: Array<{ titleTh: string; state: string; documents: unknown }> };
    };
    expect(anonymous.data.mous).toMatchObject([{ titleTh: MOU_TITLE, documents: null }]);
  });

  it('shows the partner and its MOU in the network graph, and finds it by part of a Thai word', async () => {
    const graph = await api<{ edges: Array<{ source: string; target: string; kind: string }> }>(
      officer,
      'GET',
      '/api/network/graph',
    );
    expect(graph.edges).toContainEqual({
      source: `partner:${partnerId}`,
      target: 'agency',
      kind: 'mou',
      role: null,
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/network?q=${encodeURIComponent('อันดามัน')}`, { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.getByTestId('partner-card').allTextContents())
      .toEqual([expect.stringContaining(NAME_TH)]);
    await page.getByTestId('graph-link').click();
    await page.waitForURL(`${baseUrl}/network/graph`);
    const chart = page.getByTestId('network-graph');
    await chart.waitFor();
    expect(await chart.getAttribute('data-node-ids')).toContain(`partner:${partnerId}`);
    await expect.poll(() => page.getByTestId('graph-partners').textContent()).toContain(NAME_TH);
    // ECharts draws on a canvas, loaded only for this page
    await expect.poll(() => chart.locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'network-graph-1280');
    // filtered by a role it does not have, it is gone
    await page.getByTestId('graph-role').selectOption('co_funder');
    await expect
      .poll(async () => (await page.getByTestId('graph-partners').textContent()) ?? '')
      .not.toContain(NAME_TH);
    await page.getByTestId('graph-role').selectOption('diffusion_partner');
    await expect.poll(() => page.getByTestId('graph-partners').textContent()).toContain(NAME_TH);
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'network-graph-390');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
