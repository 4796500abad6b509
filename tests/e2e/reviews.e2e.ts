import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { th } from '@shared/i18n/th';
import type { FormDefinitionInput } from '@shared/contracts/forms';
import type { ReviewSheet } from '@shared/contracts/reviews';
import type { MyAssignment, MyReviews } from '@shared/contracts/reviewers';
import type { UserSummary } from '@shared/contracts/identity';
import { mailText } from '@tests/helpers/smtp';
import { readMail, registerVerified, signedInContext, unexpected, waitForMail } from './accounts-helpers';
import {
  ADMIN_EMAIL,
  api,
  apiLogin,
  apiResponse,
  bangkokEndOfDay,
  DEMO_PASSWORD,
  OFFICER_EMAIL,
  type ApiSession,
} from './api-client';
import { launchBrowser, overflowsHorizontally, screenshot, watchProblems } from './browser';
import { renderPdf } from './pdf-render';

const baseUrl = inject('baseUrl');
const stamp = Date.now();
const BAHT = 100;

const FORM: FormDefinitionInput = {
  sections: [
    {
      id: 'project',
      titleTh: 'ข้อมูลโครงการ',
      titleEn: 'The project',
      questions: [
        { id: 'summary', type: 'long_text', labelTh: 'สรุปโครงการ', labelEn: 'Summary', required: true },
        {
          id: 'budget',
          type: 'budget_table',
          labelTh: 'รายการงบประมาณ',
          labelEn: 'Budget lines',
          required: true,
        },
      ],
    },
  ],
};

/** Three proposals; reviewers score the first best and the last worst. */
const PROPOSALS = [
  { titleTh: `ธนาคารน้ำใต้ดินชุมชนบ้านหนองบัว ${stamp}`, baht: 900_000, score: 'high' },
  { titleTh: `ตลาดออนไลน์ผ้าทอมือกลุ่มแม่บ้าน ${stamp}`, baht: 700_000, score: 'middle' },
  { titleTh: `ศูนย์เรียนรู้ขยะอินทรีย์ในโรงเรียน ${stamp}`, baht: 500_000, score: 'low' },
] as const;

const applicant = {
  name: 'สมศรี ผู้ยื่นข้อเสนอ',
  email: `e2e-rv-applicant-${stamp}@example.org`,
  password: 'ข้อเสนอ-หนองบัว-2569',
};
const reviewers = ['ก', 'ข', 'ค'].map((letter, i) => ({
  name: `ผู้ทรงคุณวุฒิ ${letter}`,
  email: `e2e-reviewer-${i}-${stamp}@example.org`,
  password: `ผู้ทรงคุณวุฒิ-${i}-2569`,
}));

let browser: Browser;
let officer: ApiSession;
let callId = '';
const proposalIds: string[] = [];
const reviewerSessions: ApiSession[] = [];

async function myAssignments(session: ApiSession): Promise<MyAssignment[]> {
  return (await api<MyReviews>(session, 'GET', '/api/review-assignments')).assignments;
}

/** The reviewer's scores for a proposal: 5s for the strongest, 4s for the middle, 2s (with comments) for the weakest. */
function scoreFor(proposalId: string): number {
  const index = proposalIds.indexOf(proposalId);
  return [5, 4, 2][index] ?? 3;
}

/** Declares no conflict (when still pending), scores and submits through the API. */
async function reviewThroughApi(session: ApiSession, assignment: MyAssignment): Promise<void> {
  if (assignment.status === 'pending_coi') {
    await api(session, 'POST', `/api/review-assignments/${assignment.id}/conflict`, {
      hasConflict: false,
      statement: '',
    });
  }
  const sheet = await api<ReviewSheet>(session, 'GET', `/api/review-assignments/${assignment.id}/review`);
  const score = scoreFor(sheet.proposalId);
  const scores = Object.fromEntries(
    sheet.criteria.map((c) => [
      c.id,
      { score: Math.min(c.scaleMax, Math.max(c.scaleMin, score)), comment: 'มีเหตุผลประกอบตามเกณฑ์' },
    ]),
  );
  const saved = await api<ReviewSheet>(session, 'PUT', `/api/review-assignments/${assignment.id}/review`, {
    version: sheet.review.version,
    scores,
    comment: 'ความเห็นโดยรวมของผู้ทรงคุณวุฒิ',
    recommendation: score >= 4 ? 'fund' : 'do_not_fund',
  });
  await api(session, 'POST', `/api/review-assignments/${assignment.id}/review/submit`, {
    version: saved.review.version,
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  officer = await apiLogin(OFFICER_EMAIL, DEMO_PASSWORD);
  const call = await api<{ id: string }>(officer, 'POST', '/api/calls', {
    programmeSlug: 'sectoral',
    code: 'ERV',
    titleTh: `รอบทดสอบการพิจารณาข้อเสนอ ${stamp}`,
    titleEn: 'Test call: review and decisions',
    descriptionTh: 'รอบสำหรับทดสอบการพิจารณาโดยผู้ทรงคุณวุฒิ',
    descriptionEn: 'A call to test expert review',
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: bangkokEndOfDay(30),
    fiscalYear: 2570,
    totalBudgetSatang: 2_000_000 * BAHT,
    minGrantSatang: 100_000 * BAHT,
    maxGrantSatang: 1_000_000 * BAHT,
    eligibility: { maxProposalsPerOrganisation: 5 },
  });
  callId = call.id;
  await api(officer, 'PUT', `/api/calls/${callId}/forms/proposal`, { definition: FORM });
  await api(officer, 'POST', `/api/calls/${callId}/publish`);
  const settings = await api<{ version: number }>(officer, 'GET', `/api/calls/${callId}/review-settings`);
  await api(officer, 'PATCH', `/api/calls/${callId}/review-settings`, {
    version: settings.version,
    reviewersPerProposal: 2,
    shareFeedback: true,
  });

  await registerVerified(applicant);
  const session = await apiLogin(applicant.email, applicant.password);
  const organisation = await api<{ id: string }>(session, 'POST', '/api/organisations', {
    nameTh: `วิสาหกิจชุมชนหนองบัวพัฒนา ${stamp}`,
    type: 'community_enterprise',
    provinceCode: 40,
  });
  for (const p of PROPOSALS) {
    const draft = await api<{ id: string; version: number }>(session, 'POST', '/api/proposals', {
      callId,
      organisationId: organisation.id,
      titleTh: p.titleTh,
    });
    const saved = await api<{ version: number }>(session, 'PATCH', `/api/proposals/${draft.id}`, {
      version: draft.version,
      answers: {
        summary: `${p.titleTh}: ชุมชนร่วมกันออกแบบและดูแลนวัตกรรม เพื่อแก้ปัญหาของพื้นที่อย่างยั่งยืน`,
        budget: [{ category: 'materials', description: 'วัสดุและอุปกรณ์', amountSatang: p.baht * BAHT }],
      },
    });
    await api(session, 'POST', `/api/proposals/${draft.id}/submit`, { version: saved.version });
    proposalIds.push(draft.id);
  }
  await api(officer, 'POST', `/api/calls/${callId}/screening`, { ids: proposalIds, result: 'passed' });

  const admin = await apiLogin(ADMIN_EMAIL, DEMO_PASSWORD);
  const reviewerIds: string[] = [];
  for (const person of reviewers) {
    await registerVerified(person);
    const [user] = await api<UserSummary[]>(
      admin,
      'GET',
      `/api/admin/users?search=${encodeURIComponent(person.email)}`,
    );
    expect(user?.email).toBe(person.email);
    await api(admin, 'POST', `/api/admin/users/${user?.id}/roles`, { role: 'reviewer' });
    reviewerIds.push(user?.id ?? '');
  }
  await api(officer, 'POST', `/api/calls/${callId}/reviewers`, { reviewerIds });
  for (const person of reviewers) {
    const reviewerSession = await apiLogin(person.email, person.password);
    await api(reviewerSession, 'POST', `/api/review-invitations/${callId}/accept`);
    reviewerSessions.push(reviewerSession);
  }
});

afterAll(async () => {
  await browser.close();
});

describe('review and decisions: assign → conflicts → scores → calibrated ranking → awards → the letter', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  afterAll(async () => {
    await context.close();
  });

  it('the officer assigns two reviewers to each proposal automatically and sees why', async () => {
    context = await signedInContext(
      browser,
      OFFICER_EMAIL,
      DEMO_PASSWORD,
      `/admin/calls/${callId}/reviewers`,
    );
    page = await context.newPage();
    problems = watchProblems(page);
    await page.goto(`${baseUrl}/admin/calls/${callId}/reviewers`, { waitUntil: 'networkidle' });
    await page.getByTestId('auto-assign').click();
    const rows = page.getByTestId('assignment-row');
    await rows.nth(5).waitFor();
    expect(await rows.count()).toBe(6);
    expect((await page.getByTestId('assignment-why').first().textContent())?.trim()).not.toBe('');
    await screenshot(page, 'reviews-assignments-th');
    expect(unexpected(problems)).toEqual([]);
  });

  it('a reviewer declares no conflict, reads the proposal, scores it on the rubric and submits (then it is locked)', async () => {
    const reviewerContext = await signedInContext(
      browser,
      reviewers[0]?.email ?? '',
      reviewers[0]?.password ?? '',
      '/reviews',
    );
    const reviewerPage = await reviewerContext.newPage();
    const reviewerProblems = watchProblems(reviewerPage);
    await reviewerPage.goto(`${baseUrl}/reviews`, { waitUntil: 'networkidle' });
    const card = reviewerPage.getByTestId('my-assignment').first();
    await card.getByTestId('coi-none').check();
    await card.getByTestId('coi-submit').click();
    await card.getByTestId('open-assignment').click();
    await reviewerPage.getByTestId('reviewer-proposal').waitFor();
    const assignmentId = reviewerPage.url().split('/').pop() ?? '';
    const session = reviewerSessions[0] as ApiSession;
    const sheet = await api<ReviewSheet>(session, 'GET', `/api/review-assignments/${assignmentId}/review`);
    const score = scoreFor(sheet.proposalId);
    const panel = reviewerPage.getByTestId('review-scoring-panel');
    for (const criterion of sheet.criteria) {
      await panel
        .getByTestId(`score-${criterion.id}`)
        .getByRole('radio', { name: th.reviews.scoring.scoreOption.replace('{{score}}', String(score)) })
        .check();
      await panel.getByTestId(`comment-${criterion.id}`).fill('ชุมชนมีส่วนร่วมชัดเจน');
    }
    await panel.getByTestId(score >= 4 ? 'recommendation-fund' : 'recommendation-do_not_fund').check();
    await panel.getByTestId('overall-comment').fill('ข้อเสนอมีความเป็นไปได้และขยายผลได้');
    await screenshot(reviewerPage, 'reviews-scoring-th');
    await panel.getByTestId('submit-review').click();
    await panel.getByTestId('submit-confirm-button').click();
    await panel.getByTestId('review-locked').waitFor();

    const locked = await apiResponse(session, 'PUT', `/api/review-assignments/${assignmentId}/review`, {
      version: 99,
      scores: {},
      comment: 'เปลี่ยนใจ',
      recommendation: 'fund',
    });
    expect(locked.status).toBe(409);
    expect(unexpected(reviewerProblems)).toEqual([]);
    await reviewerContext.close();
  });

  it('a reviewer who declares a conflict is recused and cannot open the proposal', async () => {
    const person = reviewers[2] ?? reviewers[0];
    const reviewerContext = await signedInContext(
      browser,
      person?.email ?? '',
      person?.password ?? '',
      '/reviews',
    );
    const reviewerPage = await reviewerContext.newPage();
    await reviewerPage.goto(`${baseUrl}/reviews`, { waitUntil: 'networkidle' });
    const session = reviewerSessions[2] as ApiSession;
    const before = await myAssignments(session);
    const target = before.find((a) => a.status === 'pending_coi');
    expect(target).toBeDefined();
    const card = reviewerPage.getByTestId('my-assignment').filter({ hasText: target?.titleTh ?? '' });
    await card.getByTestId('coi-has').check();
    await card.getByTestId('coi-statement').fill('เคยเป็นที่ปรึกษาของวิสาหกิจชุมชนนี้');
    await card.getByTestId('coi-submit').click();
    await card.getByTestId('coi-form').waitFor({ state: 'detached' });
    expect((await myAssignments(session)).find((a) => a.id === target?.id)?.status).toBe('recused');

    await reviewerPage.goto(`${baseUrl}/reviews/${target?.id}`, { waitUntil: 'networkidle' });
    await reviewerPage.getByTestId('proposal-blocked').waitFor();
    expect(await reviewerPage.getByTestId('reviewer-proposal').count()).toBe(0);
    expect((await apiResponse(session, 'GET', `/api/review-assignments/${target?.id}/proposal`)).status).toBe(
      403,
    );
    expect((await apiResponse(session, 'GET', `/api/review-assignments/${target?.id}/review`)).status).toBe(
      403,
    );
    await screenshot(reviewerPage, 'reviews-recused-th');
    await reviewerContext.close();

    // Everyone else's assignments, including the replacement for the recusal, are reviewed through the API.
    for (const reviewerSession of reviewerSessions) {
      for (const assignment of await myAssignments(reviewerSession)) {
        if (
          assignment.status === 'pending_coi' ||
          (assignment.status === 'active' && assignment.reviewStatus !== 'submitted')
        ) {
          await reviewThroughApi(reviewerSession, assignment);
        }
      }
    }
  });

  it('the officer sees the raw and calibrated ranking, awards two and rejects one, then releases the letters', async () => {
    await page.goto(`${baseUrl}/admin/calls/${callId}/ranking`, { waitUntil: 'networkidle' });
    const rows = page.getByTestId('ranking-row');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    // Every reviewer gives a proposal the same scores, so its raw mean is fixed; the calibrated score depends on which
    // reviewers read which proposals (the assignment), so only its presence is checked.
    const expectedRaw = ['100.0', '75.0', '25.0'];
    for (const [i, p] of PROPOSALS.entries()) {
      const row = rows.filter({ hasText: p.titleTh });
      expect(
        (await row.getByTestId('raw-score').textContent())?.trim().startsWith(expectedRaw[i] ?? ''),
      ).toBe(true);
      expect((await row.getByTestId('calibrated-score').textContent())?.trim()).toMatch(/^\d+\.\d/);
    }
    await screenshot(page, 'reviews-ranking-th');

    const decide = async (
      index: number,
      outcome: 'award' | 'reject',
      amountBaht: number | null,
      reason: string,
    ) => {
      const row = rows.filter({ hasText: PROPOSALS[index]?.titleTh ?? '' });
      await row.getByTestId('decision-open').click();
      const dialog = page.getByTestId('decision-dialog');
      await dialog.getByTestId(`decision-outcome-${outcome}`).check();
      if (amountBaht !== null) {
        await dialog.getByTestId('decision-amount').fill(String(amountBaht));
      }
      await dialog.getByTestId('decision-reason').fill(reason);
      await dialog.getByTestId('decision-save').click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText(th.decisions.outcome[outcome]).first().waitFor();
    };
    await decide(0, 'award', PROPOSALS[0].baht, 'คะแนนสูงสุด ชุมชนพร้อมดำเนินการ');
    await decide(1, 'award', 600_000, 'ปรับลดงบประมาณหมวดวัสดุ');
    await decide(2, 'reject', null, 'แผนการดำเนินงานยังไม่ชัดเจน และยังไม่มีภาคีร่วม');

    await page.getByTestId('release-open').click();
    await page.getByRole('button', { name: th.decisions.summary.releaseConfirm, exact: true }).click();
    await page
      .getByTestId('release-decisions')
      .getByText(th.decisions.summary.released.replace('{{count}}', '3'))
      .waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/admin/calls/${callId}/ranking`, { waitUntil: 'networkidle' });
    await rows.first().waitFor();
    await screenshot(page, 'reviews-ranking-th-390');
    expect(await overflowsHorizontally(page)).toBe(false);
    expect(unexpected(problems)).toEqual([]);
  });

  it('the applicant reads the decision, the feedback and the letter (email and PDF)', async () => {
    await waitForMail(applicant.email, { containing: th.decisions.emailLetter.action });
    const letters = readMail()
      .filter((entry) => entry.to.includes(applicant.email))
      .map((entry) => mailText(entry.raw))
      .filter((text) => text.includes(th.decisions.emailLetter.action));
    const awardLetter = letters.find((text) => text.includes(PROPOSALS[1].titleTh));
    expect(awardLetter).toContain('600,000');

    const applicantContext = await signedInContext(
      browser,
      applicant.email,
      applicant.password,
      '/proposals',
    );
    const applicantPage = await applicantContext.newPage();
    await applicantPage.goto(`${baseUrl}/proposals/${proposalIds[1]}`, { waitUntil: 'networkidle' });
    const card = applicantPage.getByTestId('decision-card');
    await card.waitFor();
    expect(await card.getByTestId('decision-amount').textContent()).toContain('600,000');
    await card.getByTestId('decision-feedback').waitFor();
    const feedback = (await card.getByTestId('decision-feedback').textContent()) ?? '';
    for (const person of reviewers) {
      expect(feedback).not.toContain(person.name);
    }
    await screenshot(applicantPage, 'reviews-decision-applicant-th');

    const href = await card.getByTestId('letter-th').getAttribute('href');
    const letter = await applicantContext.request.get(`${baseUrl}${href}`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toContain('application/pdf');
    const rendered = await renderPdf(browser, await letter.body());
    const text = rendered.text.replace(/\u0E33\u0E32/g, '\u0E33').replace(/\s+/g, ' ');
    expect(text).toContain('600,000');
    expect(text.replace(/\s/g, '')).toContain(PROPOSALS[1].titleTh.replace(/\s/g, ''));
    expect(rendered.inkRatio).toBeGreaterThan(0.005);
    await applicantContext.close();
  });
});
