import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import type { OrganisationRef } from '@shared/contracts/proposals';

let ctx: TestContext;
let owner: Person;
let applicant: Person;

beforeAll(async () => {
  ctx = await createTestApp();
  owner = await signedIn(ctx, 'lookup-owner@example.org');
  applicant = await signedIn(ctx, 'lookup-applicant@example.org');
});
afterAll(async () => {
  await ctx.close();
});

function lookupUrl(q: string): string {
  return `/api/organisations/lookup?q=${encodeURIComponent(q)}`;
}

async function lookup(client: TestClient, q: string): Promise<OrganisationRef[]> {
  const response = await client.get(lookupUrl(q));
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: OrganisationRef[] }>().data;
}

describe('GET /api/organisations/lookup', () => {
  it('answers 401 when signed out', async () => {
    const response = await new TestClient(ctx.app).get(lookupUrl('ทอผ้า'));
    expect(response.statusCode).toBe(401);
  });

  it.each([['ก'], ['  ก  '], ['x'.repeat(101)]])('answers 400 with an issue on query.q for %j', async (q) => {
    const response = await applicant.client.get(lookupUrl(q));
    expect(response.statusCode).toBe(400);
    const issues = response.json<{ error: { details: { issues: Array<{ field: string }> } } }>().error.details
      .issues;
    expect(issues.map((i) => i.field)).toEqual(['query.q']);
  });

  it('answers 400 without q', async () => {
    expect((await applicant.client.get('/api/organisations/lookup')).statusCode).toBe(400);
  });

  it('finds another organisation by part of its Thai or English name, without its contact data', async () => {
    const id = await createOrganisation(owner.client, {
      nameTh: 'วิสาหกิจชุมชนทอผ้าบ้านนาโพธิ์',
      nameEn: 'Ban Na Pho Weaving Community Enterprise',
      addressLine: '99 หมู่ 4',
      contactEmail: 'weaving@example.org',
      contactPhone: '0812345678',
      website: 'https://weaving.example.org',
      description: 'ทอผ้าไหม',
    });
    // The applicant is no member of it, yet finds it by a trimmed Thai fragment.
    const response = await applicant.client.get(lookupUrl('  ทอผ้าบ้านนา '));
    expect(response.statusCode).toBe(200);
    const found = response.json<{ data: Array<Record<string, unknown>> }>().data;
    expect(found).toEqual([
      {
        id,
        nameTh: 'วิสาหกิจชุมชนทอผ้าบ้านนาโพธิ์',
        nameEn: 'Ban Na Pho Weaving Community Enterprise',
        type: 'community_enterprise',
        provinceCode: null,
      },
    ]);
    for (const leak of ['weaving@example.org', '0812345678', 'weaving.example.org', '99 หมู่ 4', 'ทอผ้าไหม']) {
      expect(response.body).not.toContain(leak);
    }
    expect((await lookup(applicant.client, 'na pho weav')).map((o) => o.id)).toEqual([id]);
    expect(await lookup(applicant.client, 'ไม่มีองค์กรชื่อนี้')).toEqual([]);
  });

  it('gives at most 20, ordered by Thai name', async () => {
    const names = Array.from({ length: 22 }, (_, i) => `กลุ่มเพดานยี่สิบ ${String(21 - i).padStart(2, '0')}`);
    for (const nameTh of names) {
      await createOrganisation(owner.client, { nameTh });
    }
    const found = await lookup(applicant.client, 'เพดานยี่สิบ');
    expect(found).toHaveLength(20);
    expect(found.map((o) => o.nameTh)).toEqual([...names].sort().slice(0, 20));
  });

  it('matches % and _ literally', async () => {
    const percent = await createOrganisation(owner.client, { nameTh: 'สหกรณ์ร้อยเปอร์เซ็นต์ 100% อินทรีย์' });
    await createOrganisation(owner.client, { nameTh: 'สหกรณ์ร้อยเปอร์เซ็นต์ 1000 อินทรีย์' });
    const underscore = await createOrganisation(owner.client, { nameTh: 'กลุ่ม a_b ขีดล่าง' });
    await createOrganisation(owner.client, { nameTh: 'กลุ่ม axb ขีดล่าง' });
    expect((await lookup(applicant.client, '100%')).map((o) => o.id)).toEqual([percent]);
    expect((await lookup(applicant.client, '%%')).map((o) => o.id)).toEqual([]);
    expect((await lookup(applicant.client, 'a_b')).map((o) => o.id)).toEqual([underscore]);
  });
});

describe('GET /api/organisations/lookup (similar names)', () => {
  it('finds a misspelt name when no name holds the text', async () => {
    const id = await createOrganisation(owner.client, { nameTh: 'วิสาหกิจชุมชนผ้าย้อมครามบ้านดอนกอย' });
    const found = await lookup(applicant.client, 'ผ้าย้อมครามบ้านดอนกอน');
    expect(found[0]?.id).toBe(id);
  });
});
