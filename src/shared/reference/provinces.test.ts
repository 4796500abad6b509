import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import path from 'node:path';
import { PROVINCES } from './provinces';
import { REGIONS } from './regions';
import { ADMIN_DIR, PROVINCES_MASTER, hasSharedData } from '@tests/helpers/shared-data';

describe('province facts', () => {
  it('lists 77 provinces with unique two-digit codes, each in a known region', () => {
    expect(PROVINCES).toHaveLength(77);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(77);
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    for (const province of PROVINCES) {
      expect(province.code).toBeGreaterThanOrEqual(10);
      expect(province.code).toBeLessThanOrEqual(96);
      expect(regionCodes.has(province.region)).toBe(true);
    }
  });

  it('splits the provinces over the six regions as the Royal Society scheme does', () => {
    const counts = Object.fromEntries(
      REGIONS.map((r) => [r.code, PROVINCES.filter((p) => p.region === r.code).length]),
    );
    expect(counts).toEqual({ north: 9, northeast: 20, central: 22, east: 7, west: 5, south: 14 });
  });

  describe.skipIf(!hasSharedData)('against ../shared/data/admin', () => {
    it('matches the official codes and Thai names of provinces.json', () => {
      const official = JSON.parse(readFileSync(path.join(ADMIN_DIR, 'provinces.json'), 'utf8')) as Array<{
        provinceCode: number;
        provinceNameTh: string;
      }>;
      expect(official).toHaveLength(77);
      const byCode = new Map(PROVINCES.map((p) => [p.code, p]));
      for (const row of official) {
        expect(byCode.get(row.provinceCode)?.nameTh).toBe(row.provinceNameTh);
      }
    });

    it('matches the English names and regions of provinces_master.csv', () => {
      const rows: Array<Record<string, string>> = parse(readFileSync(PROVINCES_MASTER), { columns: true });
      expect(rows).toHaveLength(77);
      for (const row of rows) {
        const fact = PROVINCES.find((p) => p.code === Number(row.province_code));
        expect(fact?.nameEn).toBe(row.name_en);
        expect(fact?.region).toBe(row.region6_en?.toLowerCase());
      }
    });
  });
});
