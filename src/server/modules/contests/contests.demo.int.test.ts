import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { emailOutbox } from '@server/db/schema/index';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDemoCalls } from '@server/modules/calls/calls.demo';
import { ensureDemoReviewRound } from '@server/modules/decisions/decisions.demo';
import type {
  CertificateVerification,
  ContestEntry,
  ContestRanking,
  ContestSummary,
  ContestWinners,
} from '@shared/contracts/contests';
import type { PlatformRole } from '@shared/contracts/identity';
import { ensureDemoContest } from './contests.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

async function account(email: string, role: PlatformRole | null, locale?: 'en'): Promise<string> {
  const id = await ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    role,
  });
  if (locale) {
    const client = new TestClient(ctx.app);
    expect((await client.signIn(email, PASSWORD)).statusCode).toBe(200);
    expect((await client.patch('/api/auth/me', { locale })).statusCode).toBe(200);
  }
  return id;
}

describe('demo contest', () => {
  it('announces a judged contest with winners, certificates anyone can verify, after the demo review round', async () => {
    const { db } = ctx.database;
    await ensureDemoCalls(db, { now: NOW, partnerUserId: null });
    const officerUserId = await account('officer@demo.test', 'programme_officer');
    const applicantUserId = await account('applicant@demo.test', null);
    const partnerUserId = await account('partner@demo.test', 'partner', 'en');
    const reviewerUserIds = [
      await account('reviewer1@demo.test', 'reviewer'),
      await account('reviewer2@demo.test', 'reviewer'),
      await account('reviewer3@demo.test', 'reviewer'),
    ];
    await ensureDemoReviewRound(db, { now: NOW, officerUserId, applicantUserId, reviewerUserIds });
    const options = {
      now: NOW,
      officerUserId,
      applicantUserId,
      partnerUserId,
      judgeUserIds: reviewerUserIds,
    };
    expect(await ensureDemoContest(db, options)).toBe(
      'SIA-2569: 4 entries (2 proposals), 3 judges, 3 winners announced',
    );
    expect(await ensureDemoContest(db, options)).toBe('SIA-2569: already there');

    const anonymous = new TestClient(ctx.app);
    const contests = (await anonymous.get('/api/contests')).json<{ data: ContestSummary[] }>().data;
    const contest = contests.find((c) => c.code === 'SIA');
    expect(contest).toMatchObject({ status: 'announced', programmeSlug: 'sectoral', fiscalYear: 2569 });
    expect(new Date(contest?.announcedAt ?? '').getTime()).toBeLessThan(NOW.getTime());

    const winners = (await anonymous.get(`/api/contests/${contest?.id}/winners`)).json<{
      data: ContestWinners;
    }>().data;
    expect(winners.categories.map((c) => c.winners.map((w) => w.place))).toEqual([[1, 2], [1]]);
    expect(winners.categories[0]?.winners[0]?.organisationNameEn).toBe(
      'Clean Water Model Subdistrict Administration (demo)',
    );

    const officer = new TestClient(ctx.app);
    expect((await officer.signIn('officer@demo.test', PASSWORD)).statusCode).toBe(200);
    const ranking = (await officer.get(`/api/contests/${contest?.id}/ranking`)).json<{
      data: ContestRanking;
    }>().data;
    expect(ranking.judges).toBe(3);
    for (const category of ranking.categories) {
      expect(category.rows.every((r) => r.submitted === 3)).toBe(true);
      // The winners are the top of the judges' ranking.
      expect(category.rows.filter((r) => r.place !== null).map((r) => r.rank)).toEqual(
        category.rows.filter((r) => r.place !== null).map((r) => r.place),
      );
    }

    const entries = (await officer.get(`/api/contests/${contest?.id}/entries`)).json<{
      data: ContestEntry[];
    }>().data;
    const codes = entries.flatMap((e) => (e.certificateCode ? [e.certificateCode] : []));
    expect(codes).toHaveLength(3);
    const verified = (await anonymous.get(`/api/contest-certificates/${codes[0]}`)).json<{
      data: CertificateVerification;
    }>().data;
    expect(verified.status).toBe('valid');

    // The partner nominated the open entries and hears of their wins in English, the language they chose.
    const partnerMail = await db
      .select({ subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, 'partner@demo.test'), eq(emailOutbox.template, 'contest_winner')));
    expect(partnerMail).toHaveLength(1);
    expect(partnerMail[0]?.subject).toContain('Outstanding Social Innovation Awards FY2026');
    expect(partnerMail[0]?.subject).not.toMatch(/[\u0E00-\u0E7F]/);
  });
});
