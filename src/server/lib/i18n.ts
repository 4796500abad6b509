import i18next, { type TFunction } from 'i18next';
import { z } from 'zod';
import { I18N_RESOURCES, LANGUAGES, DEFAULT_LANGUAGE, type Language } from '@shared/i18n/index';

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
