import ExcelJS from 'exceljs';
import type { AssessmentResults } from '@shared/contracts/cohorts';
import { roundTo } from '@shared/cohorts/change';
import type { Language } from '@shared/i18n/index';
import { translate } from '@server/lib/i18n';

/**
 * The results of a cohort's capacity assessment as a table: one row per member (pre mean, post mean, change, then
 * pre/post/change of each item), in Thai or English; as XLSX (with a summary sheet) or CSV (UTF-8 with a BOM).
 */

type Cell = string | number | null;

const t = (lang: Language, key: string, params?: Record<string, unknown>) =>
  translate(lang, `cohorts.export.${key}`, params);
const num = (value: number | null) => (value === null ? null : roundTo(value, 2));
const localised = (lang: Language, th: string | null, en: string | null) =>
  lang === 'en' && en ? en : (th ?? '');

/** The header and the rows of the per-member table. */
export function resultRows(results: AssessmentResults, lang: Language): { header: string[]; rows: Cell[][] } {
  const items = results.questionnaire?.items ?? [];
  const header = [
    t(lang, 'name'),
    t(lang, 'organisation'),
    t(lang, 'preMean'),
    t(lang, 'postMean'),
    t(lang, 'change'),
    ...items.flatMap((_, i) => [
      t(lang, 'itemPre', { n: i + 1 }),
      t(lang, 'itemPost', { n: i + 1 }),
      t(lang, 'itemChange', { n: i + 1 }),
    ]),
  ];
  const rows = results.participants.map((p): Cell[] => [
    p.name,
    localised(lang, p.organisationNameTh, p.organisationNameEn),
    num(p.preMean),
    num(p.postMean),
    num(p.change),
    ...p.items.flatMap((i) => [i.pre, i.post, i.change]),
  ]);
  return { header, rows };
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

/** The per-member table as CSV: UTF-8 with a byte-order mark and CRLF line ends (Excel opens Thai text right). */
export function resultsCsv(results: AssessmentResults, lang: Language): string {
  const { header, rows } = resultRows(results, lang);
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The sheets of the results workbook, in order. */
export const RESULTS_SHEETS = ['summary', 'members'] as const;
export type ResultsSheet = (typeof RESULTS_SHEETS)[number];

/**
 * The results as an XLSX workbook: a summary sheet (the cohort and each item) and the per-member sheet. `onSheet` is
 * told before each sheet is written.
 */
export async function resultsXlsx(
  results: AssessmentResults,
  lang: Language,
  onSheet: (sheet: ResultsSheet) => Promise<void> = async () => {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SI Platform';
  await onSheet('summary');
  const summary = workbook.addWorksheet(t(lang, 'summarySheet'));
  summary.columns = [
    { key: 'a', width: 60 },
    { key: 'b', width: 14 },
    { key: 'c', width: 14 },
    { key: 'd', width: 14 },
  ];
  const c = results.cohort;
  const title = summary.addRow([localised(lang, results.cohortNameTh, results.cohortNameEn)]);
  title.font = { bold: true, size: 14 };
  if (results.questionnaire) {
    summary.addRow([
      localised(lang, results.questionnaire.titleTh, results.questionnaire.titleEn),
      t(lang, 'scale', { points: results.questionnaire.scalePoints }),
    ]);
  }
  summary.addRow([]);
  const facts: Array<[string, Cell]> = [
    [t(lang, 'fiscalYear'), results.fiscalYear],
    [t(lang, 'members'), results.memberCount],
    [t(lang, 'preCount'), c.preCount],
    [t(lang, 'postCount'), c.postCount],
    [t(lang, 'pairedCount'), c.pairedCount],
    [t(lang, 'preMean'), num(c.preMean)],
    [t(lang, 'postMean'), num(c.postMean)],
    [t(lang, 'meanChange'), num(c.meanChange)],
    [t(lang, 'improvedShare'), c.improvedShare === null ? null : roundTo(c.improvedShare * 100, 1)],
  ];
  for (const fact of facts) {
    summary.addRow(fact);
  }
  summary.addRow([]);
  const itemHeader = summary.addRow([
    t(lang, 'item'),
    t(lang, 'preMean'),
    t(lang, 'postMean'),
    t(lang, 'change'),
  ]);
  itemHeader.font = { bold: true };
  const items = results.questionnaire?.items ?? [];
  c.items.forEach((item, i) => {
    const text = items[i] ? localised(lang, items[i].textTh, items[i].textEn) : item.itemId;
    summary.addRow([`${i + 1}. ${text}`, num(item.pre), num(item.post), num(item.change)]);
  });

  await onSheet('members');
  const sheet = workbook.addWorksheet(t(lang, 'membersSheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  const { header, rows } = resultRows(results, lang);
  sheet.columns = header.map((_, i) => ({ key: String(i), width: i === 0 ? 28 : i === 1 ? 36 : 12 }));
  const head = sheet.addRow(header);
  head.font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
