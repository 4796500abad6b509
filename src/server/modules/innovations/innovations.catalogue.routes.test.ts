import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { signedIn, type Person } from '@tests/factories/people';
import { corpusRow, loadCorpus } from '@tests/factories/catalogue';
import { innovations } from '@server/db/schema/index';
import type { CatalogueList, SuggestionList } from '@shared/contracts/innovation-catalogue';
import { PROVINCES } from '@shared/reference/provinces';
import { INNOVATION_CORPUS } from './innovations.corpus';
import { SEARCH_RANK_MAX } from './innovations.catalogue.repo';

let ctx: TestContext;
let anonymous: TestClient;
let officer: Person;
let applicant: Person;
let ids: Map<string, string>;
let draftId: string;
let unpublishedId: string;

const corpus = (key: string) => {
  const entry = INNOVATION_CORPUS.find((e) => e.key === key);
  if (!entry) {
    throw new Error(`no corpus entry ${key}`);
  }
  return entry;
};

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
  anonymous = new TestClient(ctx.app);
  officer = await signedIn(ctx, 'officer@catalogue.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@catalogue.test');
  ids = await loadCorpus(ctx.database.db);
  const extra = await ctx.database.db
    .insert(innovations)
    .values([
      corpusRow(corpus('waste-bank'), {
        titleTh: 'ธนาคารขยะฉบับร่างยังไม่เผยแพร่',
        titleEn: 'Draft waste bank',
        status: 'draft',
        publishedAt: null,
        isFeatured: true,
      }),
      corpusRow(corpus('waste-bank'), {
        titleTh: 'ธนาคารขยะที่ถอนการเผยแพร่',
        titleEn: 'Withdrawn waste bank',
        status: 'unpublished',
      }),
    ])
    .returning({ id: innovations.id });
  draftId = extra[0]?.id ?? '';
  unpublishedId = extra[1]?.id ?? '';
});
afterAll(async () => {
  await ctx.close();
});

async function list(query: string, client: TestClient = anonymous): Promise<CatalogueList> {
  const response = await client.get(`/api/innovations?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CatalogueList>();
}

const idOf = (key: string) => ids.get(key) ?? '';

describe('GET /api/innovations (public catalogue)', () => {
  it('lists published entries only, featured first when there is no query', async () => {
    const page = await list('limit=100');
    expect(page.page.total).toBe(INNOVATION_CORPUS.length);
    const found = page.data.map((i) => i.id);
    expect(found).not.toContain(draftId);
    expect(found).not.toContain(unpublishedId);
    const featured = INNOVATION_CORPUS.filter((e) => e.isFeatured).length;
    expect(page.data.slice(0, featured).every((i) => i.isFeatured)).toBe(true);
    expect(page.data.slice(featured).some((i) => i.isFeatured)).toBe(false);
  });

  it('finds a Thai title typed without spaces and highlights the words in the title and the summary', async () => {
    const page = await list(`q=${encodeURIComponent('ธนาคารปูม้า')}`);
    const first = page.data[0];
    expect(first?.id).toBe(idOf('crab-bank'));
    const marked = first?.highlight.titleTh.filter((p) => p.match).map((p) => p.text);
    expect(marked?.join('')).toBe('ธนาคารปูม้า');
    expect(first?.highlight.titleTh.map((p) => p.text).join('')).toBe(first?.titleTh);
    expect(first?.originProvince).toEqual({ code: 86, nameTh: 'ชุมพร', nameEn: 'Chumphon' });
  });

  it('keeps drafts out of a search too', async () => {
    const page = await list(`q=${encodeURIComponent('ธนาคารขยะ')}&limit=100`);
    expect(page.data[0]?.id).toBe(idOf('waste-bank'));
    expect(page.data[0]?.highlight.summaryTh.filter((p) => p.match).map((p) => p.text)).toEqual(['ขยะ']);
    expect(page.data.map((i) => i.id)).not.toContain(draftId);
  });

  it('finds a misspelt word among correct ones by retrying with any word', async () => {
    const page = await list(`q=${encodeURIComponent('ธนาคารปูม้า qqqxyz')}`);
    expect(page.data[0]?.id).toBe(idOf('crab-bank'));
  });

  it('filters by theme, SDG, province, region, SRL range, diffusion-readiness and featured', async () => {
    const expectKeys = async (query: string, keep: (e: (typeof INNOVATION_CORPUS)[number]) => boolean) => {
      const page = await list(`${query}&limit=100`);
      const expected = INNOVATION_CORPUS.filter(keep)
        .map((e) => idOf(e.key))
        .sort();
      expect(page.data.map((i) => i.id).sort(), query).toEqual(expected);
      expect(page.page.total, query).toBe(expected.length);
    };
    await expectKeys('theme=disaster_management', (e) => e.themes.includes('disaster_management'));
    await expectKeys('sdg=14', (e) => e.sdgs.includes(14));
    await expectKeys('province=95', (e) => e.originProvinceCode === 95);
    const south = new Set(PROVINCES.filter((p) => p.region === 'south').map((p) => p.code));
    await expectKeys('region=south', (e) => south.has(e.originProvinceCode));
    await expectKeys('srlMin=8&srlMax=9', (e) => e.srl >= 8);
    await expectKeys('srlMax=4', (e) => e.srl <= 4);
    await expectKeys('diffusionReady=true', (e) => e.isDiffusionReady);
    await expectKeys('diffusionReady=false&featured=true', (e) => !e.isDiffusionReady && e.isFeatured);
    await expectKeys(
      'theme=health&diffusionReady=true',
      (e) => e.themes.includes('health') && e.isDiffusionReady,
    );
    await expectKeys(`programme=${crypto.randomUUID()}`, () => false);
  });

  it('combines a search with filters', async () => {
    const page = await list(`q=${encodeURIComponent('ธนาคาร')}&theme=environment&limit=100`);
    expect(page.data.map((i) => i.id).sort()).toEqual([idOf('waste-bank'), idOf('crab-bank')].sort());
  });

  it('pages with an offset cursor and counts every match', async () => {
    const first = await list('limit=15');
    expect(first.data).toHaveLength(15);
    expect(first.page).toEqual({ total: INNOVATION_CORPUS.length, nextCursor: 15, totalCapped: false });
    const third = await list('limit=15&cursor=30');
    expect(third.data).toHaveLength(INNOVATION_CORPUS.length - 30);
    expect(third.page.nextCursor).toBeNull();
    const all = new Set(
      [...first.data, ...(await list('limit=15&cursor=15')).data, ...third.data].map((i) => i.id),
    );
    expect(all.size).toBe(INNOVATION_CORPUS.length);
  });

  it('sorts by title and by newest', async () => {
    const byTitle = await list('sort=title&limit=100');
    const titles = byTitle.data.map((i) => i.titleTh);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await ctx.database.db
      .update(innovations)
      .set({ publishedAt: new Date('2026-11-20T03:00:00Z') })
      .where(eq(innovations.id, idOf('boat-library')));
    const newest = await list('sort=newest&limit=1');
    expect(newest.data[0]?.id).toBe(idOf('boat-library'));
  });

  it.each([
    '😀🌾',
    '...',
    "' & | ! : ( ) * <-> \\",
    "ธนาคาร' OR 1=1 --",
    'ขยะ:* & !ธนาคาร',
    'a'.repeat(200),
    '\u0E48\u0E49',
    'pm2.5',
  ])('answers odd input %j without an error', async (q) => {
    const response = await anonymous.get(`/api/innovations?q=${encodeURIComponent(q)}`);
    expect(response.statusCode, response.body).toBe(200);
    const suggest = await anonymous.get(`/api/innovations/suggest?q=${encodeURIComponent(q)}`);
    expect(suggest.statusCode, suggest.body).toBe(200);
  });

  it('finds PM2.5 as written', async () => {
    const page = await list(`q=${encodeURIComponent('PM2.5')}`);
    expect(page.data[0]?.id).toBe(idOf('forest-fire-volunteers'));
  });

  it('rejects what the contract does not allow', async () => {
    for (const query of [
      `q=${'ก'.repeat(201)}`,
      'theme=space',
      'sdg=18',
      'srlMin=0',
      'limit=101',
      'cursor=-1',
      'sort=random',
      'region=moon',
      'unknown=1',
      'programme=not-a-uuid',
    ]) {
      const response = await anonymous.get(`/api/innovations?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('says which field is wrong for an inverted SRL range and a status on the public list', async () => {
    const range = await anonymous.get('/api/innovations?srlMin=8&srlMax=3');
    expect(range.statusCode).toBe(400);
    expect(range.body).toContain('query.srlMax');
    const status = await anonymous.get('/api/innovations?status=draft');
    expect(status.statusCode).toBe(400);
    expect(status.body).toContain('query.status');
  });
});

describe('GET /api/innovations?scope=manage (curation list)', () => {
  it('needs a session and a curator', async () => {
    expect((await anonymous.get('/api/innovations?scope=manage')).statusCode).toBe(401);
    expect((await applicant.client.get('/api/innovations?scope=manage')).statusCode).toBe(403);
  });

  it('shows curators every status, filtered by status', async () => {
    const all = await list('scope=manage&limit=100', officer.client);
    expect(all.page.total).toBe(INNOVATION_CORPUS.length + 2);
    const drafts = await list('scope=manage&status=draft', officer.client);
    expect(drafts.data.map((i) => [i.id, i.status])).toEqual([[draftId, 'draft']]);
    const found = await list(`scope=manage&q=${encodeURIComponent('ถอนการเผยแพร่')}`, officer.client);
    expect(found.data[0]?.id).toBe(unpublishedId);
  });
});

describe('GET /api/innovations/suggest', () => {
  it('offers published titles for a partial Thai title', async () => {
    const response = await anonymous.get(`/api/innovations/suggest?q=${encodeURIComponent('พิพิธภัณ')}&limit=3`);
    expect(response.statusCode).toBe(200);
    const data = response.json<SuggestionList>().data;
    expect(data[0]?.id).toBe(idOf('living-museum'));
    expect(data[0]?.highlight.some((p) => p.match)).toBe(true);
    expect(data.length).toBeLessThanOrEqual(3);
  });

  it('never offers a draft', async () => {
    const response = await anonymous.get(
      `/api/innovations/suggest?q=${encodeURIComponent('ธนาคารขยะ')}&limit=10`,
    );
    expect(response.json<SuggestionList>().data.map((s) => s.id)).not.toContain(draftId);
  });

  it('answers an empty query with nothing and refuses too many suggestions', async () => {
    const empty = await anonymous.get('/api/innovations/suggest?q=');
    expect(empty.json<SuggestionList>().data).toEqual([]);
    expect((await anonymous.get('/api/innovations/suggest?q=a&limit=11')).statusCode).toBe(400);
  });
});

describe('a broad search over a large catalogue', () => {
  it('ranks at most SEARCH_RANK_MAX matches and says the total is capped', async () => {
    const library = corpus('boat-library');
    await ctx.database.db
      .insert(innovations)
      .values(
        Array.from({ length: SEARCH_RANK_MAX + 5 }, (_, i) =>
          corpusRow(library, { titleTh: `ห้องสมุดเรือเคลื่อนที่ รุ่นที่ ${i + 1}`, titleEn: `Boat library ${i + 1}` }),
        ),
      );
    const first = await list(`q=${encodeURIComponent('ห้องสมุด')}&limit=10`);
    expect(first.page).toEqual({ total: SEARCH_RANK_MAX, nextCursor: 10, totalCapped: true });
    const last = await list(`q=${encodeURIComponent('ห้องสมุด')}&limit=10&cursor=${SEARCH_RANK_MAX - 5}`);
    expect(last.data).toHaveLength(5);
    expect(last.page.nextCursor).toBeNull();
    const beyond = await list(`q=${encodeURIComponent('ห้องสมุด')}&cursor=${SEARCH_RANK_MAX}`);
    expect(beyond.data).toEqual([]);
    const browse = await list('limit=1');
    expect(browse.page).toMatchObject({
      total: INNOVATION_CORPUS.length + SEARCH_RANK_MAX + 5,
      totalCapped: false,
    });
  });
});
