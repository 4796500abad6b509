import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { makeTempDir } from '@tests/helpers/temp';
import { ImportFileError } from '@server/lib/import-error';
import { importIndicatorCsv } from './indicators.service';

let ctx: TestContext;
const temp = makeTempDir();

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
  temp.cleanup();
});

function csv(name: string, lines: string[]): string {
  const file = path.join(temp.dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const HEADER = 'indicator,indicator_name_th,indicator_name_en,year,province_code,value,unit,source_url,note';

describe('area indicators', () => {
  it('imports the shipped poverty figures and serves them by year with their sources', async () => {
    const result = await importIndicatorCsv(ctx.database.db, 'db/seed/area-indicators.csv');
    expect(result.values).toBeGreaterThan(70);

    const list = await ctx.app.inject('/api/indicators');
    const indicators = list.json<{ data: Array<{ code: string; years: number[]; defaultYear: number }> }>()
      .data;
    expect(indicators.find((i) => i.code === 'poverty_headcount_ratio')).toMatchObject({
      years: [2023, 2010],
      defaultYear: 2010,
    });

    const values = await ctx.app.inject('/api/indicators/poverty_headcount_ratio/values?year=2010');
    const body = values.json<{
      data: { year: number; values: Array<{ provinceCode: number; value: number; sourceUrl: string }> };
    }>();
    expect(body.data.year).toBe(2010);
    expect(body.data.values).toHaveLength(10);
    expect(body.data.values.find((v) => v.provinceCode === 58)).toMatchObject({ value: 59.77 });
    expect(body.data.values.every((v) => v.sourceUrl.startsWith('https://'))).toBe(true);

    const latest = await ctx.app.inject('/api/indicators/poverty_headcount_ratio/values');
    expect(latest.json<{ data: { year: number } }>().data.year).toBe(2023);

    const pattani = await ctx.app.inject('/api/geo/provinces/94/indicators');
    const rows = pattani.json<{ data: Array<{ indicatorCode: string; year: number; value: number }> }>().data;
    expect(rows).toContainEqual(
      expect.objectContaining({ indicatorCode: 'poverty_headcount_ratio', year: 2023, value: 23.36 }),
    );
  });

  it('accepts Buddhist-Era years and updates a figure on re-import instead of duplicating it', async () => {
    const file = csv('be.csv', [
      HEADER,
      'test_share,ทดสอบ,Test share,2566,50,"1,234.5",percent,https://example.org/a,first',
    ]);
    await importIndicatorCsv(ctx.database.db, file);
    const again = csv('be2.csv', [
      'indicator,year,province_code,value,unit,source_url,note',
      'test_share,2023,50,7,percent,https://example.org/b,second',
    ]);
    await importIndicatorCsv(ctx.database.db, again);
    const response = await ctx.app.inject('/api/indicators/test_share/values?year=2023');
    const values = response.json<{ data: { values: Array<{ value: number; note: string }> } }>().data.values;
    expect(values).toEqual([expect.objectContaining({ provinceCode: 50, value: 7, note: 'second' })]);
  });

  it.each([
    [
      'a bad province code',
      `bad_a,ก,A,2023,99,1,percent,https://example.org,`,
      /row 3: province_code: unknown province code 99/,
    ],
    [
      'a value that is not a number',
      `bad_b,ก,B,2023,10,lots,percent,https://example.org,`,
      /row 3: value: value must be a number/,
    ],
    [
      'a source that is not a web address',
      `bad_c,ก,C,2023,10,1,percent,javascript:alert(1),`,
      /row 3: source_url/,
    ],
    ['an impossible year', `bad_d,ก,D,1200,10,1,percent,https://example.org,`, /row 3: year/],
    [
      'a new indicator without names',
      `bad_e,,,2023,10,1,percent,https://example.org,`,
      /row 3: indicator: “bad_e” is new/,
    ],
  ])('rejects %s, naming the row, and writes nothing of the file', async (_label, badLine, message) => {
    const file = csv('bad.csv', [HEADER, 'good_one,ดี,Good,2023,10,1,percent,https://example.org,', badLine]);
    const error = await importIndicatorCsv(ctx.database.db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(message);
    const response = await ctx.app.inject('/api/indicators/good_one/values');
    expect(response.statusCode).toBe(404);
  });

  it('rejects a file without the required columns', async () => {
    const file = csv('columns.csv', ['indicator,year,value', 'x,2023,1']);
    await expect(importIndicatorCsv(ctx.database.db, file)).rejects.toThrow(
      /missing column\(s\): province_code, unit, source_url/,
    );
  });

  it('answers 404 for an unknown indicator and 400 for a malformed code', async () => {
    expect((await ctx.app.inject('/api/indicators/nothing_here/values')).statusCode).toBe(404);
    expect((await ctx.app.inject('/api/indicators/Bad-Code!/values')).statusCode).toBe(400);
    expect((await ctx.app.inject('/api/geo/provinces/98/indicators')).statusCode).toBe(404);
  });
});
