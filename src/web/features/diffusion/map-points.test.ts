import { describe, expect, it } from 'vitest';
import type { BoundaryFeatureCollection } from '@shared/contracts/geo';
import { provinceCentroids, spreadPoint, tilePositions, type Point } from './map-points';

describe('diffusion map points', () => {
  it('a province centroid is its largest polygon’s centroid', () => {
    const square = [
      [100, 10],
      [102, 10],
      [102, 12],
      [100, 12],
      [100, 10],
    ];
    const islet = [
      [110, 20],
      [110.1, 20],
      [110.1, 20.1],
      [110, 20],
    ];
    const boundaries: BoundaryFeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 83,
          properties: { code: 83, nameTh: 'ภูเก็ต', nameEn: 'Phuket' },
          geometry: { type: 'MultiPolygon', coordinates: [[islet], [square]] },
        },
      ],
    };
    const [x, y] = provinceCentroids(boundaries).get(83) ?? [0, 0];
    expect(x).toBeCloseTo(101);
    expect(y).toBeCloseTo(11);
  });

  it('every province has a tile position; sites in one province spread out without overlapping', () => {
    expect(tilePositions().size).toBe(77);
    const points: Point[] = Array.from({ length: 12 }, (_, i) => spreadPoint([0, 0], i, 0.1));
    expect(points[0]).toEqual([0, 0]);
    for (let i = 0; i < points.length; i += 1) {
      for (let j = i + 1; j < points.length; j += 1) {
        const [ax, ay] = points[i] ?? [0, 0];
        const [bx, by] = points[j] ?? [0, 0];
        expect(Math.hypot(ax - bx, ay - by)).toBeGreaterThan(0.05);
      }
    }
  });
});

describe('diffusion map model', () => {
  it('links each site to the site it learnt from, or to its origin; spreads points within a province', async () => {
    const { buildMapModel } = await import('./map-model');
    const summary = (id: string, provinceCode: number, source: string | null) => ({
      id,
      innovation: { id: 'inn', titleTh: 'นวัตกรรม', titleEn: '' },
      provinceCode,
      districtCode: null,
      subdistrictCode: null,
      village: null,
      adopterName: id,
      adopterType: 'school',
      status: 'adopted' as const,
      statusOn: '2026-01-01',
      interestedOn: '2026-01-01',
      adoptedOn: '2026-01-01',
      sourceAdoptionId: source,
      beneficiaryTotal: 0,
      localFundingSatang: 0,
    });
    const model = buildMapModel({
      origins: [{ id: 'inn', provinceCode: 58, title: 'นวัตกรรม' }],
      adoptions: [summary('a', 50, null), summary('b', 58, 'a'), summary('c', 99, null)],
      positions: new Map([
        [58, [0, 0]],
        [50, [10, 0]],
      ]),
      spread: 1,
      targetProvinceCodes: [58],
      labels: {
        origin: 'ต้นแบบ',
        link: 'เส้น',
        status: (s) => s,
        province: String,
        siteTip: (a) => a.adopterName,
        originTip: (title) => title,
      },
    });
    // c is in an unknown province: not placed, not linked.
    expect(model.sites.map((s) => s.id)).toEqual(['a', 'b']);
    expect(model.origins[0]?.point).toEqual([0, 0]);
    // b shares province 58 with the origin, so it sits beside it rather than on it.
    expect(model.sites[1]?.point).not.toEqual([0, 0]);
    expect(model.links.map((l) => [l.from, l.to])).toEqual([
      [
        [0, 0],
        [10, 0],
      ],
      [[10, 0], model.sites[1]?.point],
    ]);
    expect(model.legend.map((l) => l.name)).toEqual(['ต้นแบบ', 'adopted']);
  });
});
