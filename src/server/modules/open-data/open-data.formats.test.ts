import { describe, expect, it } from 'vitest';
import { OPEN_DATASETS, openFieldNames, type OpenDatasetDefinition } from '@shared/contracts/open-data';
import { projectRecord, redactPersonalText, toBulkJson, toCsv } from './open-data.formats';
import { sumIndicatorValues } from './open-data.service';

const areaDef = OPEN_DATASETS.find((d) => d.name === 'area-indicators') as OpenDatasetDefinition;
const NOW = new Date('2026-12-15T03:00:00Z');

describe('redactPersonalText', () => {
  it.each([
    ['ติดต่อ somchai.k@example.co.th ได้', 'ติดต่อ […] ได้'],
    ['โทร 081-234-5678 หรือ 0812345678', 'โทร […] หรือ […]'],
    ['โทร 02 123 4567', 'โทร […]'],
    ['call +66 81 234 5678', 'call […]'],
    ['บัตร 1-1001-00456-78-9 และ 1100100456789', 'บัตร […] และ […]'],
  ])('masks %s', (text, expected) => {
    expect(redactPersonalText(text)).toBe(expected);
  });

  it.each([
    'งบประมาณ 1,500,000 บาท ปี 2569',
    'SI-2569-0001 รอบ CC-2569',
    'SDG 1.4 และ 8.5 ครัวเรือน 120 ครัวเรือน',
    'https://www.nso.go.th/',
  ])('keeps %s', (text) => {
    expect(redactPersonalText(text)).toBe(text);
  });
});

describe('CSV and JSON files', () => {
  const record = {
    indicatorCode: 'poverty',
    indicatorNameTh: 'สัดส่วนคนจน, "ร้อยละ"',
    indicatorNameEn: '=HYPERLINK("x")',
    provinceCode: 58,
    provinceNameTh: 'แม่ฮ่องสอน',
    provinceNameEn: 'Mae Hong Son',
    year: 2023,
    value: 27.5,
    unit: 'percent',
    higherIsNeedier: true,
    sourceUrl: 'https://example.org/a\nb',
    secret: 'never written',
  };

  it('keeps only the dictionary fields, in order, null for missing ones', () => {
    const projected = projectRecord(areaDef, { ...record, year: undefined });
    expect(Object.keys(projected)).toEqual(openFieldNames('area-indicators'));
    expect(projected.year).toBeNull();
    expect(projected).not.toHaveProperty('secret');
  });

  it('writes a BOM, two licence lines, the header and quoted, formula-safe cells', () => {
    const csv = toCsv(areaDef, [record], NOW);
    expect(csv.startsWith('\uFEFF# ')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^# .*CC BY 4\.0.*https:\/\/creativecommons\.org\/licenses\/by\/4\.0\/$/);
    expect(lines[1]).toContain('generated 2026-12-15T03:00:00.000Z');
    expect(lines[0]).not.toContain(',');
    expect(lines[1]).not.toContain(',');
    expect(lines[2]).toBe(openFieldNames('area-indicators').join(','));
    expect(csv).toContain(
      'poverty,"สัดส่วนคนจน, ""ร้อยละ""","\'=HYPERLINK(""x"")",58,แม่ฮ่องสอน,Mae Hong Son,2023,27.5,percent,true,"https://example.org/a\nb"',
    );
    expect(csv).not.toContain('never written');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes lists with semicolons and null as an empty cell', () => {
    const awards = OPEN_DATASETS.find((d) => d.name === 'awards') as OpenDatasetDefinition;
    const csv = toCsv(awards, [{ provinceCodes: [58, 96], themes: ['health'], receiptNumber: null }], NOW);
    const row = csv.split('\r\n')[3]?.split(',') ?? [];
    const names = openFieldNames('awards');
    expect(row[names.indexOf('provinceCodes')]).toBe('58;96');
    expect(row[names.indexOf('themes')]).toBe('health');
    expect(row[names.indexOf('receiptNumber')]).toBe('');
  });

  it('puts the licence and the fields in the JSON meta', () => {
    const json = toBulkJson(areaDef, [record], NOW);
    expect(json.meta).toMatchObject({
      dataset: 'area-indicators',
      apiVersion: 'v1',
      recordCount: 1,
      generatedAt: '2026-12-15T03:00:00.000Z',
      licence: { code: 'CC-BY-4.0' },
    });
    expect(json.meta.fields.map((f) => f.name)).toEqual(openFieldNames('area-indicators'));
    expect(json.data[0]).not.toHaveProperty('secret');
  });
});

describe('sumIndicatorValues', () => {
  const row = (
    projectId: string,
    projectIndicatorId: string,
    value: number,
    more: Partial<Parameters<typeof sumIndicatorValues>[0][number]> = {},
  ) => ({
    projectId,
    projectIndicatorId,
    value,
    indicatorCode: 'PEOPLE',
    indicatorNameTh: 'ผู้ได้รับประโยชน์',
    indicatorNameEn: 'Beneficiaries',
    unitTh: 'คน',
    unitEn: 'people',
    aggregation: 'sum',
    fiscalYear: 2569,
    provinceCodes: [58],
    ...more,
  });

  it('rolls each project up, shares it among its provinces and adds across projects', () => {
    // P1 (58 and 96): 30 + 10 = 40 → 20 each; P2 (58): 7; P3 (no province): 5; P4 latest 3 then 9 → 9 in 58.
    const sums = sumIndicatorValues([
      row('p1', 'i1', 30, { provinceCodes: [58, 96] }),
      row('p1', 'i1', 10, { provinceCodes: [58, 96] }),
      row('p2', 'i2', 7),
      row('p3', 'i3', 5, { provinceCodes: [] }),
      row('p4', 'i4', 3, { aggregation: 'latest', indicatorCode: 'HH' }),
      row('p4', 'i4', 9, { aggregation: 'latest', indicatorCode: 'HH' }),
    ]);
    expect(sums.map((s) => [s.provinceCode, s.indicatorCode, s.value, s.projectCount, s.valueCount])).toEqual(
      [
        [null, 'PEOPLE', 5, 1, 1],
        [58, 'HH', 9, 1, 2],
        [58, 'PEOPLE', 27, 2, 3],
        [96, 'PEOPLE', 20, 1, 2],
      ],
    );
  });

  it('averages mean indicators, each project counted whole in each province, and never adds other units', () => {
    const sums = sumIndicatorValues([
      row('p1', 'i1', 60, { aggregation: 'mean', provinceCodes: [58, 96], unitTh: '%', unitEn: '%' }),
      row('p1', 'i1', 80, { aggregation: 'mean', provinceCodes: [58, 96], unitTh: '%', unitEn: '%' }),
      row('p2', 'i2', 40, { aggregation: 'mean', unitTh: '%', unitEn: '%' }),
      row('p3', 'i3', 2, { unitTh: 'ครัวเรือน', unitEn: 'households' }),
    ]);
    expect(sums.map((s) => [s.provinceCode, s.unitEn, s.value])).toEqual([
      [58, '%', 55],
      [58, 'households', 2],
      [96, '%', 70],
    ]);
  });
});
