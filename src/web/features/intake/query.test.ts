import { describe, expect, it } from 'vitest';
import { IntakeExportBodySchema, IntakeQuerySchema } from '@shared/contracts/proposals';
import { eligibilityReason } from './eligibility-text';
import {
  exportBody,
  hasFilters,
  nextSort,
  pageCount,
  paramsFromQuery,
  queryFromParams,
  withFilter,
} from './query';

describe('intake query in the address', () => {
  it('reads filters, sorting and paging, and drops what is not valid', () => {
    const query = queryFromParams(
      new URLSearchParams(
        'status=submitted&province=50&region=mars&q=%E0%B8%99%E0%B9%89%E0%B8%B3&page=2&pageSize=9999',
      ),
    );
    expect(query).toEqual({
      status: 'submitted',
      province: 50,
      q: 'น้ำ',
      sort: '-submitted_at',
      page: 2,
      pageSize: 50,
    });
  });

  it('writes only what differs from the defaults', () => {
    expect(paramsFromQuery(IntakeQuerySchema.parse({})).toString()).toBe('');
    const params = paramsFromQuery({
      ...IntakeQuerySchema.parse({}),
      eligible: 'no',
      sort: 'title',
      page: 3,
    });
    expect(params.toString()).toBe('eligible=no&sort=title&page=3');
  });

  it('round-trips', () => {
    const query = IntakeQuerySchema.parse({
      theme: 'health',
      organisationType: 'youth_group',
      stage: 'concept',
      sort: '-requested',
      pageSize: 20,
    });
    expect(queryFromParams(paramsFromQuery(query))).toEqual(query);
  });

  it('goes back to page one when a filter changes, and removes emptied filters', () => {
    const query = IntakeQuerySchema.parse({ status: 'draft', page: 4 });
    expect(withFilter(query, 'province', 57)).toMatchObject({ province: 57, page: 1, status: 'draft' });
    const cleared = withFilter(query, 'status', undefined);
    expect(cleared).not.toHaveProperty('status');
    expect(hasFilters(cleared)).toBe(false);
    expect(hasFilters(query)).toBe(true);
  });

  it('exports with the filters and sort but no paging', () => {
    const query = IntakeQuerySchema.parse({ eligible: 'yes', sort: 'receipt', page: 5, pageSize: 20 });
    const body = exportBody(query, 'xlsx');
    expect(body).toEqual({ eligible: 'yes', sort: 'receipt', format: 'xlsx' });
    expect(IntakeExportBodySchema.safeParse(body).success).toBe(true);
    expect(exportBody({ ...query, q: '' }, 'csv')).not.toHaveProperty('q');
  });

  it('reads the selection phase and decision outcome, dropping unknown ones, and counts them as filters', () => {
    const query = queryFromParams(new URLSearchParams('phase=decided&outcome=award'));
    expect(query).toMatchObject({ phase: 'decided', outcome: 'award' });
    expect(hasFilters(query)).toBe(true);
    expect(queryFromParams(new URLSearchParams('phase=shortlist&outcome=maybe'))).toEqual(
      IntakeQuerySchema.parse({}),
    );
    const none = withFilter(IntakeQuerySchema.parse({ page: 4 }), 'outcome', 'none');
    expect(paramsFromQuery(none).toString()).toBe('outcome=none');
    expect(exportBody({ ...none, phase: 'screening' }, 'csv')).toEqual({
      phase: 'screening',
      outcome: 'none',
      sort: '-submitted_at',
      format: 'csv',
    });
  });

  it('counts pages and flips the sort', () => {
    expect(pageCount(0, 50)).toBe(1);
    expect(pageCount(101, 50)).toBe(3);
    expect(nextSort('-submitted_at', 'submitted_at')).toBe('submitted_at');
    expect(nextSort('submitted_at', 'submitted_at')).toBe('-submitted_at');
    expect(nextSort('title', 'requested')).toBe('-requested');
    expect(nextSort('-requested', 'requested')).toBe('requested');
    expect(nextSort('-requested', 'title')).toBe('title');
  });
});

describe('eligibility reasons', () => {
  it('names provinces, organisation types and amounts', () => {
    expect(
      eligibilityReason(
        { rule: 'area', passed: false, key: 'eligibility.areaProposalFail', params: { provinces: '50,57' } },
        'th',
      ),
    ).toEqual({ key: 'eligibility.areaProposalFail', values: { provinces: 'เชียงใหม่, เชียงราย' } });
    expect(
      eligibilityReason(
        {
          rule: 'organisation_type',
          passed: true,
          key: 'eligibility.orgTypePass',
          params: { type: 'youth_group' },
        },
        'en',
      ).values,
    ).toEqual({ type: 'Youth group' });
    expect(
      eligibilityReason(
        {
          rule: 'budget',
          passed: false,
          key: 'eligibility.budgetFail',
          params: { requestedSatang: 150_000_000, minSatang: 0, maxSatang: 50_000_000 },
        },
        'th',
      ).values,
    ).toEqual({ requestedSatang: '1,500,000 บาท', minSatang: '0 บาท', maxSatang: '500,000 บาท' });
  });

  it('falls back to the general wording for a reason it does not know', () => {
    expect(
      eligibilityReason({ rule: 'theme', passed: false, key: 'eligibility.somethingNew' }, 'th').key,
    ).toBe('eligibility.notEligible');
  });
});
