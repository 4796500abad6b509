/** The message catalogue of one language, served by scripts/vite-i18n-catalogues.ts (a JSON asset in a build). */
declare module 'virtual:i18n-catalogues' {
  import type { Catalogue, Language } from '@shared/i18n/index';

  export function loadCatalogue(lang: Language): Promise<Catalogue>;
}
