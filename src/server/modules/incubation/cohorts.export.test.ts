import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { AssessmentResults } from '@shared/contracts/cohorts';
import { cohortChange, participantChange } from '@shared/cohorts/change';
import { resultsCsv, resultsXlsx } from './cohorts.export';

const ITEMS = ['a', 'b'];
const alice = participantChange(ITEMS, { a: 1, b: 2 }, { a: 3, b: 3 });
const bob = participantChange(ITEMS, { a: 4, b: 4 }, null);

const RESULTS: AssessmentResults = {
  cohortId: '00000000-0000-4000-8000-000000000001',
  cohortNameTh: 'กลุ่มทดสอบ',
  cohortNameEn: 'Test cohort',
  fiscalYear: 2570,
  memberCount: 2,
  questionnaire: {
    id: '00000000-0000-4000-8000-000000000002',
    cohortId: '00000000-0000-4000-8000-000000000001',
    titleTh: 'แบบประเมิน',
    titleEn: 'Assessment',
    scalePoints: 5,
    items: [
      { id: 'a', textTh: 'ข้อหนึ่ง', textEn: 'One' },
      { id: 'b', textTh: 'ข้อสอง', textEn: 'Two' },
    ],
    lockedAt: '2026-11-01T00:00:00.000Z',
    responseCounts: { pre: 2, post: 1 },
    version: 2,
  },
  cohort: cohortChange(ITEMS, [alice, bob]),
  participants: [
    {
      userId: '00000000-0000-4000-8000-000000000003',
      name: '=HYPERLINK("x")',
      organisationNameTh: 'วิสาหกิจชุมชน, บ้านทอน',
      organisationNameEn: null,
      ...alice,
    },
    {
      userId: '00000000-0000-4000-8000-000000000004',
      name: 'สมชาย',
      organisationNameTh: null,
      organisationNameEn: null,
      ...bob,
    },
  ],
};

describe('results export', () => {
  it('writes CSV with a BOM, Thai headers, rounded means, and defused formulas', () => {
    const csv = resultsCsv(RESULTS, 'th');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe(
      'ชื่อ,องค์กร,ค่าเฉลี่ยก่อน,ค่าเฉลี่ยหลัง,การเปลี่ยนแปลง,ข้อ 1 ก่อน,ข้อ 1 หลัง,ข้อ 1 เปลี่ยนแปลง,ข้อ 2 ก่อน,ข้อ 2 หลัง,ข้อ 2 เปลี่ยนแปลง',
    );
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")","วิสาหกิจชุมชน, บ้านทอน",1.5,3,1.5,1,3,2,2,3,1`);
    expect(lines[2]).toBe('สมชาย,,4,,,4,,,4,,');
  });

  it('writes an XLSX workbook with a summary and the participants', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await resultsXlsx(RESULTS, 'en')) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'Participants']);
    const summary = workbook.getWorksheet('Summary');
    const rows = (summary?.getSheetValues() ?? []).map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows).toContainEqual(['Mean change', 1.5]);
    expect(rows).toContainEqual(['Improved (%)', 100]);
    expect(rows).toContainEqual(['1. One', 2.5, 3, 2]);
    expect(workbook.getWorksheet('Participants')?.rowCount).toBe(3);
  });
});
