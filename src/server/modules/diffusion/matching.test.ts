import { describe, expect, it } from 'vitest';
import {
  MATCH_WEIGHTS,
  provincesInUse,
  rankMatches,
  reasonText,
  scoreCandidate,
  type AreaFacts,
  type MatchCandidate,
  type PovertyLevel,
} from './matching';

const LEVELS: Record<number, PovertyLevel> = {
  58: 'target',
  94: 'target',
  95: 'target',
  33: 'high',
  34: 'high',
};
const facts: AreaFacts = { povertyOf: (code) => LEVELS[code] ?? 'other' };

function candidate(overrides: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    id: overrides.id ?? 'c',
    titleTh: 'นวัตกรรม',
    titleEn: 'Innovation',
    summaryTh: '',
    summaryEn: '',
    themes: ['environment'],
    srl: null,
    adoptionCostSatang: null,
    originProvinceCode: null,
    sites: [],
    ...overrides,
  };
}

const byFactor = (subject: Parameters<typeof scoreCandidate>[0], c: MatchCandidate) =>
  Object.fromEntries(scoreCandidate(subject, c, facts).map((f) => [f.factor, f]));

describe('matching weights', () => {
  it('add up to 100', () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
});

describe('provincesInUse', () => {
  it('counts the origin and the sites implementing, adopted or sustained, not interest or discontinuation', () => {
    const c = candidate({
      originProvinceCode: 90,
      sites: [
        { provinceCode: 94, status: 'interested' },
        { provinceCode: 95, status: 'planning' },
        { provinceCode: 96, status: 'implementing' },
        { provinceCode: 58, status: 'adopted' },
        { provinceCode: 50, status: 'sustained' },
        { provinceCode: 33, status: 'discontinued' },
      ],
    });
    expect(provincesInUse(c)).toEqual([90, 96, 58, 50]);
  });
});

describe('scoreCandidate: a worked example', () => {
  // A need about the environment in Pattani (94, south, target group).
  const subject = { theme: 'environment', provinceCode: 94 };
  const c = candidate({
    srl: 6,
    adoptionCostSatang: 150_000_00,
    originProvinceCode: 90, // Songkhla: south, not in the target group
    sites: [
      { provinceCode: 95, status: 'adopted' }, // Yala: south, target group
      { provinceCode: 58, status: 'sustained' }, // Mae Hong Son: north, target group
      { provinceCode: 33, status: 'discontinued' },
      { provinceCode: 34, status: 'interested' },
    ],
  });
  const f = byFactor(subject, c);

  it('gives the theme its full 30 points', () => {
    expect(f.theme).toMatchObject({ points: 30, maxPoints: 30, reason: { key: 'themeSame' } });
  });
  it('gives 12 of 20 for use in the same region (Songkhla, Yala) but not in Pattani itself', () => {
    expect(f.area).toMatchObject({
      points: 12,
      reason: { key: 'areaSameRegion', params: { region: 'south', sites: 2 } },
    });
  });
  it('gives 15 of 15 for two sites in the target group, like Pattani', () => {
    expect(f.poverty).toMatchObject({ points: 15, reason: { key: 'povertyTarget', params: { sites: 2 } } });
  });
  it('gives 15 × 2/3 = 10 for 2 successes of 3 outcomes (full confidence at 3 outcomes)', () => {
    expect(f.success).toMatchObject({ points: 10, reason: { params: { successes: 2, outcomes: 3 } } });
  });
  it('gives 10 × 6/9 = 6.7 for SRL 6', () => {
    expect(f.srl?.points).toBe(6.7);
  });
  it('gives 7 of 10 for 150,000 baht (up to 200,000)', () => {
    expect(f.cost?.points).toBe(7);
  });
  it('ranks with the sum, 80.7', () => {
    const [match] = rankMatches(subject, [c], facts, 5);
    expect(match?.score).toBe(80.7);
    expect(match?.reasons.map((r) => r.factor)).toEqual([
      'theme',
      'area',
      'poverty',
      'success',
      'srl',
      'cost',
    ]);
  });
});

describe('scoreCandidate: edge cases', () => {
  it('a problem with no theme and no province scores only success, SRL and cost, and says why', () => {
    const f = byFactor({ theme: null, provinceCode: null }, candidate({ srl: 9, adoptionCostSatang: 0 }));
    expect(f.theme).toMatchObject({ points: 0, reason: { key: 'themeUnknown' } });
    expect(f.area).toMatchObject({ points: 0, reason: { key: 'areaUnknown' } });
    expect(f.poverty).toMatchObject({ points: 0, reason: { key: 'areaUnknown' } });
    expect(f.srl?.points).toBe(10);
    expect(f.cost?.points).toBe(10);
  });

  it('the same province gives the full area points; one similar site gives two thirds of the poverty points', () => {
    const f = byFactor(
      { theme: 'health', provinceCode: 94 },
      candidate({ originProvinceCode: 94, themes: ['environment'] }),
    );
    expect(f.theme).toMatchObject({ points: 0, reason: { key: 'themeOther', params: { theme: 'health' } } });
    expect(f.area).toMatchObject({
      points: 20,
      reason: { key: 'areaSameProvince', params: { province: 94, sites: 1 } },
    });
    expect(f.poverty?.points).toBe(10);
  });

  it('damps the success rate while few sites have an outcome', () => {
    const one = byFactor(
      { theme: null, provinceCode: null },
      candidate({ sites: [{ provinceCode: 10, status: 'adopted' }] }),
    );
    expect(one.success?.points).toBe(5);
    const none = byFactor(
      { theme: null, provinceCode: null },
      candidate({ sites: [{ provinceCode: 10, status: 'planning' }] }),
    );
    expect(none.success).toMatchObject({ points: 0, reason: { key: 'successNone' } });
  });

  it('cost tiers: up to 50,000 baht 10, 500,000 4, 1,000,000 2, more 0, unknown 0', () => {
    const cost = (satang: number | null) =>
      byFactor({ theme: null, provinceCode: null }, candidate({ adoptionCostSatang: satang })).cost?.points;
    expect(cost(50_000_00)).toBe(10);
    expect(cost(50_000_01)).toBe(7);
    expect(cost(500_000_00)).toBe(4);
    expect(cost(1_000_000_00)).toBe(2);
    expect(cost(1_000_000_01)).toBe(0);
    expect(cost(null)).toBe(0);
  });

  it('a province outside the target group and the ranked lists matches other such provinces', () => {
    const f = byFactor({ theme: null, provinceCode: 10 }, candidate({ originProvinceCode: 50 }));
    expect(f.poverty).toMatchObject({ points: 10, reason: { key: 'povertyOther' } });
  });
});

describe('rankMatches', () => {
  it('orders by score, then SRL, then Thai title, and keeps at most the limit', () => {
    const subject = { theme: 'environment', provinceCode: 94 };
    const list = rankMatches(
      subject,
      [
        candidate({ id: 'b', titleTh: 'ข', srl: 3 }),
        candidate({ id: 'a', titleTh: 'ก', srl: 3 }),
        candidate({ id: 'c', titleTh: 'ค', srl: 3, themes: ['health'] }),
        candidate({ id: 'd', titleTh: 'ง', srl: 9 }),
      ],
      facts,
      3,
    );
    expect(list.map((m) => m.innovationId)).toEqual(['d', 'a', 'b']);
  });
});

describe('reasons in words', () => {
  it('names themes, provinces, regions and amounts in each language', () => {
    expect(reasonText('th', { key: 'themeSame', params: { theme: 'health' } })).toBe('ตรงกับประเด็น “สุขภาพ”');
    expect(reasonText('en', { key: 'themeSame', params: { theme: 'health' } })).toBe('Same theme: “Health”');
    expect(reasonText('th', { key: 'areaSameProvince', params: { province: 94, sites: 2 } })).toBe(
      'เคยใช้ในจังหวัดปัตตานีแล้ว (2 แห่ง)',
    );
    expect(reasonText('en', { key: 'areaSameRegion', params: { region: 'northeast', sites: 1 } })).toBe(
      'Used in the Northeast region (sites: 1)',
    );
    expect(reasonText('th', { key: 'areaNone', params: { region: 'north' } })).toBe('ยังไม่เคยใช้ในภาคเหนือ');
    expect(reasonText('th', { key: 'costAmount', params: { amount: 1_250_000_00 } })).toBe(
      'ค่าใช้จ่ายในการนำไปใช้ประมาณ 1,250,000 บาทต่อพื้นที่',
    );
    expect(reasonText('en', { key: 'srlLevel', params: { srl: 7 } })).toBe('Social Readiness Level 7 of 9');
  });
});
