import {
  OPEN_DATA_API_VERSION,
  OPEN_DATA_LICENCE,
  type OpenBulkMeta,
  type OpenDatasetDefinition,
} from '@shared/contracts/open-data';

// Pure helpers of the open datasets: the personal-text guard, the whitelist projection and the CSV and JSON files.

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Thai phone numbers: 0X-XXX-XXXX, 0XX-XXX-XXXX, 0XXXXXXXXX, +66 X XXXX XXXX, with spaces, dots or dashes. */
const PHONE = /(?<![\p{N}])(?:\+66[\s.-]?|0)\p{N}{1,2}[\s.-]?\p{N}{3}[\s.-]?\p{N}{3,4}(?![\p{N}])/gu;
/** A 13-digit Thai national id (or juristic id), bare or as 1-2345-67890-12-3. */
const NATIONAL_ID = /(?<![\p{N}])\p{N}[\s-]?\p{N}{4}[\s-]?\p{N}{5}[\s-]?\p{N}{2}[\s-]?\p{N}(?![\p{N}])/gu;

/**
 * Masks what looks like personal contact data in free text that staff or applicants typed (descriptions, summaries):
 * email addresses, Thai phone numbers and 13-digit ids become "[…]". Codes and names are never passed through it.
 */
export function redactPersonalText(text: string): string {
  return text.replace(EMAIL, '[…]').replace(NATIONAL_ID, '[…]').replace(PHONE, '[…]');
}

/** Same, keeping null. */
export function redactNullable(text: string | null): string | null {
  return text === null ? null : redactPersonalText(text);
}

/** A record cut down to its dataset's dictionary, in dictionary order: the last whitelist before a record leaves. */
export function projectRecord(def: OpenDatasetDefinition, record: object): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(def.fields.map((f) => [f.name, source[f.name] ?? null]));
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text: string;
  if (Array.isArray(value)) {
    text = value.map(String).join(';');
  } else if (typeof value === 'string') {
    // A cell that a spreadsheet would run as a formula is written as text.
    text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  } else if (typeof value === 'number' || typeof value === 'boolean') {
    text = String(value);
  } else {
    text = JSON.stringify(value);
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The two comment lines that head every CSV file: licence and attribution, Thai then English. */
export function csvLicenceLines(def: OpenDatasetDefinition, generatedAt: Date): string[] {
  return [
    `# ${OPEN_DATA_LICENCE.attributionTh} ${OPEN_DATA_LICENCE.url}`,
    `# ${OPEN_DATA_LICENCE.attributionEn} ${OPEN_DATA_LICENCE.url} — dataset ${def.name} ${OPEN_DATA_API_VERSION}/${def.version} generated ${generatedAt.toISOString()}`,
  ];
}

/**
 * A dataset as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read Thai): two `#` licence lines,
 * the header row of field names, then one row per record; lists are `;`-separated, null is an empty cell.
 */
export function toCsv(def: OpenDatasetDefinition, records: readonly object[], generatedAt: Date): string {
  const lines = [
    ...csvLicenceLines(def, generatedAt),
    def.fields.map((f) => f.name).join(','),
    ...records.map((record) => {
      const row = projectRecord(def, record);
      return def.fields.map((f) => csvCell(row[f.name])).join(',');
    }),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The `meta` of a JSON bulk download. */
export function bulkMeta(def: OpenDatasetDefinition, recordCount: number, generatedAt: Date): OpenBulkMeta {
  return {
    dataset: def.name,
    apiVersion: OPEN_DATA_API_VERSION,
    version: def.version,
    titleTh: def.titleTh,
    titleEn: def.titleEn,
    licence: { ...OPEN_DATA_LICENCE },
    generatedAt: generatedAt.toISOString(),
    recordCount,
    fields: def.fields.map((f) => ({ ...f })),
  };
}

/** A dataset as one JSON document: `{ meta, data }`. */
export function toBulkJson(def: OpenDatasetDefinition, records: readonly object[], generatedAt: Date) {
  return {
    meta: bulkMeta(def, records.length, generatedAt),
    data: records.map((record) => projectRecord(def, record)),
  };
}
