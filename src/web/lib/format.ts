import type { Language } from '@shared/i18n/languages';
import { catalogueString } from './i18n';

/** Thailand's time zone: every date the platform shows is a Bangkok date. */
export const TIME_ZONE = 'Asia/Bangkok';

/** Years between the Common Era and the Buddhist Era (พ.ศ. = ค.ศ. + 543). */
export const BUDDHIST_ERA_OFFSET = 543;

const NUMBER_LOCALE: Record<Language, string> = { th: 'th-TH-u-nu-latn', en: 'en-GB' };
const DATE_LOCALE: Record<Language, string> = { th: 'th-TH-u-ca-buddhist-nu-latn', en: 'en-GB' };

export type DateStyle = 'short' | 'medium' | 'long' | 'dateTime' | 'dateTimeSeconds';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'numeric', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  dateTime: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  },
  dateTimeSeconds: {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  },
};

// Setting up an Intl formatter costs far more than formatting with it (about a millisecond on a phone), and a list
// page formats hundreds of values: one formatter serves every call with the same language and options.
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

function dateFormat(lang: Language, style: DateStyle): Intl.DateTimeFormat {
  const key = `${lang}:${style}`;
  let format = DATE_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(DATE_LOCALE[lang], { ...DATE_OPTIONS[style], timeZone: TIME_ZONE });
    DATE_FORMATS.set(key, format);
  }
  return format;
}

function numberFormat(lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}:${JSON.stringify(options)}`;
  let format = NUMBER_FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits: 2, ...options });
    NUMBER_FORMATS.set(key, format);
  }
  return format;
}

/** A year as the language shows it: Buddhist Era for Thai (2023 → "2566"), Common Era for English. */
export function formatYear(yearCe: number, lang: Language): string {
  return String(lang === 'th' ? yearCe + BUDDHIST_ERA_OFFSET : yearCe);
}

/** The Buddhist-Era year of a Common-Era year. */
export function toBuddhistYear(yearCe: number): number {
  return yearCe + BUDDHIST_ERA_OFFSET;
}

/**
 * A date (or ISO timestamp) as a Bangkok calendar date: Buddhist calendar in Thai ("2 ต.ค. 2568"),
 * Gregorian in English ("2 Oct 2025").
 */
export function formatDate(
  value: Date | string | number,
  lang: Language,
  style: DateStyle = 'medium',
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return dateFormat(lang, style).format(date);
}

/** A number with the language's grouping ("1,234.5"), at most `maximumFractionDigits` decimals (2 by default). */
export function formatNumber(value: number, lang: Language, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(lang, options).format(value);
}

/**
 * An amount held as integer satang (1 baht = 100 satang) in baht: "1,500,000 บาท" in Thai, "฿1,500,000" in English.
 * Whole-baht amounts show no decimals; any satang show two.
 */
export function formatBaht(satang: number, lang: Language): string {
  const whole = Number.isInteger(satang) ? satang : Math.round(satang);
  const fractionDigits = whole % 100 === 0 ? 0 : 2;
  const amount = formatNumber(Math.abs(whole) / 100, lang, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  });
  // Only the languages in use are loaded: another language's amount takes the current language's wording.
  const template = catalogueString('common.baht', lang) ?? catalogueString('common.baht') ?? '{{amount}}';
  const text = interpolate(template, { amount });
  return whole < 0 ? `-${text}` : text;
}

/** Replaces `{{name}}` placeholders, as i18next does, for helpers that run outside React. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}

const COLLATORS = new Map<Language, Intl.Collator>();

/**
 * Compares two texts in the language's alphabetical order. One collator serves every call: String#localeCompare with
 * a locale sets one up each time, which makes sorting a list of provinces take tens of milliseconds on a phone.
 */
export function compareText(a: string, b: string, lang: Language): number {
  let collator = COLLATORS.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang);
    COLLATORS.set(lang, collator);
  }
  return collator.compare(a, b);
}

/** Anything with a Thai and an English name. */
export interface Named {
  nameTh: string;
  nameEn: string;
}

/** The name in the language, falling back to the other language when it is empty. */
export function localName(obj: Named, lang: Language): string {
  return lang === 'th' ? obj.nameTh || obj.nameEn : obj.nameEn || obj.nameTh;
}

/** The other language's name (shown beside the main one). */
export function otherName(obj: Named, lang: Language): string {
  return lang === 'th' ? obj.nameEn : obj.nameTh;
}

/** `localText(programme, 'summary', lang)` picks `summaryTh` or `summaryEn`. */
export function localText<K extends string>(
  obj: Record<`${K}Th` | `${K}En`, string>,
  field: K,
  lang: Language,
): string {
  const th = obj[`${field}Th`];
  const en = obj[`${field}En`];
  return lang === 'th' ? th || en : en || th;
}

export interface SourceLink {
  url: string;
  label: string;
}

/**
 * The http(s) links in a free-text source field such as "https://a.example/x ; value: https://b.example/y",
 * each labelled with its host name. Other schemes are dropped (never rendered as links).
 */
export function sourceLinks(source: string | null | undefined): SourceLink[] {
  if (!source) {
    return [];
  }
  const links: SourceLink[] = [];
  for (const match of source.matchAll(/https?:\/\/[^\s;,<>"']+/gi)) {
    const raw = match[0].replace(/[.)\]]+$/, '');
    try {
      const url = new URL(raw);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !links.some((l) => l.url === url.href)) {
        links.push({ url: url.href, label: url.hostname.replace(/^www\./, '') });
      }
    } catch {
      // not a URL after all: skip it
    }
  }
  return links;
}
