import { describe, expect, it } from 'vitest';
import {
  CreateFinancialProxyBodySchema,
  CreateImpactIndicatorBodySchema,
} from '@shared/contracts/impact-library';
import { STARTER_INDICATORS, STARTER_PROXIES } from './impact.starter';

describe('the starter sets', () => {
  it('every starter indicator is a valid library indicator (code, SDG targets, IRIS+ id, enums)', () => {
    for (const indicator of STARTER_INDICATORS) {
      const parsed = CreateImpactIndicatorBodySchema.safeParse(indicator);
      expect([indicator.code, parsed.error?.issues ?? []]).toEqual([indicator.code, []]);
      expect(parsed.data?.code).toBe(indicator.code);
    }
  });

  it('every starter proxy is a valid library proxy, priced in THB satang, with its basis described', () => {
    for (const proxy of STARTER_PROXIES) {
      const parsed = CreateFinancialProxyBodySchema.safeParse(proxy);
      expect([proxy.code, parsed.error?.issues ?? []]).toEqual([proxy.code, []]);
      expect(parsed.data?.currency).toBe('THB');
      expect(proxy.sourceTitle.length).toBeGreaterThan(10);
      expect(proxy.descriptionTh).not.toBe('');
      expect(proxy.descriptionEn).not.toBe('');
    }
  });

  it('IRIS+ ids appear only where the definition matches (people reached, organisations supported)', () => {
    const withIris = STARTER_INDICATORS.filter((i) => i.irisMetricId !== null).map((i) => [
      i.code,
      i.irisMetricId,
    ]);
    expect(withIris).toEqual([
      ['REA-01', 'PI4060'],
      ['CE-02', 'PI9652'],
    ]);
  });

  it('the wage-based proxies follow their stated basis (350 baht a day)', () => {
    const value = (code: string) => STARTER_PROXIES.find((p) => p.code === code)?.valueSatang;
    expect(value('FP-WAGE-DAY')).toBe(35_000);
    expect(value('FP-WAGE-MONTH')).toBe(350 * 22 * 100);
    expect(value('FP-JOB-YEAR')).toBe(350 * 22 * 12 * 100);
    expect(value('FP-DISABILITY-JOB-YEAR')).toBe(350 * 365 * 100);
    expect(value('FP-VOLUNTEER-HOUR')).toBe(4_375);
  });

  it('covers the themes the programme asks for', () => {
    const prefixes = new Set(STARTER_INDICATORS.map((i) => i.code.split('-')[0]));
    for (const prefix of [
      'INC',
      'JOB',
      'CE',
      'SKL',
      'HLT',
      'EDU',
      'ENV',
      'ELD',
      'DIS',
      'DIG',
      'LGA',
      'YTH',
      'NET',
    ]) {
      expect(prefixes.has(prefix), prefix).toBe(true);
    }
  });
});
