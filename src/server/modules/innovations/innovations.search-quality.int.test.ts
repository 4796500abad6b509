import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { loadCorpus } from '@tests/factories/catalogue';
import type { CatalogueList, SuggestionList } from '@shared/contracts/innovation-catalogue';
import { INNOVATION_CORPUS } from './innovations.corpus';

/**
 * The search-quality set: Thai (and English) queries over the demonstration corpus, each naming the entry it is
 * meant to find. The catalogue search must rank the intended entry in the top 3 for at least 90 % of them.
 */
const QUERIES: ReadonlyArray<{ q: string; expect: string; kind: string }> = [
  // Thai compound words, typed as Thai is written: no spaces.
  { q: 'ธนาคารน้ำใต้ดิน', expect: 'groundwater-bank', kind: 'compound' },
  { q: 'โซลาร์เซลล์สูบน้ำ', expect: 'solar-pump', kind: 'compound' },
  { q: 'ธนาคารขยะ', expect: 'waste-bank', kind: 'compound' },
  { q: 'ฝายมีชีวิต', expect: 'living-weir', kind: 'compound' },
  { q: 'คาร์บอนเครดิต', expect: 'forest-carbon', kind: 'compound' },
  { q: 'ข้าวหอมมะลิอินทรีย์', expect: 'organic-jasmine-rice', kind: 'compound' },
  { q: 'โคกหนองนา', expect: 'khok-nong-na', kind: 'compound' },
  { q: 'ตลาดนัดสีเขียว', expect: 'online-green-market', kind: 'compound' },
  { q: 'กาแฟใต้ร่มไม้', expect: 'forest-coffee', kind: 'compound' },
  { q: 'เลี้ยงแพะ', expect: 'halal-goat', kind: 'compound' },
  { q: 'สวัสดิการวันละบาท', expect: 'one-baht-welfare', kind: 'compound' },
  { q: 'ธนาคารเวลา', expect: 'time-bank', kind: 'compound' },
  { q: 'ผ้าย้อมคราม', expect: 'indigo-weaving', kind: 'compound' },
  { q: 'จับคู่งานคนพิการ', expect: 'disability-jobs', kind: 'compound' },
  { q: 'อสม.ดิจิทัล', expect: 'digital-vhv-diabetes', kind: 'compound' },
  { q: 'ผู้ป่วยติดเตียง', expect: 'bedridden-care', kind: 'compound' },
  { q: 'ครัวกลางอาหารกลางวัน', expect: 'school-central-kitchen', kind: 'compound' },
  { q: 'คลินิกแม่และเด็ก', expect: 'border-mobile-clinic', kind: 'compound' },
  { q: 'ทวิภาษามลายู', expect: 'malay-thai-bilingual', kind: 'compound' },
  { q: 'โรงเรียนชาวนา', expect: 'farmer-field-school', kind: 'compound' },
  { q: 'ห้องสมุดเรือ', expect: 'boat-library', kind: 'compound' },
  { q: 'สภาเด็กและเยาวชน', expect: 'youth-budgeting', kind: 'compound' },
  { q: 'แอปแจ้งเหตุ', expect: 'city-reporting-app', kind: 'compound' },
  { q: 'สวนผักดาดฟ้า', expect: 'rooftop-gardens', kind: 'compound' },
  { q: 'รถสองแถว', expect: 'smart-songthaew', kind: 'compound' },
  { q: 'บ้านมั่นคง', expect: 'secure-housing', kind: 'compound' },
  { q: 'โฮมสเตย์ป่าชายเลน', expect: 'homestay-tourism', kind: 'compound' },
  { q: 'เส้นทางอาหารพื้นถิ่น', expect: 'local-food-trail', kind: 'compound' },
  { q: 'พิพิธภัณฑ์มีชีวิต', expect: 'living-museum', kind: 'compound' },
  { q: 'ผ้าบาติก', expect: 'identity-batik', kind: 'compound' },
  { q: 'กันตรึม', expect: 'folk-music', kind: 'compound' },
  { q: 'เตือนภัยน้ำป่า', expect: 'flash-flood-warning', kind: 'compound' },
  { q: 'ดินโคลนถล่ม', expect: 'landslide-map', kind: 'compound' },
  { q: 'อาสาดับไฟป่า', expect: 'forest-fire-volunteers', kind: 'compound' },
  { q: 'ศูนย์พักพิงลอยน้ำ', expect: 'floating-shelter', kind: 'compound' },
  { q: 'ธนาคารปูม้า', expect: 'crab-bank', kind: 'compound' },
  { q: 'ฟื้นฟูป่าชายเลน', expect: 'mangrove-restoration', kind: 'compound' },
  { q: 'ก๊าซชีวภาพมูลสุกร', expect: 'pig-biogas', kind: 'compound' },
  { q: 'น้ำดื่มสะอาดโรงเรียน', expect: 'school-clean-water', kind: 'compound' },
  { q: 'สมุนไพรโรงพยาบาล', expect: 'herbal-hospital', kind: 'compound' },
  // Several words, as someone describes a problem.
  { q: 'ภัยแล้ง บ่อเติมน้ำ', expect: 'groundwater-bank', kind: 'words' },
  { q: 'หมอกควัน PM2.5', expect: 'forest-fire-volunteers', kind: 'words' },
  { q: 'แม่ปูไข่', expect: 'crab-bank', kind: 'words' },
  { q: 'แผลกดทับ', expect: 'bedridden-care', kind: 'words' },
  { q: 'เบาหวาน ความดัน', expect: 'digital-vhv-diabetes', kind: 'words' },
  { q: 'ธนาคาร น้ำ ใต้ดิน', expect: 'groundwater-bank', kind: 'words' },
  { q: 'น้ำท่วม แพ', expect: 'floating-shelter', kind: 'words' },
  { q: 'ดูแลผู้สูงอายุ', expect: 'time-bank', kind: 'words' },
  { q: 'ปลูกผักบนหลังคา', expect: 'rooftop-gardens', kind: 'words' },
  { q: 'โคกหนองนาโมเดล', expect: 'khok-nong-na', kind: 'words' },
  // Partial words: typing as you go.
  { q: 'ธนาคารน้ำใต้', expect: 'groundwater-bank', kind: 'partial' },
  { q: 'โคกหนอง', expect: 'khok-nong-na', kind: 'partial' },
  { q: 'พิพิธภัณ', expect: 'living-museum', kind: 'partial' },
  { q: 'สมุนไพ', expect: 'herbal-hospital', kind: 'partial' },
  { q: 'ก๊าซชีวภา', expect: 'pig-biogas', kind: 'partial' },
  { q: 'บาติ', expect: 'identity-batik', kind: 'partial' },
  { q: 'mangrov', expect: 'mangrove-restoration', kind: 'partial' },
  // English names.
  { q: 'groundwater bank', expect: 'groundwater-bank', kind: 'english' },
  { q: 'solar pump', expect: 'solar-pump', kind: 'english' },
  { q: 'waste bank', expect: 'waste-bank', kind: 'english' },
  { q: 'time bank', expect: 'time-bank', kind: 'english' },
  { q: 'indigo', expect: 'indigo-weaving', kind: 'english' },
  { q: 'halal goat', expect: 'halal-goat', kind: 'english' },
  { q: 'mangrove restoration', expect: 'mangrove-restoration', kind: 'english' },
  { q: 'flash flood', expect: 'flash-flood-warning', kind: 'english' },
  { q: 'biogas', expect: 'pig-biogas', kind: 'english' },
  { q: 'songthaew', expect: 'smart-songthaew', kind: 'english' },
  { q: 'bilingual classroom', expect: 'malay-thai-bilingual', kind: 'english' },
  { q: 'carbon credits', expect: 'forest-carbon', kind: 'english' },
  { q: 'coffee', expect: 'forest-coffee', kind: 'english' },
  { q: 'school lunch', expect: 'school-central-kitchen', kind: 'english' },
  { q: 'landslide', expect: 'landslide-map', kind: 'english' },
  { q: 'Community Forest Carbon', expect: 'forest-carbon', kind: 'english' },
  // Misspellings.
  { q: 'ธนาคารน้ำใตดิน', expect: 'groundwater-bank', kind: 'typo' },
  { q: 'โซล่าเซลล์', expect: 'solar-pump', kind: 'typo' },
  { q: 'ข้าวหอมมลิ', expect: 'organic-jasmine-rice', kind: 'typo' },
  { q: 'พิพิทภัณฑ์', expect: 'living-museum', kind: 'typo' },
  { q: 'โฮมเสตย์', expect: 'homestay-tourism', kind: 'typo' },
  { q: 'groundwater bnak', expect: 'groundwater-bank', kind: 'typo' },
  { q: 'indgo dye', expect: 'indigo-weaving', kind: 'typo' },
  { q: 'songtaew', expect: 'smart-songthaew', kind: 'typo' },
  { q: 'กาแฟใต้ร่มไม', expect: 'forest-coffee', kind: 'typo' },
  { q: 'คาบอนเครดิต', expect: 'forest-carbon', kind: 'typo' },
  { q: 'บาติค', expect: 'identity-batik', kind: 'typo' },
  { q: 'ธนาคารขยา', expect: 'waste-bank', kind: 'typo' },
  { q: 'วิสาหกิจชุมชนผ้าย้อมครามธรรมชาต', expect: 'indigo-weaving', kind: 'typo' },
  { q: 'ฟื้นฟูป่าชายเลนโดยชาวประมม', expect: 'mangrove-restoration', kind: 'typo' },
];

const TOP = 3;
const REQUIRED_SHARE = 0.9;

let ctx: TestContext;
let anonymous: TestClient;
let keyById: Map<string, string>;

beforeAll(async () => {
  ctx = await createTestApp();
  anonymous = new TestClient(ctx.app);
  const ids = await loadCorpus(ctx.database.db);
  keyById = new Map([...ids].map(([key, id]) => [id, key]));
});
afterAll(async () => {
  await ctx.close();
});

async function topKeys(q: string): Promise<string[]> {
  const response = await anonymous.get(`/api/innovations?q=${encodeURIComponent(q)}&limit=${TOP}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CatalogueList>().data.map((item) => keyById.get(item.id) ?? item.id);
}

describe('Thai search quality over the corpus', () => {
  it('names real corpus entries in every query', () => {
    const keys = new Set(INNOVATION_CORPUS.map((e) => e.key));
    expect(QUERIES.length).toBeGreaterThanOrEqual(60);
    expect(QUERIES.filter((query) => !keys.has(query.expect))).toEqual([]);
  });

  it(`ranks the intended entry in the top ${TOP} for at least ${REQUIRED_SHARE * 100} % of the queries`, async () => {
    const misses: string[] = [];
    const byKind = new Map<string, { hits: number; total: number }>();
    for (const query of QUERIES) {
      const top = await topKeys(query.q);
      const hit = top.includes(query.expect);
      const tally = byKind.get(query.kind) ?? { hits: 0, total: 0 };
      byKind.set(query.kind, { hits: tally.hits + (hit ? 1 : 0), total: tally.total + 1 });
      if (!hit) {
        misses.push(
          `  [${query.kind}] "${query.q}" → expected ${query.expect}, got ${top.join(', ') || '(nothing)'}`,
        );
      }
    }
    const hits = QUERIES.length - misses.length;
    const share = hits / QUERIES.length;
    const kinds = [...byKind].map(([kind, t]) => `${kind} ${t.hits}/${t.total}`).join(' · ');
    console.info(
      `[search quality, ${process.env.TEST_ENGINE ?? 'pglite'}] top-${TOP}: ${hits}/${QUERIES.length} = ${(share * 100).toFixed(1)} % (${kinds})` +
        (misses.length > 0 ? `\nmisses:\n${misses.join('\n')}` : ''),
    );
    expect(share).toBeGreaterThanOrEqual(REQUIRED_SHARE);
  });

  it('suggests the intended title first for a title typed halfway', async () => {
    const response = await anonymous.get(`/api/innovations/suggest?q=${encodeURIComponent('ธนาคารปู')}`);
    expect(response.statusCode, response.body).toBe(200);
    const titles = response.json<SuggestionList>().data.map((s) => s.titleTh);
    expect(titles[0]).toBe(INNOVATION_CORPUS.find((e) => e.key === 'crab-bank')?.titleTh);
  });
});
