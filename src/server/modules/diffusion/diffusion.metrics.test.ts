import { describe, expect, it } from 'vitest';
import type { AdoptionStatus } from '@shared/contracts/diffusion';
import { buildLineage, computeMetrics, daysBetween, median, type MetricsRow } from './diffusion.metrics';

function row(
  id: string,
  provinceCode: number,
  status: AdoptionStatus,
  interestedOn: string,
  adoptedOn: string | null,
  extra: Partial<MetricsRow> = {},
): MetricsRow {
  return {
    id,
    provinceCode,
    status,
    interestedOn,
    adoptedOn,
    beneficiaries: [],
    localFundingSatang: 0,
    ...extra,
  };
}

describe('diffusion metrics', () => {
  it('a worked example: six sites in four provinces', () => {
    // Target group: 58 (Mae Hong Son) and 96 (Narathiwat).
    const rows: MetricsRow[] = [
      // A: adopted after 30 days, in the target group, 120 people, ฿50,000 local funding.
      row('a', 58, 'adopted', '2026-01-01', '2026-01-31', {
        beneficiaries: [
          { group: 'elderly', count: 80 },
          { group: 'poor_households', count: 40 },
        ],
        localFundingSatang: 5_000_000,
      }),
      // B: sustained, adopted after 90 days, in the target group, 200 elderly.
      row('b', 96, 'sustained', '2026-01-01', '2026-04-01', {
        beneficiaries: [{ group: 'elderly', count: 200 }],
        localFundingSatang: 10_000_000,
      }),
      // C: discontinued after adopting (60 days) — its 50 farmers were served, it counts against sustainment.
      row('c', 50, 'discontinued', '2026-02-01', '2026-04-02', {
        beneficiaries: [{ group: 'farmers', count: 50 }],
      }),
      // D: discontinued while planning — no beneficiaries counted, not in the sustained rate.
      row('d', 50, 'discontinued', '2026-02-01', null, { beneficiaries: [{ group: 'farmers', count: 999 }] }),
      // E, F: still on the way; F's planned funding counts.
      row('e', 40, 'implementing', '2026-03-01', null),
      row('f', 58, 'interested', '2026-05-01', null, { localFundingSatang: 2_500_000 }),
    ];
    const metrics = computeMetrics(rows, new Set([58, 96]));
    expect(metrics).toEqual({
      sites: 6,
      adoptedSites: 2,
      provincesReached: 4,
      // a, b, f of six.
      targetGroupShare: 0.5,
      // 30, 60, 90 days.
      medianDaysToAdopt: 60,
      // b ÷ (a + b + c).
      sustainedRate: 1 / 3,
      byStatus: { interested: 1, planning: 0, implementing: 1, adopted: 1, sustained: 1, discontinued: 2 },
      beneficiaries: [
        { group: 'poor_households', count: 40 },
        { group: 'elderly', count: 280 },
        { group: 'farmers', count: 50 },
      ],
      beneficiaryTotal: 370,
      localFundingSatang: 17_500_000,
    });
  });

  it('nothing recorded: counts are zero and ratios null', () => {
    const metrics = computeMetrics([], new Set([58]));
    expect(metrics.sites).toBe(0);
    expect(metrics.targetGroupShare).toBeNull();
    expect(metrics.medianDaysToAdopt).toBeNull();
    expect(metrics.sustainedRate).toBeNull();
    expect(metrics.beneficiaries).toEqual([]);
  });

  it('median of an even count is the mean of the middle two; days count across a leap day', () => {
    expect(median([10, 2, 4, 8])).toBe(6);
    expect(median([])).toBeNull();
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-01-01', '2026-01-01')).toBe(0);
  });
});

describe('who adopted from whom', () => {
  const base = { adopterName: '', provinceCode: 58, status: 'adopted' as const };

  it('builds the tree from the origin, children by date of interest', () => {
    const tree = buildLineage([
      { ...base, id: 'c', adopterName: 'C', sourceAdoptionId: 'a', interestedOn: '2026-03-01' },
      { ...base, id: 'a', adopterName: 'A', sourceAdoptionId: null, interestedOn: '2026-01-01' },
      { ...base, id: 'b', adopterName: 'B', sourceAdoptionId: 'a', interestedOn: '2026-02-01' },
      { ...base, id: 'd', adopterName: 'D', sourceAdoptionId: 'b', interestedOn: '2026-04-01' },
      { ...base, id: 'e', adopterName: 'E', sourceAdoptionId: null, interestedOn: '2025-12-01' },
    ]);
    const shape = (nodes: typeof tree): unknown => nodes.map((n) => [n.adopterName, shape(n.children)]);
    expect(shape(tree)).toEqual([
      ['E', []],
      [
        'A',
        [
          ['B', [['D', []]]],
          ['C', []],
        ],
      ],
    ]);
  });

  it('a missing source or a cycle puts the site at the top level; every site appears once', () => {
    const tree = buildLineage([
      { ...base, id: 'x', sourceAdoptionId: 'gone', interestedOn: '2026-01-01' },
      { ...base, id: 'p', sourceAdoptionId: 'q', interestedOn: '2026-01-02' },
      { ...base, id: 'q', sourceAdoptionId: 'p', interestedOn: '2026-01-03' },
    ]);
    expect(tree.map((n) => n.adoptionId)).toEqual(['x', 'p', 'q']);
    expect(tree.every((n) => n.children.length === 0)).toBe(true);
  });
});
