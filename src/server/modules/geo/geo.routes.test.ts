import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { ADMIN_DIR, BOUNDARIES_FILE, hasSharedData } from '@tests/helpers/shared-data';
import { makeTempDir } from '@tests/helpers/temp';
import { ImportFileError } from '@server/lib/import-error';
import { countAdministrativeAreas, importAdministrativeAreas, importBoundaries } from './geo.service';

interface OfficialDistrict {
  provinceCode: number;
  districtCode: number;
  districtNameTh: string;
  districtNameEn: string;
  postalCode: number;
}
interface OfficialSubdistrict {
  districtCode: number;
  subdistrictCode: number;
  subdistrictNameTh: string;
  postalCode: number;
}

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function getJson<T>(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await ctx.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, body: response.json<T>() };
}

describe('geography without imports', () => {
  it('lists the 77 provinces kept as facts', async () => {
    const { status, body } = await getJson<{
      data: Array<{ code: number; regionCode: string; iso: string }>;
    }>('/api/geo/provinces');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(77);
    expect(body.data.find((p) => p.code === 50)).toMatchObject({ iso: 'TH-50', regionCode: 'north' });
  });

  it('filters provinces by region and rejects an unknown region with the field named', async () => {
    const south = await getJson<{ data: unknown[] }>('/api/geo/provinces?region=south');
    expect(south.body.data).toHaveLength(14);
    const bad = await getJson<{ error: { code: string; details: { issues: Array<{ field: string }> } } }>(
      '/api/geo/provinces?region=mars',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details.issues[0]?.field).toBe('query.region');
  });

  it('lists the six regions with their province counts', async () => {
    const { body } = await getJson<{ data: Array<{ code: string; provinceCount: number }> }>(
      '/api/geo/regions',
    );
    expect(body.data.map((r) => r.code)).toEqual(['north', 'northeast', 'central', 'east', 'west', 'south']);
    expect(body.data.reduce((sum, r) => sum + r.provinceCount, 0)).toBe(77);
  });

  it('answers 404 in the request language for an unknown province, 400 for a malformed code', async () => {
    const th = await getJson<{ error: { code: string; message: string } }>('/api/geo/provinces/99');
    expect(th.status).toBe(404);
    expect(th.body.error.message).toContain('ไม่พบจังหวัด');
    const en = await getJson<{ error: { message: string } }>('/api/geo/provinces/99', {
      'accept-language': 'en',
    });
    expect(en.body.error.message).toBe('Province 99 not found');
    expect((await getJson('/api/geo/provinces/abc')).status).toBe(400);
    expect((await getJson('/api/geo/districts/99/subdistricts')).status).toBe(400);
    expect((await getJson('/api/geo/districts/9999/subdistricts')).status).toBe(404);
  });

  it('returns an empty boundary collection before boundaries are imported', async () => {
    const { body } = await getJson<{ type: string; features: unknown[] }>('/api/geo/boundaries');
    expect(body).toEqual({ type: 'FeatureCollection', features: [] });
  });
});

describe.skipIf(!hasSharedData)('importing the official geography from ../shared/data', () => {
  const districts = hasSharedData
    ? (JSON.parse(readFileSync(path.join(ADMIN_DIR, 'districts.json'), 'utf8')) as OfficialDistrict[])
    : [];
  const subdistricts = hasSharedData
    ? (JSON.parse(readFileSync(path.join(ADMIN_DIR, 'subdistricts.json'), 'utf8')) as OfficialSubdistrict[])
    : [];

  beforeAll(async () => {
    await importAdministrativeAreas(ctx.database.db, ADMIN_DIR);
  });

  it('holds 77 provinces, 928 districts and 7,436 subdistricts', async () => {
    expect(await countAdministrativeAreas(ctx.database.db)).toEqual({
      provinces: 77,
      districts: 928,
      subdistricts: 7436,
    });
  });

  it('keeps every parent–child code of the official files', async () => {
    const { body } = await getJson<{
      data: Array<{ code: number; districtCount: number; subdistrictCount: number }>;
    }>('/api/geo/provinces');
    for (const province of body.data) {
      const officialDistricts = districts.filter((d) => d.provinceCode === province.code);
      expect(province.districtCount).toBe(officialDistricts.length);
      const codes = new Set(officialDistricts.map((d) => d.districtCode));
      expect(province.subdistrictCount).toBe(subdistricts.filter((s) => codes.has(s.districtCode)).length);
    }
  });

  it('returns the official districts of a province and subdistricts of a district', async () => {
    const bangkok = await getJson<{
      data: Array<{ code: number; nameTh: string; postalCode: string | null }>;
    }>('/api/geo/provinces/10/districts');
    expect(bangkok.status).toBe(200);
    expect(bangkok.body.data).toHaveLength(50);
    const expected = districts
      .filter((d) => d.provinceCode === 10)
      .sort((a, b) => a.districtCode - b.districtCode);
    expect(bangkok.body.data.map((d) => [d.code, d.nameTh, d.postalCode])).toEqual(
      expected.map((d) => [d.districtCode, d.districtNameTh, String(d.postalCode)]),
    );

    for (const districtCode of [1001, 5025, 9601]) {
      const response = await getJson<{ data: Array<{ code: number; nameTh: string; districtCode: number }> }>(
        `/api/geo/districts/${districtCode}/subdistricts`,
      );
      const official = subdistricts
        .filter((s) => s.districtCode === districtCode)
        .sort((a, b) => a.subdistrictCode - b.subdistrictCode);
      expect(official.length).toBeGreaterThan(0);
      expect(response.body.data.map((s) => [s.code, s.nameTh])).toEqual(
        official.map((s) => [s.subdistrictCode, s.subdistrictNameTh]),
      );
    }
  });

  it('is idempotent: a second import updates and never duplicates', async () => {
    const result = await importAdministrativeAreas(ctx.database.db, ADMIN_DIR);
    expect(result).toEqual({ provinces: 77, districts: 928, subdistricts: 7436 });
    expect(await countAdministrativeAreas(ctx.database.db)).toEqual({
      provinces: 77,
      districts: 928,
      subdistricts: 7436,
    });
  });

  it('rejects a bad file naming the file and row, and imports nothing of it', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      cpSync(ADMIN_DIR, dir, { recursive: true });
      const changed = districts.map((d) => ({ ...d }));
      const first = changed[0];
      if (!first) {
        throw new Error('no districts');
      }
      first.districtNameTh = 'ชื่อที่ไม่ควรถูกบันทึก';
      writeFileSync(path.join(dir, 'districts.json'), JSON.stringify(changed));
      const brokenSubdistricts = subdistricts.map((s) => ({ ...s }));
      brokenSubdistricts[4999] = { ...brokenSubdistricts[4999], subdistrictCode: 123 } as OfficialSubdistrict;
      writeFileSync(path.join(dir, 'subdistricts.json'), JSON.stringify(brokenSubdistricts));

      const error = await importAdministrativeAreas(ctx.database.db, dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as ImportFileError).file).toBe(path.join(dir, 'subdistricts.json'));
      expect((error as ImportFileError).row).toBe(5000);
      expect((error as Error).message).toContain('six digits');

      const bangkok = await getJson<{ data: Array<{ nameTh: string }> }>('/api/geo/provinces/10/districts');
      expect(bangkok.body.data[0]?.nameTh).toBe(districts[0]?.districtNameTh);
      expect(await countAdministrativeAreas(ctx.database.db)).toEqual({
        provinces: 77,
        districts: 928,
        subdistricts: 7436,
      });
    } finally {
      cleanup();
    }
  });

  it('rejects a district whose code does not start with its province code', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      cpSync(ADMIN_DIR, dir, { recursive: true });
      const changed = districts.map((d) => ({ ...d }));
      changed[10] = { ...changed[10], provinceCode: 11 } as OfficialDistrict;
      writeFileSync(path.join(dir, 'districts.json'), JSON.stringify(changed));
      await expect(importAdministrativeAreas(ctx.database.db, dir)).rejects.toThrow(
        /districts\.json, row 11: districtCode \d+ does not start with its provinceCode 11/,
      );
      writeFileSync(path.join(dir, 'districts.json'), '{ not json');
      await expect(importAdministrativeAreas(ctx.database.db, dir)).rejects.toThrow(
        /districts\.json: is not valid JSON/,
      );
    } finally {
      cleanup();
    }
  });

  it('imports province boundaries keyed by code and serves them as GeoJSON', async () => {
    const result = await importBoundaries(
      ctx.database.db,
      BOUNDARIES_FILE,
      'th_provinces_choropleth.geojson',
    );
    expect(result.provinces).toBe(77);
    const { body } = await getJson<{ features: Array<{ id: number; geometry: { type: string } }> }>(
      '/api/geo/boundaries',
    );
    expect(body.features).toHaveLength(77);
    expect(body.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true);
    const province = await getJson<{ data: { hasBoundary: boolean } }>('/api/geo/provinces/58');
    expect(province.body.data.hasBoundary).toBe(true);
  });

  it('rejects a boundary file with an unknown province code, naming the feature', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const file = path.join(dir, 'bad.geojson');
      const ring = [
        [100, 13],
        [101, 13],
        [101, 14],
        [100, 13],
      ];
      writeFileSync(
        file,
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { code: 10 }, geometry: { type: 'Polygon', coordinates: [ring] } },
            { type: 'Feature', properties: { code: 98 }, geometry: { type: 'Polygon', coordinates: [ring] } },
          ],
        }),
      );
      await expect(importBoundaries(ctx.database.db, file, 'bad')).rejects.toThrow(
        /bad\.geojson, row 2: properties\.code: unknown province code 98/,
      );
      const { body } = await getJson<{ features: Array<{ id: number; geometry: { coordinates: unknown } }> }>(
        '/api/geo/boundaries',
      );
      expect(JSON.stringify(body.features.find((f) => f.id === 10)?.geometry.coordinates)).not.toBe(
        JSON.stringify([ring]),
      );
    } finally {
      cleanup();
    }
  });
});
