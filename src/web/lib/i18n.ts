import { useCallback } from 'react';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import {
  DEFAULT_LANGUAGE,
  I18N_RESOURCES,
  LANGUAGES,
  isLanguage,
  type Catalogue,
  type Language,
} from '@shared/i18n/index';

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
  const app = I18N_RESOURCES[lang].translation.app;
  document.title = `${app.name} · ${app.fullName}`;
}

/** Starts i18next (synchronously: the catalogues are bundled) in the cookie's language, else Thai. */
export function initI18n(): typeof i18next {
  const initial = readLanguageCookie() ?? DEFAULT_LANGUAGE;
  void i18next.use(initReactI18next).init({
    resources: I18N_RESOURCES,
    lng: initial,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
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

export interface I18n {
  /** Translates a catalogue key; `{{name}}` placeholders take `values`. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /** The current language. */
  lang: Language;
  /** Switches the language (persisted in the `lang` cookie). */
  setLanguage: (lang: Language) => void;
}

/** The web's typed translation hook: keys are checked against the Thai catalogue. */
export function useI18n(): I18n {
  const { t, i18n } = useTranslation();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  const translate = useCallback(
    (key: MessageKey, values?: MessageValues): string => String(t(key, values ?? {})),
    [t],
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
  const errors: Record<string, unknown> = I18N_RESOURCES.th.translation.errors;
  return typeof errors[code] === 'string' ? (`errors.${code}` as MessageKey) : undefined;
}
