import ExcelJS from 'exceljs';
import { translate } from '@server/lib/i18n';
import { PdfBuilder, formatBaht, formatDateTime } from '@server/lib/pdf';
import {
  POLICY_RESULT_KEYS,
  type ExportFormat,
  type Named,
  type PolicyReport,
} from '@shared/contracts/insights';
import type { Language } from '@shared/i18n/index';

/**
 * The policy report as files: XLSX (a summary sheet, then one sheet per section), CSV (one long file: a row per figure
 * with the section, up to two dimensions, the measure and its value; UTF-8 with a BOM) and PDF (the sections as
 * tables, with bar charts of the trends and of the funding gaps by region, in Sarabun so Thai renders).
 */

type Cell = string | number | null;
type ColumnKind = 'dim' | 'int' | 'baht' | 'ratio' | 'number';

interface Column {
  header: string;
  kind: ColumnKind;
}

/** One section as a table; money cells hold satang. */
export interface Section {
  key: 'needs' | 'fundingRegion' | 'fundingTheme' | 'trends' | 'results' | 'outcomes';
  title: string;
  note: string;
  columns: Column[];
  rows: Cell[][];
}

const tr = (lang: Language, key: string, params?: Record<string, unknown>) =>
  translate(lang, `insights.${key}`, params);
const nameIn = (lang: Language, item: { nameTh: string; nameEn: string }) =>
  lang === 'en' && item.nameEn ? item.nameEn : item.nameTh;

/** A fiscal year as the reader counts: Buddhist Era in Thai, Common Era in English (as the web pages show it). */
export const yearText = (fiscalYear: number, lang: Language) =>
  String(lang === 'th' ? fiscalYear : fiscalYear - 543);

function lookup(lang: Language, list: readonly Named[], key: string | null): string {
  if (key === null) {
    return tr(lang, 'notStated');
  }
  const found = list.find((item) => item.code === key);
  return found ? nameIn(lang, found) : key;
}

/** The filters in words, for the head of every file. */
export function filterText(report: PolicyReport, lang: Language): string {
  const { filters } = report;
  const parts: string[] = [];
  if (filters.fiscalYearFrom !== null && filters.fiscalYearTo !== null) {
    parts.push(
      tr(lang, 'filters.years', {
        from: yearText(filters.fiscalYearFrom, lang),
        to: yearText(filters.fiscalYearTo, lang),
      }),
    );
  } else if (filters.fiscalYearFrom !== null) {
    parts.push(tr(lang, 'filters.yearsFrom', { from: yearText(filters.fiscalYearFrom, lang) }));
  } else if (filters.fiscalYearTo !== null) {
    parts.push(tr(lang, 'filters.yearsTo', { to: yearText(filters.fiscalYearTo, lang) }));
  }
  if (report.programme) {
    parts.push(`${tr(lang, 'filters.programme')}: ${nameIn(lang, report.programme)}`);
  }
  if (filters.theme !== null) {
    parts.push(`${tr(lang, 'filters.theme')}: ${lookup(lang, report.themes, filters.theme)}`);
  }
  return tr(lang, 'filters.summary', {
    text: parts.length === 0 ? tr(lang, 'filters.none') : parts.join(' · '),
  });
}

/** Whose data it is: everything, or one unit's. */
export function scopeText(report: PolicyReport, lang: Language): string {
  const unit = report.scope.drivingUnit;
  return unit
    ? tr(lang, 'scopeUnit', { unit: nameIn(lang, unit), count: report.scope.provinceCount ?? 0 })
    : tr(lang, 'scopeAll');
}

/** The report's sections as tables, in a language. */
export function reportSections(report: PolicyReport, lang: Language): Section[] {
  const c = (key: string) => tr(lang, `columns.${key}`);
  const theme = (key: string | null) => lookup(lang, report.themes, key);
  const region = (key: string | null) => lookup(lang, report.regions, key);
  const gapColumns: Column[] = [
    { header: c('needs'), kind: 'int' },
    { header: c('proposals'), kind: 'int' },
    { header: c('requested'), kind: 'baht' },
    { header: c('awards'), kind: 'int' },
    { header: c('awarded'), kind: 'baht' },
    { header: c('gap'), kind: 'baht' },
    { header: c('awardRate'), kind: 'ratio' },
  ];
  const gapCells = (g: PolicyReport['fundingGaps']['byRegion'][number]): Cell[] => [
    g.needs,
    g.proposals,
    g.requestedSatang,
    g.awards,
    g.awardedSatang,
    g.gapSatang,
    g.awardRate,
  ];
  const r = report.results;
  return [
    {
      key: 'needs',
      title: tr(lang, 'sections.needs'),
      note: tr(lang, 'notes.needs'),
      columns: [
        { header: c('theme'), kind: 'dim' },
        { header: c('region'), kind: 'dim' },
        { header: c('problemStatements'), kind: 'int' },
        { header: c('proposals'), kind: 'int' },
        { header: c('communityNeeds'), kind: 'int' },
      ],
      rows: report.needs.cells.map((n) => [
        theme(n.theme),
        region(n.region),
        n.problemStatements,
        n.proposals,
        n.communityNeeds,
      ]),
    },
    {
      key: 'fundingRegion',
      title: tr(lang, 'sections.fundingRegion'),
      note: tr(lang, 'notes.funding'),
      columns: [{ header: c('region'), kind: 'dim' }, ...gapColumns],
      rows: report.fundingGaps.byRegion.map((g) => [region(g.key), ...gapCells(g)]),
    },
    {
      key: 'fundingTheme',
      title: tr(lang, 'sections.fundingTheme'),
      note: tr(lang, 'notes.funding'),
      columns: [{ header: c('theme'), kind: 'dim' }, ...gapColumns],
      rows: report.fundingGaps.byTheme.map((g) => [theme(g.key), ...gapCells(g)]),
    },
    {
      key: 'trends',
      title: tr(lang, 'sections.trends'),
      note: tr(lang, 'notes.trends'),
      columns: [
        { header: c('fiscalYear'), kind: 'dim' },
        { header: c('calls'), kind: 'int' },
        { header: c('proposals'), kind: 'int' },
        { header: c('awards'), kind: 'int' },
        { header: c('requested'), kind: 'baht' },
        { header: c('awarded'), kind: 'baht' },
        { header: c('paid'), kind: 'baht' },
        { header: c('projectsClosed'), kind: 'int' },
      ],
      rows: report.trends.map((t) => [
        yearText(t.fiscalYear, lang),
        t.calls,
        t.proposals,
        t.awards,
        t.requestedSatang,
        t.awardedSatang,
        t.paidSatang,
        t.projectsClosed,
      ]),
    },
    {
      key: 'results',
      title: tr(lang, 'sections.results'),
      note: tr(lang, 'notes.results'),
      columns: [
        { header: c('measure'), kind: 'dim' },
        { header: c('value'), kind: 'int' },
      ],
      rows: POLICY_RESULT_KEYS.map((key) => [tr(lang, `results.${key}`), r[key]]),
    },
    {
      key: 'outcomes',
      title: tr(lang, 'sections.outcomes'),
      note: tr(lang, 'notes.outcomes'),
      columns: [
        { header: c('indicator'), kind: 'dim' },
        { header: c('unit'), kind: 'dim' },
        { header: c('projects'), kind: 'int' },
        { header: c('values'), kind: 'int' },
        { header: c('sum'), kind: 'number' },
      ],
      rows: r.outcomes.map((o) => [
        `${o.code} ${nameIn(lang, o)}`,
        lang === 'en' && o.unitEn ? o.unitEn : o.unitTh,
        o.projects,
        o.values,
        o.total,
      ]),
    },
  ];
}

const bahtOf = (satang: number) => Math.round(satang) / 100;

/** A cell's value as a file keeps it: money in baht, ratios as fractions. */
function fileValue(value: Cell, kind: ColumnKind): Cell {
  if (value === null || typeof value === 'string') {
    return value;
  }
  return kind === 'baht' ? bahtOf(value) : value;
}

/** A CSV field: quoted when needed; text a spreadsheet would run as a formula is defused with a leading `'`. */
function csvField(value: Cell): string {
  if (value === null) {
    return '';
  }
  if (typeof value === 'number') {
    return String(value);
  }
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as one CSV in long form: section, dimension, second dimension, measure, value — a row per figure, so
 * every section fits one header. UTF-8 with a BOM and CRLF (Excel opens Thai right). The first rows carry the title,
 * the scope and the filters as `about` rows.
 */
export function policyReportCsv(report: PolicyReport, lang: Language): string {
  const c = (key: string) => tr(lang, `columns.${key}`);
  const lines: Cell[][] = [[c('section'), c('dimension'), c('dimension2'), c('measure'), c('value')]];
  lines.push(['about', tr(lang, 'title'), '', scopeText(report, lang), filterText(report, lang)]);
  for (const section of reportSections(report, lang)) {
    const dims = section.columns.flatMap((col, i) => (col.kind === 'dim' ? [i] : []));
    for (const row of section.rows) {
      const [first, second] = dims.map((i) => row[i] ?? '');
      section.columns.forEach((col, i) => {
        if (col.kind !== 'dim') {
          lines.push([
            section.key,
            first ?? '',
            second ?? '',
            col.header,
            fileValue(row[i] ?? null, col.kind),
          ]);
        }
      });
    }
  }
  return `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = {
  dim: undefined,
  int: '#,##0',
  baht: '#,##0.00',
  ratio: '0.0%',
  number: '#,##0.##',
};

/** The report as an XLSX workbook: a summary sheet (title, scope, filters, results), then one sheet per section. */
export async function policyReportXlsx(report: PolicyReport, lang: Language, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SI Platform';
  workbook.created = now;
  const summary = workbook.addWorksheet(tr(lang, 'sections.summary'));
  summary.columns = [
    { key: 'a', width: 48 },
    { key: 'b', width: 18 },
  ];
  const title = summary.addRow([tr(lang, 'title')]);
  title.font = { bold: true, size: 14 };
  summary.addRow([scopeText(report, lang)]);
  summary.addRow([filterText(report, lang)]);
  summary.addRow([tr(lang, 'generatedAt', { date: formatDateTime(new Date(report.generatedAt), lang) })]);
  summary.addRow([]);
  const sections = reportSections(report, lang);
  for (const section of sections) {
    // Excel refuses sheet names over 31 characters and some punctuation
    const name = section.title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
    sheet.columns = section.columns.map((col, i) => ({
      key: String(i),
      width: col.kind === 'dim' ? 36 : 16,
      style: NUMBER_FORMATS[col.kind] ? { numFmt: NUMBER_FORMATS[col.kind] } : {},
    }));
    const head = sheet.addRow([section.title]);
    head.font = { bold: true, size: 13 };
    sheet.addRow([section.note]);
    const header = sheet.addRow(section.columns.map((col) => col.header));
    header.font = { bold: true };
    for (const row of section.rows) {
      sheet.addRow(row.map((cell, i) => fileValue(cell, section.columns[i]?.kind ?? 'dim')));
    }
    if (section.key === 'results') {
      const head2 = summary.addRow([section.title]);
      head2.font = { bold: true };
      for (const row of section.rows) {
        summary.addRow(row);
      }
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as the PDF shows it. */
function pdfText(value: Cell, kind: ColumnKind, lang: Language): string {
  if (value === null) {
    return '–';
  }
  if (typeof value === 'string') {
    return value;
  }
  const number = (n: number, digits = 0) =>
    new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: digits }).format(n);
  switch (kind) {
    case 'baht':
      return number(Math.round(value) / 100);
    case 'ratio':
      return `${number(value * 100, 1)}%`;
    case 'number':
      return number(value, 2);
    case 'int':
    case 'dim':
      return number(value);
  }
}

const SERIES_COLOURS = ['#9aa7b5', '#2f6fb3', '#1f8a5b'] as const;

/**
 * Grouped horizontal bars: per label, one bar per series on one scale, each with its value, and a legend on top.
 * Drawn with pdfkit's own graphics inside `figure()`.
 */
function drawBars(
  pdf: PdfBuilder,
  labels: string[],
  series: Array<{ name: string; values: number[] }>,
  format: (value: number) => string,
): void {
  const barHeight = 7;
  const groupGap = 8;
  const groupHeight = series.length * (barHeight + 2) + groupGap;
  const legendHeight = 16;
  const max = Math.max(1e-9, ...series.flatMap((s) => s.values.map((v) => Math.abs(v))));
  const maxGroups = Math.max(1, Math.floor((pdf.room.pageHeight - legendHeight - 20) / groupHeight));
  for (let start = 0; start < labels.length; start += maxGroups) {
    const slice = labels.slice(start, start + maxGroups);
    const height = legendHeight + slice.length * groupHeight + 6;
    pdf.figure(height, (doc, box) => {
      let x = box.x;
      series.forEach((s, i) => {
        doc
          .rect(x, box.y + 3, 9, 7)
          .fillColor(SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#2f6fb3')
          .fill();
        pdf.textAt(s.name, x + 12, box.y - 1, 140, { size: 8, maxLines: 1 });
        x += 150;
      });
      const labelWidth = box.width * 0.3;
      const chartX = box.x + labelWidth;
      const chartWidth = box.width - labelWidth - 90;
      slice.forEach((label, k) => {
        const index = start + k;
        const y = box.y + legendHeight + k * groupHeight;
        pdf.textAt(label, box.x, y, labelWidth - 6, { size: 8, maxLines: 2 });
        series.forEach((s, i) => {
          const value = s.values[index] ?? 0;
          const by = y + i * (barHeight + 2);
          const width = Math.max(0, (Math.max(0, value) / max) * chartWidth);
          doc.rect(chartX, by, chartWidth, barHeight).fillColor('#f1f4f7').fill();
          if (width > 0) {
            doc
              .rect(chartX, by, Math.max(1, width), barHeight)
              .fillColor(SERIES_COLOURS[i % SERIES_COLOURS.length] ?? '#2f6fb3')
              .fill();
          }
          pdf.textAt(format(value), chartX + chartWidth + 4, by - 3, 86, { size: 7, maxLines: 1 });
        });
      });
    });
  }
}

/** The report as a PDF in Thai or English: head, results, charts and every section's table with its note. */
export async function policyReportPdf(report: PolicyReport, lang: Language, now: Date): Promise<Buffer> {
  const printedAt = formatDateTime(now, lang);
  const pdf = new PdfBuilder({
    title: tr(lang, 'title'),
    author: translate(lang, 'app.agency'),
    lang,
    footer: (page, pages) => tr(lang, 'pdf.footer', { page, pages, printedAt }),
  });
  pdf.paragraph(translate(lang, 'app.agency'), { bold: true, size: 12, align: 'center', color: '#0b3a5b' });
  pdf.heading(tr(lang, 'title'), 1);
  pdf.paragraph(scopeText(report, lang), { size: 10 });
  pdf.paragraph(filterText(report, lang), { size: 10 });
  pdf.paragraph(tr(lang, 'generatedAt', { date: formatDateTime(new Date(report.generatedAt), lang) }), {
    size: 10,
    color: '#5b6775',
  });
  const c = (key: string) => tr(lang, `columns.${key}`);
  const baht = (satang: number) => formatBaht(Math.round(satang / 100) * 100, lang);
  const sections = reportSections(report, lang);
  const table = (section: Section) => {
    if (section.rows.length === 0) {
      pdf.paragraph(tr(lang, 'empty'), { color: '#5b6775' });
      return;
    }
    pdf.table(
      section.columns.map((col) => ({
        header: col.header,
        width: col.kind === 'dim' ? 2.4 : 1.2,
        align: col.kind === 'dim' ? ('left' as const) : ('right' as const),
      })),
      section.rows.map((row) => row.map((cell, i) => pdfText(cell, section.columns[i]?.kind ?? 'dim', lang))),
      { size: section.columns.length > 6 ? 7.5 : 9 },
    );
  };
  const byKey = (key: Section['key']) => sections.find((s) => s.key === key);
  for (const key of ['results', 'trends', 'fundingRegion', 'fundingTheme', 'needs', 'outcomes'] as const) {
    const section = byKey(key);
    if (!section) {
      continue;
    }
    pdf.ensureSpace(140);
    pdf.heading(section.title, 2);
    pdf.paragraph(section.note, { size: 9, color: '#41505f' });
    pdf.space(4);
    if (key === 'trends' && report.trends.length > 0) {
      drawBars(
        pdf,
        report.trends.map((t) => yearText(t.fiscalYear, lang)),
        [
          { name: c('requested'), values: report.trends.map((t) => t.requestedSatang) },
          { name: c('awarded'), values: report.trends.map((t) => t.awardedSatang) },
          { name: c('paid'), values: report.trends.map((t) => t.paidSatang) },
        ],
        baht,
      );
    }
    if (key === 'fundingRegion' && report.fundingGaps.byRegion.length > 0) {
      const rows = report.fundingGaps.byRegion;
      drawBars(
        pdf,
        rows.map((g) => lookup(lang, report.regions, g.key)),
        [
          { name: c('requested'), values: rows.map((g) => g.requestedSatang) },
          { name: c('awarded'), values: rows.map((g) => g.awardedSatang) },
        ],
        baht,
      );
    }
    table(section);
  }
  return pdf.toBuffer();
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

/** The report as a file of a format, named `policy-report-<date>-<lang>.<format>` (Bangkok date). */
export async function renderPolicyReport(
  report: PolicyReport,
  format: ExportFormat,
  lang: Language,
  now: Date,
): Promise<{ bytes: Buffer; fileName: string; contentType: string }> {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(now);
  const fileName = `policy-report-${day}-${lang}.${format}`;
  switch (format) {
    case 'xlsx':
      return { bytes: await policyReportXlsx(report, lang, now), fileName, contentType: CONTENT_TYPES.xlsx };
    case 'csv':
      return {
        bytes: Buffer.from(policyReportCsv(report, lang), 'utf8'),
        fileName,
        contentType: CONTENT_TYPES.csv,
      };
    case 'pdf':
      return { bytes: await policyReportPdf(report, lang, now), fileName, contentType: CONTENT_TYPES.pdf };
  }
}
