import ExcelJS from 'exceljs';
import type { DisbursementReport } from '@shared/contracts/projects';

/**
 * The disbursement report as an XLSX workbook for the agency's finance staff: one row per fiscal year (BE) and one
 * per programme under it, then the totals; Thai headers, money in baht as numbers formatted `#,##0.00`.
 */
const HEADERS = [
  'ปีงบประมาณ (พ.ศ.)',
  'แผนงาน',
  'จำนวนโครงการ',
  'วงเงินทุนที่อนุมัติ (บาท)',
  'จ่ายแล้วในปี (บาท)',
  'กันไว้ไม่จ่าย (บาท)',
  'พร้อมเบิกจ่าย (บาท)',
  'รอตามกำหนด (บาท)',
];
const WIDTHS = [18, 40, 14, 24, 22, 20, 20, 20];

type Figures = DisbursementReport['totals'];

const baht = (satang: number) => Math.round(satang) / 100;
const money = (f: Figures) => [
  baht(f.awardedSatang),
  baht(f.paidSatang),
  baht(f.withheldSatang),
  baht(f.readySatang),
  baht(f.scheduledSatang),
];

export async function disbursementXlsx(report: DisbursementReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SI Platform';
  const sheet = workbook.addWorksheet('การเบิกจ่าย', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = WIDTHS.map((width, i) => ({
    key: String(i),
    width,
    ...(i >= 3 ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  for (const year of report.years) {
    const row = sheet.addRow([year.fiscalYear, 'รวมทุกแผนงาน', year.projects, ...money(year)]);
    row.font = { bold: true };
    for (const programme of year.programmes) {
      sheet.addRow([year.fiscalYear, programme.nameTh, programme.projects, ...money(programme)]);
    }
  }
  const total = sheet.addRow(['รวมทั้งหมด', '', report.totals.projects, ...money(report.totals)]);
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
