import type { CohortSummary } from '@shared/contracts/cohorts';
import { roundTo } from '@shared/cohorts/change';
import { fieldIssues, type ApiError } from '@web/lib/api';
import { apiErrorText, type Translate } from '@web/lib/forms';
import { formatDate, formatNumber } from '@web/lib/format';
import type { Language } from '@shared/i18n/index';

/** The cohort's name in the language, the Thai when there is no English. */
export function cohortName(c: { nameTh: string; nameEn: string }, lang: Language): string {
  return lang === 'en' && c.nameEn ? c.nameEn : c.nameTh;
}

/** Text in the language, the Thai when there is no English. */
export function inLang(lang: Language, th: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : th;
}

/** The cohort's period in Buddhist-era dates. */
export function periodText(
  c: Pick<CohortSummary, 'startsOn' | 'endsOn'>,
  lang: Language,
  t: Translate,
): string {
  if (c.startsOn && c.endsOn) {
    return t('cohorts.period.range', {
      start: formatDate(c.startsOn, lang),
      end: formatDate(c.endsOn, lang),
    });
  }
  if (c.startsOn) {
    return t('cohorts.period.from', { start: formatDate(c.startsOn, lang) });
  }
  return t('cohorts.period.none');
}

/** A mean or a change to two decimals; a change carries its sign. */
export function scoreText(value: number | null, lang: Language, signed = false): string {
  if (value === null) {
    return '–';
  }
  const rounded = roundTo(value, 2);
  const text = formatNumber(Math.abs(rounded), lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (!signed || rounded === 0) {
    return rounded < 0 ? `−${text}` : text;
  }
  return rounded > 0 ? `+${text}` : `−${text}`;
}

/** A share (0–1) as a whole percentage. */
export function shareText(value: number | null, lang: Language): string {
  return value === null ? '–' : formatNumber(value, lang, { style: 'percent', maximumFractionDigits: 0 });
}

/** A failed request spread over a form: messages by field path (without `body.`), and the rest. */
export function spreadErrors(
  error: ApiError,
  t: Translate,
): { fields: Record<string, string>; rest: string[] } {
  const fields: Record<string, string> = {};
  const issues = fieldIssues(error);
  for (const issue of issues) {
    const name = issue.field.replace(/^(body|query|params)\./, '');
    fields[name] ??= issue.message;
  }
  return { fields, rest: issues.length === 0 ? [apiErrorText(error, t)] : [] };
}
