import { describe, expect, it } from 'vitest';
import { csvStream, formatBangkokBe, satangToBahtText } from './intake.export';
import type { IntakeRow } from './intake.repo';

const ROW: IntakeRow = {
  id: '00000000-0000-4000-8000-000000000001',
  callId: '00000000-0000-4000-8000-000000000002',
  callCode: 'CC',
  callTitleTh: 'รอบ',
  callTitleEn: 'Call',
  stage: 'proposal',
  titleTh: '=HYPERLINK("http://example.test","คลิก")',
  titleEn: '',
  status: 'submitted',
  receiptNumber: 'CC-2569-0001',
  organisationId: '00000000-0000-4000-8000-000000000003',
  organisationNameTh: '+ชื่อ, "องค์กร"',
  organisationNameEn: null,
  organisationType: 'community_enterprise',
  organisationProvinceCode: 40,
  requestedSatang: 123_456,
  provinceCodes: [40],
  themes: ['health'],
  isEligible: null,
  eligibility: null,
  eligibilityOverride: null,
  version: 2,
  submittedAt: new Date('2026-11-27T03:00:00Z'),
  updatedAt: new Date('2026-11-27T03:00:00Z'),
  phase: 'screening',
  shortlisted: null,
  decisionOutcome: null,
  decisionAmountSatang: null,
  decisionNotifiedAt: null,
};

async function collect(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk as string));
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('intake export values', () => {
  it('writes Bangkok date and time in the Buddhist Era', () => {
    expect(formatBangkokBe('2026-11-27T03:00:00Z')).toBe('27/11/2569 10:00:00');
    // 23:59:59 Bangkok on 31 Dec is still that day and year.
    expect(formatBangkokBe('2026-12-31T16:59:59Z')).toBe('31/12/2569 23:59:59');
    expect(formatBangkokBe('2026-12-31T17:00:00Z')).toBe('01/01/2570 00:00:00');
    expect(formatBangkokBe(null)).toBe('');
  });

  it('turns satang into baht text exactly', () => {
    expect(satangToBahtText(20_000_050)).toBe('200000.50');
    expect(satangToBahtText(5)).toBe('0.05');
    expect(satangToBahtText(0)).toBe('0.00');
    expect(satangToBahtText(900_719_925_474_099)).toBe('9007199254740.99');
  });

  it('quotes fields and defuses text a spreadsheet would run as a formula', async () => {
    async function* batches() {
      yield [ROW];
    }
    const line = (await collect(csvStream(batches()))).split('\r\n')[1];
    expect(line).toBe(
      [
        'CC-2569-0001',
        `"'=HYPERLINK(""http://example.test"",""คลิก"")"`,
        `"'+ชื่อ, ""องค์กร"""`,
        'วิสาหกิจชุมชน',
        'ขอนแก่น',
        'ภาคตะวันออกเฉียงเหนือ',
        'สุขภาพ',
        '1234.56',
        'ยื่นแล้ว',
        'ยังไม่ได้ตรวจ',
        '',
        '27/11/2569 10:00:00',
        'รอกลั่นกรอง',
        '',
        '',
        '',
        '',
      ].join(','),
    );
  });

  it('writes the phase, shortlist and decision with the awarded amount in baht', async () => {
    async function* batches() {
      yield [
        {
          ...ROW,
          phase: 'decided',
          shortlisted: true,
          decisionOutcome: 'award',
          decisionAmountSatang: 10_000_050,
          decisionNotifiedAt: null,
        },
        { ...ROW, status: 'withdrawn', phase: null, decisionNotifiedAt: null },
      ];
    }
    const lines = (await collect(csvStream(batches()))).split('\r\n');
    expect(lines[0]?.endsWith(',ขั้นการพิจารณา,รายชื่อคัดเลือก,ผลการพิจารณา,งบประมาณที่อนุมัติ (บาท),การแจ้งผล')).toBe(
      true,
    );
    expect(lines[1]?.endsWith(',ตัดสินแล้ว,ใช่,ได้รับทุน,100000.50,ยังไม่แจ้งผู้ยื่น')).toBe(true);
    expect(lines[2]?.endsWith(',ถอนแล้ว,ยังไม่ได้ตรวจ,,27/11/2569 10:00:00,,,,,')).toBe(true);
  });
});
