import { en } from './en';
import { th } from './th';
import type { Language } from './languages';

export * from './languages';
export type { Catalogue } from './th';

export const CATALOGUES = { th, en } as const;

/** i18next resources: one namespace, `translation`, per language. */
export const I18N_RESOURCES: Record<Language, { translation: typeof en }> = {
  th: { translation: th },
  en: { translation: en },
};
