import { useCallback } from 'react';
import i18next, { type BackendModule, type ResourceStore } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Catalogue } from '@shared/i18n/index';
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type Language } from '@shared/i18n/languages';

/** Every dotted path to a string of the catalogue, e.g. `'nav.home'` or `'programmes.type.sectoral'`. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<Catalogue>;

export type MessageValues = Record<string, string | number>;

/** The cookie that remembers the language; the server reads it too (localised error messages). */
export const LANG_COOKIE = 'lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The `lang` cookie's value when it names a supported language. */
export function readLanguageCookie(cookie: string = document.cookie): Language | undefined {
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LANG_COOKIE) {
      const value = decodeURIComponent(rest.join('='));
      return isLanguage(value) ? value : undefined;
    }
  }
  return undefined;
}

function writeLanguageCookie(lang: Language): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${LANG_COOKIE}=${lang}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
}

function applyLanguageToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.title = `${i18next.t('app.name')} · ${i18next.t('app.fullName')}`;
}

/** Fetches the message catalogue of one language (in a build: its JSON asset; see scripts/vite-i18n-catalogues.ts). */
export type CatalogueLoader = (lang: Language) => Promise<Catalogue>;

/** An i18next backend that asks `load` for a language's catalogue: only the languages in use are downloaded. */
function catalogueBackend(load: CatalogueLoader): BackendModule {
  return {
    type: 'backend',
    init: () => undefined,
    read(language, _namespace, callback) {
      if (!isLanguage(language)) {
        callback(null, {});
        return;
      }
      load(language).then(
        (catalogue) => callback(null, catalogue as unknown as Record<string, unknown>),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
      );
    },
  };
}

/**
 * Starts i18next in the cookie's language, else Thai, once that language's catalogue is loaded; switching language
 * later loads the other catalogue first (`useI18n().setLanguage`).
 */
export async function initI18n(load: CatalogueLoader): Promise<typeof i18next> {
  const initial = readLanguageCookie() ?? DEFAULT_LANGUAGE;
  await i18next
    .use(catalogueBackend(load))
    .use(initReactI18next)
    .init({
      lng: initial,
      // Both catalogues have every key (checked by the types and src/shared/i18n/i18n.test.ts): no fallback language
      // to download as well.
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
      react: { useSuspense: false },
    });
  applyLanguageToDocument(initial);
  i18next.on('languageChanged', (lng) => {
    const lang = isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
    writeLanguageCookie(lang);
    applyLanguageToDocument(lang);
  });
  return i18next;
}

/**
 * The catalogue's string at a dotted `key` in `lang` (default: the current language), when there is one: for keys
 * that come as data (error codes, eligibility reasons, audit actions), which the types cannot check.
 */
export function catalogueString(key: string, lang?: Language): string | undefined {
  // i18next makes its store (and getResource) in init(); before that nothing is loaded.
  if ((i18next.store as ResourceStore | undefined) === undefined) {
    return undefined;
  }
  const value: unknown = i18next.getResource(lang ?? i18next.language, 'translation', key);
  return typeof value === 'string' ? value : undefined;
}

/** Whether a string is a key of a message of the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return catalogueString(key) !== undefined;
}

export interface I18n {
  /** Translates a catalogue key; `{{name}}` placeholders take `values`. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /** The current language. */
  lang: Language;
  /** Switches the language (persisted in the `lang` cookie). */
  setLanguage: (lang: Language) => void;
}

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

/**
 * A catalogue string with its `{{name}}` placeholders filled as i18next fills them (one without a value stays as it
 * is). The catalogue has no plurals, contexts, formats or nesting, so a lookup and this give what i18next's t() gives,
 * many times faster: a list page translates hundreds of strings at each render.
 */
export function fillPlaceholders(template: string, values: MessageValues | undefined): string {
  if (!template.includes('{{')) {
    return template;
  }
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const key = name.trim();
    return values && Object.hasOwn(values, key) ? String(values[key]) : match;
  });
}

/** The web's typed translation hook: keys are checked against the Thai catalogue. */
export function useI18n(): I18n {
  const { t, i18n } = useTranslation();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const translate = useCallback(
    (key: MessageKey, values?: MessageValues): string => {
      const template = catalogueString(key, lang);
      return template === undefined ? String(t(key, values ?? {})) : fillPlaceholders(template, values);
    },
    [t, lang],
  );
  const setLanguage = useCallback(
    (next: Language) => {
      void i18n.changeLanguage(next);
    },
    [i18n],
  );
  return { t: translate, lang, setLanguage };
}

/** The error message for an API error code, when the catalogue has one. */
export function errorMessageKey(code: string): MessageKey | undefined {
  const key = `errors.${code}`;
  return !code.includes('.') && isMessageKey(key) ? key : undefined;
}
