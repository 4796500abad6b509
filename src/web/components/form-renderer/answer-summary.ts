import type { Question } from '@shared/contracts/forms';
import { isEmptyAnswer } from '@shared/forms/validate';
import type { Language } from '@shared/i18n/index';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES } from '@shared/reference/themes';
import { formatBaht, formatDate, formatNumber, localName } from '@web/lib/format';
import type { Translate } from '@web/lib/forms';
import { localized } from './frames';

const MAX_TEXT = 160;

function clip(text: string): string {
  const chars = [...text];
  return chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT).join('')}…` : text;
}

/**
 * A one-line text of an answer, for comparing two versions side by side: text clipped, money in baht, dates in
 * the Buddhist Era, choices by label, tables and files by count. Empty answers give ''.
 */
export function answerSummary(q: Question, value: unknown, t: Translate, lang: Language): string {
  if (isEmptyAnswer(value)) {
    return '';
  }
  const list = Array.isArray(value) ? value : [];
  switch (q.type) {
    case 'short_text':
    case 'long_text':
      return typeof value === 'string' ? clip(value) : '';
    case 'number':
      return typeof value === 'number' ? formatNumber(value, lang, { maximumFractionDigits: 6 }) : '';
    case 'money':
      return typeof value === 'number' ? formatBaht(value, lang) : '';
    case 'date':
      return typeof value === 'string' ? formatDate(value, lang, 'long') : '';
    case 'single_choice': {
      const option = q.options.find((o) => o.value === value);
      return option ? localized(option.labelTh, option.labelEn, lang) : String(value);
    }
    case 'multiple_choice':
      return q.options
        .filter((o) => list.includes(o.value))
        .map((o) => localized(o.labelTh, o.labelEn, lang))
        .join(', ');
    case 'yes_no':
      return value === true ? t('proposals.form.yes') : t('proposals.form.no');
    case 'themes':
      return THEMES.filter((th) => list.includes(th.code))
        .map((th) => localName(th, lang))
        .join(', ');
    case 'sdgs':
      return SDGS.filter((s) => list.includes(s.number))
        .map((s) => t('proposals.form.sdg', { number: s.number }))
        .join(', ');
    case 'file':
      return t('proposals.form.summary.files', { count: list.length });
    case 'area':
      return t('proposals.form.summary.areas', { count: list.length });
    case 'team_table':
    case 'milestones_table':
      return t('proposals.form.summary.rows', { count: list.length });
    case 'budget_table': {
      const total = list.reduce<number>((sum, row) => {
        const amount = (row as { amountSatang?: unknown } | null)?.amountSatang;
        return sum + (typeof amount === 'number' ? amount : 0);
      }, 0);
      return `${t('proposals.form.summary.rows', { count: list.length })} · ${formatBaht(total, lang)}`;
    }
    case 'logic_model': {
      const parts = Object.values(value as Record<string, unknown>).filter(
        (v): v is string => typeof v === 'string' && v.trim() !== '',
      );
      return clip(parts.join(' / '));
    }
    case 'srl': {
      const srl = value as { current?: number | null; target?: number | null };
      return t('proposals.form.srl.summary', { current: srl.current ?? '—', target: srl.target ?? '—' });
    }
    default: {
      const exhaustive: never = q;
      return exhaustive;
    }
  }
}
