import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { validateAnswers } from '@shared/forms/validate';
import type { CallDetail, CallSummary } from '@shared/contracts/calls';
import { ensureDemoCalls } from './calls.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');

beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

describe('demo calls', () => {
  it('load once: two open calls, one upcoming and one closed, with complete forms and problem statements', async () => {
    const partnerUserId = await ensureAccount(ctx.database.db, {
      email: 'partner@demo.test',
      name: 'ภาคี',
      password: 'correct horse battery',
      role: 'partner',
    });
    expect(await ensureDemoCalls(ctx.database.db, { now: NOW, partnerUserId })).toBe(
      'calls CC-2570, AB-2570, SE-2570, SV-2569',
    );
    expect(await ensureDemoCalls(ctx.database.db, { now: NOW, partnerUserId })).toBe('no new calls');

    const client = new TestClient(ctx.app);
    const list = (await client.get('/api/calls')).json<{ data: CallSummary[] }>().data;
    const byCode = new Map(list.map((c) => [`${c.code}-${c.fiscalYear}`, c]));
    expect(byCode.get('CC-2570')).toMatchObject({
      phase: 'open',
      stageMode: 'two_stage',
      opensAt: '2026-10-31T17:00:00.000Z',
      closesAt: '2027-02-28T16:59:59.000Z',
      fullClosesAt: '2027-05-31T16:59:59.000Z',
      problemStatementCount: 3,
    });
    expect(byCode.get('AB-2570')).toMatchObject({
      phase: 'open',
      closesAt: '2027-01-31T16:59:59.000Z',
      eligibility: { targetGroupOnly: true },
    });
    expect(byCode.get('SE-2570')).toMatchObject({
      phase: 'upcoming',
      maxGrantSatang: 150_000_000,
      eligibility: { themes: ['health', 'finance_employment_welfare'] },
    });
    expect(byCode.get('SV-2569')).toMatchObject({ phase: 'closed', status: 'published' });

    for (const summary of list) {
      const detail = (await client.get(`/api/calls/${summary.id}`)).json<{ data: CallDetail }>().data;
      expect(detail.forms.map((f) => f.stage)).toEqual(
        summary.stageMode === 'two_stage' ? ['concept', 'full'] : ['proposal'],
      );
      for (const form of detail.forms) {
        const types = form.definition.sections.flatMap((s) => s.questions.map((q) => q.type));
        expect(types).toContain('area');
        expect(validateAnswers(form.definition, {}, 'submit').length).toBeGreaterThan(0);
      }
    }
    const city = (await client.get(`/api/calls/${byCode.get('CC-2570')?.id ?? ''}`)).json<{
      data: CallDetail;
    }>().data;
    expect(city.problemStatements).toHaveLength(3);
    expect(city.problemStatements[0]?.ownerOrganisationName).toBe('เทศบาลนครขอนแก่น (ตัวอย่าง)');
    const area = (await client.get(`/api/calls/${byCode.get('AB-2570')?.id ?? ''}`)).json<{
      data: CallDetail;
    }>().data;
    const types = area.forms[0]?.definition.sections.flatMap((s) => s.questions.map((q) => q.type));
    expect(types).toEqual(expect.arrayContaining(['budget_table', 'area', 'file']));
  });
});
