import { describe, expect, it } from 'vitest';
import { ReportBodySchema, type ReportDetail } from '@shared/contracts/projects';
import {
  bodyFromDraft,
  draftFingerprint,
  draftFromReport,
  emptyIndicator,
  emptyScaling,
  fieldDomId,
  fieldDomIdCandidates,
  fieldKey,
  parseNumber,
} from './report-form';

const M1 = '7a8b52cb-e5be-4b6d-beae-c6f821bada8f';
const M2 = '8a8b52cb-e5be-4b6d-beae-c6f821bada8f';
const L1 = '68be5c30-04d3-4a07-9fc8-c76bc72d0af9';
const L2 = '7188b7e9-9d3b-4152-b7ec-e20b1a97209d';

function report(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    projectId: '22222222-2222-4222-8222-222222222222',
    agreementNumber: 'SI-2569-0001',
    projectTitleTh: 'โครงการ',
    projectTitleEn: 'Project',
    sequence: 1,
    kind: 'progress',
    periodStart: '2026-06-01',
    periodEnd: '2026-10-31',
    dueOn: '2026-11-15',
    status: 'draft',
    submittedAt: null,
    reviewedAt: null,
    isOverdue: false,
    milestones: [
      {
        milestoneId: M1,
        titleTh: 'สำรวจ',
        titleEn: '',
        deliverable: '',
        dueOn: '2026-10-31',
        completionPercent: 40,
        note: 'ok',
      },
      {
        milestoneId: M2,
        titleTh: 'ติดตั้ง',
        titleEn: '',
        deliverable: '',
        dueOn: '2026-10-31',
        completionPercent: 0,
        note: '',
      },
    ],
    expenditures: [
      {
        budgetLineId: L1,
        category: 'personnel',
        description: 'ค่าตอบแทน',
        approvedSatang: 14_400_000,
        spentBeforeSatang: 0,
        spentSatang: 3_600_050,
        note: '',
      },
      {
        budgetLineId: L2,
        category: 'equipment',
        description: 'แผง',
        approvedSatang: 21_600_000,
        spentBeforeSatang: 0,
        spentSatang: 0,
        note: '',
      },
    ],
    indicators: [
      { indicatorCode: 'hh_water', name: 'ครัวเรือน', unit: 'ครัวเรือน', value: 104, target: null, note: '' },
    ],
    narrative: '',
    problems: '',
    risks: '',
    srlLevel: 3,
    srlEvidence: '',
    lessonsLearned: '',
    scalingRecommendations: [],
    files: [],
    events: [],
    version: 4,
    abilities: { edit: true, submit: true, review: false },
    ...overrides,
  };
}

describe('draftFromReport and bodyFromDraft', () => {
  it('round-trips a report into a body the contract accepts', () => {
    const { body, problems } = bodyFromDraft(draftFromReport(report()), 4);
    expect(problems).toEqual({});
    expect(ReportBodySchema.parse(body)).toEqual(body);
    expect(body.version).toBe(4);
    expect(body.milestones).toEqual([
      { milestoneId: M1, completionPercent: 40, note: 'ok' },
      { milestoneId: M2, completionPercent: 0, note: '' },
    ]);
    expect(body.expenditures.map((e) => e.spentSatang)).toEqual([3_600_050, 0]);
    expect(body.indicators).toEqual([
      { indicatorCode: 'hh_water', name: 'ครัวเรือน', unit: 'ครัวเรือน', value: 104, target: null, note: '' },
    ]);
  });

  it('reads baht as typed, with grouping, into satang; empty spending is zero', () => {
    const draft = draftFromReport(report());
    draft.expenditures = [
      { budgetLineId: L1, spent: '1,250.5', note: ' receipt ' },
      { budgetLineId: L2, spent: '', note: '' },
    ];
    const { body, problems } = bodyFromDraft(draft, 4);
    expect(problems).toEqual({});
    expect(body.expenditures).toEqual([
      { budgetLineId: L1, spentSatang: 125_050, note: 'receipt' },
      { budgetLineId: L2, spentSatang: 0, note: '' },
    ]);
  });

  it('names each field that is not a number, an amount or a percentage, keyed like the server', () => {
    const draft = draftFromReport(report());
    draft.milestones[1] = { milestoneId: M2, completion: '120', note: '' };
    draft.expenditures[0] = { budgetLineId: L1, spent: 'abc', note: '' };
    draft.indicators = [
      { ...emptyIndicator(), name: '', value: 'สิบ', target: '2' },
      { ...emptyIndicator(), name: 'ok', value: '', target: 'x' },
    ];
    draft.scalingRecommendations = [{ ...emptyScaling(), area: ' ', recommendation: 'do it' }];
    expect(bodyFromDraft(draft, 4).problems).toEqual({
      [`milestones.${M2}.completionPercent`]: 'percent',
      [`expenditures.${L1}.spentSatang`]: 'money',
      'indicators.0.name': 'required',
      'indicators.0.value': 'number',
      'indicators.1.value': 'required',
      'indicators.1.target': 'number',
      'scalingRecommendations.0.area': 'required',
    });
  });

  it('tells a changed draft from the saved one, whatever the rows’ React keys', () => {
    const saved = report();
    const a = draftFromReport(saved);
    const b = draftFromReport(saved);
    expect(draftFingerprint(a)).toBe(draftFingerprint(b));
    b.narrative = 'x';
    expect(draftFingerprint(a)).not.toBe(draftFingerprint(b));
  });
});

describe('parseNumber', () => {
  it.each([
    ['120', 120],
    ['1,250.75', 1250.75],
    ['-3', -3],
    [' 4 ', 4],
    ['', undefined],
    ['abc', null],
    ['1e5', null],
    ['1.2.3', null],
  ])('%j → %j', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });
});

describe('fieldKey', () => {
  const rows = {
    milestones: [{ milestoneId: M1 }, { milestoneId: M2 }],
    expenditures: [{ budgetLineId: L1 }, { budgetLineId: L2 }],
  };

  it('keys milestone and budget-line rows by their id', () => {
    expect(fieldKey('body.milestones.1.evidence', rows)).toBe(`milestones.${M2}.evidence`);
    expect(fieldKey('body.expenditures.0.spentSatang', rows)).toBe(`expenditures.${L1}.spentSatang`);
  });

  it('keeps other fields and indexes as they are', () => {
    expect(fieldKey('body.narrative', rows)).toBe('narrative');
    expect(fieldKey('body.indicators.2.value', rows)).toBe('indicators.2.value');
    expect(fieldKey('body.milestones.7.completionPercent', rows)).toBe('milestones.7.completionPercent');
    expect(fieldKey('body.scalingRecommendations', rows)).toBe('scalingRecommendations');
  });

  it('gives DOM ids from the most precise to the whole list', () => {
    expect(fieldDomId(`milestones.${M1}.note`)).toBe(`pr-f-milestones-${M1}-note`);
    expect(fieldDomIdCandidates('indicators.0.value')).toEqual([
      'pr-f-indicators-0-value',
      'pr-f-indicators-0',
      'pr-f-indicators',
    ]);
  });
});
