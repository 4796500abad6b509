import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import { I18N_RESOURCES, LANGUAGES, DEFAULT_LANGUAGE, type Language } from '@shared/i18n/index';
import type { AppError } from './errors';

const instance = i18next.createInstance();
void instance.init({
  resources: I18N_RESOURCES,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

const fixedT: Record<Language, TFunction> = {
  th: instance.getFixedT('th'),
  en: instance.getFixedT('en'),
};

/** Translates a catalogue key (or returns literal text unchanged) in the given language. */
export function translate(lang: Language, key: string, params?: Record<string, unknown>): string {
  return fixedT[lang](key, { ...params, defaultValue: key });
}

const zodLocales = { th: z.locales.th().localeError, en: z.locales.en().localeError };

/** A Zod issue rendered in the given language by Zod's own locale messages. */
export function translateZodIssue(lang: Language, issue: Record<string, unknown>): string {
  const localeError = zodLocales[lang] as unknown as (
    issue: Record<string, unknown>,
  ) => string | { message: string };
  const result = localeError(issue);
  return typeof result === 'string' ? result : result.message;
}

/**
 * Why an item of a bulk action was refused, in `lang`: the first field problem's own message when there is one,
 * else the error's.
 */
export function refusalText(error: AppError, lang: Language): string {
  const details = error.details as { issues?: Array<{ message?: unknown; params?: unknown }> } | undefined;
  const issue = details?.issues?.[0];
  if (issue && typeof issue.message === 'string') {
    return translate(lang, issue.message, (issue.params ?? undefined) as Record<string, unknown> | undefined);
  }
  return translate(lang, error.message, error.params);
}
