import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { translate } from '@server/lib/i18n';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS } from '@shared/reference/regions';
import { THEMES } from '@shared/reference/themes';
import type { IntakeRow } from './intake.repo';

/**
 * The intake export (CSV and XLSX) for the agency's staff: headers and values are always in Thai, the working
 * language of the files they pass on, whatever the interface language.
 */
const STATUS_TH: Record<string, string> = {
  draft: 'ร่าง',
  submitted: 'ยื่นแล้ว',
  returned: 'ส่งกลับให้แก้ไข',
  withdrawn: 'ถอนแล้ว',
};

const ELIGIBILITY_TH = {
  yes: 'ผ่าน',
  no: 'ไม่ผ่าน',
  unknown: 'ยังไม่ได้ตรวจ',
  overridden: 'เจ้าหน้าที่ปรับผล',
} as const;

type CellValue = string | number;

/** A column: text or a number (`value`), or money (`satang`: integer satang, null for an empty cell). */
type ExportColumn = { header: string; width: number } & (
  | { value: (row: IntakeRow) => CellValue; satang?: undefined }
  | { satang: (row: IntakeRow) => number | null; value?: undefined }
);

/** Baht with two decimals in CSV (exact text from satang). */
function csvCell(column: ExportColumn, row: IntakeRow): CellValue {
  if (column.satang) {
    const satang = column.satang(row);
    return satang === null ? '' : satangToBahtText(satang);
  }
  return column.value(row);
}

/** Baht as a number in XLSX (formatted `#,##0.00`). */
function xlsxCell(column: ExportColumn, row: IntakeRow): CellValue {
  if (column.satang) {
    const satang = column.satang(row);
    return satang === null ? '' : Math.round(Number(satang)) / 100;
  }
  return column.value(row);
}

const orgTypeNames = new Map(ORGANISATION_TYPES.map((t) => [t.code as string, t.nameTh]));
const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const regionNames = new Map(REGIONS.map((r) => [r.code as string, r.nameTh]));
const regionOrder = REGIONS.map((r) => r.code as string);
const themeNames = new Map(THEMES.map((t) => [t.code as string, t.nameTh]));

const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `27/11/2569 14:05:09`: the day, month and Buddhist-Era year with the time in Asia/Bangkok (UTC+7, no DST). */
export function formatBangkokBe(value: Date | string | null): string {
  if (value === null) {
    return '';
  }
  const local = new Date(new Date(value).getTime() + BANGKOK_OFFSET_MS);
  return (
    `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear() + 543} ` +
    `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  );
}

/** Baht with two decimals from integer satang, exactly (`123456` → `1234.56`). */
export function satangToBahtText(satang: number): string {
  const sign = satang < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(satang));
  return `${sign}${Math.trunc(abs / 100)}.${pad(abs % 100)}`;
}

function eligibilityOf(row: IntakeRow): string {
  if (row.eligibilityOverride) {
    return `${row.eligibilityOverride.eligible ? ELIGIBILITY_TH.yes : ELIGIBILITY_TH.no} (${ELIGIBILITY_TH.overridden})`;
  }
  if (row.isEligible === null) {
    return ELIGIBILITY_TH.unknown;
  }
  return row.isEligible === 1 ? ELIGIBILITY_TH.yes : ELIGIBILITY_TH.no;
}

function reasonsOf(row: IntakeRow): string {
  if (row.eligibilityOverride) {
    return row.eligibilityOverride.reason;
  }
  return (row.eligibility?.checks ?? [])
    .filter((check) => !check.passed)
    .map((check) => translate('th', check.key, check.params))
    .join('; ');
}

/** The phase in selection, the shortlist, the decision (Thai labels from the intake catalogue). */
function phaseOf(row: IntakeRow): string {
  return row.phase === null ? '' : translate('th', `intake.phase.${row.phase}`);
}

function outcomeOf(row: IntakeRow): string {
  return row.decisionOutcome === null ? '' : translate('th', `intake.outcome.${row.decisionOutcome}`);
}

function releasedOf(row: IntakeRow): string {
  if (row.decisionOutcome === null) {
    return '';
  }
  return translate(
    'th',
    row.decisionNotifiedAt === null ? 'intake.selection.notReleased' : 'intake.selection.released',
  );
}

function regionsOf(codes: readonly number[]): string {
  const regions = new Set(codes.map((code) => provinceByCode.get(code)?.region).filter(Boolean));
  return regionOrder
    .filter((code) => regions.has(code as never))
    .map((code) => regionNames.get(code) ?? code)
    .join(', ');
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'เลขที่รับข้อเสนอ', width: 18, value: (r) => r.receiptNumber ?? '' },
  { header: 'ชื่อข้อเสนอโครงการ', width: 48, value: (r) => r.titleTh },
  { header: 'องค์กร', width: 36, value: (r) => r.organisationNameTh },
  {
    header: 'ประเภทองค์กร',
    width: 24,
    value: (r) => orgTypeNames.get(r.organisationType) ?? r.organisationType,
  },
  {
    header: 'จังหวัด',
    width: 28,
    value: (r) => r.provinceCodes.map((code) => provinceByCode.get(code)?.nameTh ?? String(code)).join(', '),
  },
  { header: 'ภาค', width: 20, value: (r) => regionsOf(r.provinceCodes) },
  {
    header: 'ประเด็น',
    width: 32,
    value: (r) => r.themes.map((code) => themeNames.get(code) ?? code).join(', '),
  },
  { header: 'งบประมาณที่ขอ (บาท)', width: 20, satang: (r) => Number(r.requestedSatang) },
  { header: 'สถานะ', width: 16, value: (r) => STATUS_TH[r.status] ?? r.status },
  { header: 'ผลการตรวจคุณสมบัติ', width: 22, value: eligibilityOf },
  { header: 'เหตุผล', width: 48, value: reasonsOf },
  { header: 'วันที่ยื่น (พ.ศ.)', width: 20, value: (r) => formatBangkokBe(r.submittedAt) },
  { header: 'ขั้นการพิจารณา', width: 22, value: phaseOf },
  { header: 'รายชื่อคัดเลือก', width: 16, value: (r) => (r.shortlisted ? 'ใช่' : '') },
  { header: 'ผลการพิจารณา', width: 22, value: outcomeOf },
  {
    header: 'งบประมาณที่อนุมัติ (บาท)',
    width: 22,
    satang: (r) => (r.decisionAmountSatang === null ? null : Number(r.decisionAmountSatang)),
  },
  { header: 'การแจ้งผล', width: 22, value: releasedOf },
];

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused with a leading `'`. */
function csvField(value: CellValue): string {
  if (typeof value === 'number') {
    return String(value);
  }
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** UTF-8 with a byte-order mark and CRLF line ends: what Excel needs to open Thai text correctly. */
export function csvStream(batches: AsyncIterable<IntakeRow[]>): Readable {
  async function* lines() {
    yield `\uFEFF${csvLine(EXPORT_COLUMNS.map((c) => c.header))}`;
    for await (const batch of batches) {
      yield batch.map((row) => csvLine(EXPORT_COLUMNS.map((c) => csvCell(c, row)))).join('');
    }
  }
  return Readable.from(lines(), { objectMode: false });
}

/**
 * An XLSX workbook written row by row as the batches come (ExcelJS's streaming writer): a bold, frozen header row,
 * set column widths, and money as numbers formatted `#,##0.00`.
 */
export function xlsxStream(batches: AsyncIterable<IntakeRow[]>, sheetName: string): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map((c, i) => ({
    key: String(i),
    width: c.width,
    ...(c.satang ? { style: { numFmt: '#,##0.00' } } : {}),
  }));
  const write = async () => {
    const header = sheet.addRow(EXPORT_COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      for (const row of batch) {
        sheet.addRow(EXPORT_COLUMNS.map((c) => xlsxCell(c, row))).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
