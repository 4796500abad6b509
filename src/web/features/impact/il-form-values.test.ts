import { describe, expect, it } from 'vitest';
import type { FinancialProxy, ImpactIndicator } from '@shared/contracts/impact-library';
import {
  EMPTY_INDICATOR,
  EMPTY_PROXY,
  indicatorBody,
  indicatorFieldOf,
  indicatorFormSchema,
  indicatorToValues,
  parseSdgTargets,
  proxyBody,
  proxyFieldOf,
  proxyFormSchema,
  proxyToValues,
  yearFromInput,
  yearToInput,
} from './il-form-values';

const t = (key: string) => key;

describe('SDG targets and years as typed', () => {
  it('splits the SDG box on commas, semicolons and spaces', () => {
    expect(parseSdgTargets(' 1.4, 8.5;12.a  3.8 ')).toEqual(['1.4', '8.5', '12.a', '3.8']);
    expect(parseSdgTargets('')).toEqual([]);
  });

  it('reads a year in either calendar, Thai digits too; 2400 and above is Buddhist Era', () => {
    expect(yearFromInput('2567')).toBe(2024);
    expect(yearFromInput('2024')).toBe(2024);
    expect(yearFromInput('๒๕๖๗')).toBe(2024);
    expect(yearFromInput('67')).toBeNull();
    expect(yearFromInput('year')).toBeNull();
    expect(yearToInput(2024, 'th')).toBe('2567');
    expect(yearToInput(2024, 'en')).toBe('2024');
  });
});

describe('the indicator form', () => {
  const schema = indicatorFormSchema(t);
  const filled = {
    ...EMPTY_INDICATOR,
    code: 'inc-09',
    nameTh: 'รายได้',
    nameEn: 'Income',
    unitTh: 'บาท',
    unitEn: 'baht',
    sdgText: '1.2, 8.5',
    irisMetricId: 'pi4060',
  };

  it('accepts a filled form and builds the body: upper-cased code and IRIS+ id, SDG list', () => {
    expect(schema.safeParse(filled).success).toBe(true);
    expect(indicatorBody(filled)).toMatchObject({
      code: 'INC-09',
      irisMetricId: 'PI4060',
      sdgTargets: ['1.2', '8.5'],
    });
    expect(indicatorBody({ ...filled, irisMetricId: ' ' }).irisMetricId).toBeNull();
  });

  it('names the field of a wrong IRIS+ id, SDG target or code with the catalogue message', () => {
    const bad = schema.safeParse({ ...filled, irisMetricId: 'PI40', sdgText: '18.1', code: 'รหัส' });
    expect(bad.success).toBe(false);
    const byField = Object.fromEntries((bad.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(byField).toMatchObject({
      irisMetricId: 'impactLibrary.errors.IRIS_FORMAT',
      sdgText: 'impactLibrary.errors.SDG_FORMAT',
      code: 'impactLibrary.errors.CODE_FORMAT',
    });
    expect(schema.safeParse({ ...filled, sdgText: '8.5 8.5' }).success).toBe(false);
  });

  it('round-trips a library row and maps server paths to form fields', () => {
    const row = {
      ...indicatorBody(filled),
      id: '00000000-0000-4000-8000-000000000000',
      isStarter: false,
      isActive: true,
      version: 3,
      updatedAt: '2026-01-01T00:00:00.000Z',
      abilities: { manage: true },
    } satisfies ImpactIndicator;
    expect(indicatorBody(indicatorToValues(row))).toEqual(indicatorBody(filled));
    expect(indicatorFieldOf('body.sdgTargets.1')).toBe('sdgText');
    expect(indicatorFieldOf('body.irisMetricId')).toBe('irisMetricId');
    expect(indicatorFieldOf('body.version')).toBeNull();
  });
});

describe('the proxy form', () => {
  const schema = proxyFormSchema(t);
  const filled = {
    ...EMPTY_PROXY,
    code: 'fp-lunch',
    nameTh: 'อาหารกลางวัน',
    nameEn: 'Lunch',
    valueBaht: '1,234.50',
    unitTh: 'ต่อมื้อ',
    unitEn: 'per meal',
    priceYear: '2568',
    sourceTitle: 'ราคาอาหารในพื้นที่',
  };

  it('turns baht into satang and a Buddhist-Era year into Common Era', () => {
    expect(schema.safeParse(filled).success).toBe(true);
    expect(proxyBody(filled)).toMatchObject({
      code: 'FP-LUNCH',
      valueSatang: 123_450,
      priceYear: 2025,
      currency: 'THB',
    });
  });

  it('refuses zero or negative values, impossible years, other link schemes', () => {
    const fields = (values: typeof filled) =>
      (schema.safeParse(values).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(fields({ ...filled, valueBaht: '0' })).toEqual(['valueBaht']);
    expect(fields({ ...filled, valueBaht: '-5' })).toEqual(['valueBaht']);
    expect(fields({ ...filled, priceYear: '1900' })).toEqual(['priceYear']);
    expect(fields({ ...filled, sourceUrl: 'javascript:alert(1)' })).toEqual(['sourceUrl']);
    expect(fields({ ...filled, currency: 'baht' })).toEqual(['currency']);
  });

  it('round-trips a library row in either language and maps server paths', () => {
    const row = {
      ...proxyBody(filled),
      id: '00000000-0000-4000-8000-000000000000',
      isStarter: true,
      isActive: true,
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      abilities: { manage: true },
    } satisfies FinancialProxy;
    expect(proxyBody(proxyToValues(row, 'th'))).toEqual(proxyBody(filled));
    expect(proxyBody(proxyToValues(row, 'en'))).toEqual(proxyBody(filled));
    expect(proxyFieldOf('body.valueSatang')).toBe('valueBaht');
    expect(proxyFieldOf('body.themes.0')).toBe('themes');
  });
});
