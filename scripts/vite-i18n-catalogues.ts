// Vite plugin: the web loads only its visitor's language. The catalogues (src/shared/i18n/th.ts and en.ts, assembled
// from parts/*.ts that each hold both languages of a feature) stay one TypeScript source for the server and the type
// of every message key; the web build turns each language into its own hashed JSON asset instead of bundling both
// into the JavaScript.
//
//   import { loadCatalogue } from 'virtual:i18n-catalogues';
//
// In a build, loadCatalogue(lang) fetches assets/i18n-<lang>-<hash>.json, and index.html preloads the Thai one (the
// server swaps in the English one for a visitor whose `lang` cookie says so). In development it imports the
// TypeScript module, so an edited part shows after a reload.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { runnerImport, type Plugin } from 'vite';
import type { Catalogue, Language } from '../src/shared/i18n/index';

const VIRTUAL_ID = 'virtual:i18n-catalogues';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

interface CataloguesModule {
  CATALOGUES: Record<Language, Catalogue>;
  LANGUAGES: readonly Language[];
  DEFAULT_LANGUAGE: Language;
}

/** The name a language's catalogue gets in the build: `i18n-th-<10 hex digits of its content's hash>.json`. */
export function catalogueFileName(assetsDir: string, lang: string, json: string): string {
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 10);
  return path.posix.join(assetsDir, `i18n-${lang}-${hash}.json`);
}

/** `i18nDir`: the folder of th.ts, en.ts and index.ts (exporting CATALOGUES, LANGUAGES and DEFAULT_LANGUAGE). */
export function i18nCatalogues(i18nDir: string): Plugin {
  let isBuild = false;
  let base = '/';
  let assetsDir = 'assets';
  let urls: Record<string, string> = {};
  let preloadLanguage = 'th';

  return {
    name: 'si-i18n-catalogues',
    configResolved(config) {
      isBuild = config.command === 'build';
      base = config.base;
      assetsDir = config.build.assetsDir;
    },
    async buildStart() {
      if (!isBuild) {
        return;
      }
      const { module, dependencies } = await runnerImport<CataloguesModule>(path.join(i18nDir, 'index.ts'), {
        configFile: false,
        logLevel: 'error',
      });
      for (const file of dependencies) {
        this.addWatchFile(file);
      }
      urls = {};
      preloadLanguage = module.DEFAULT_LANGUAGE;
      for (const lang of module.LANGUAGES) {
        const json = JSON.stringify(module.CATALOGUES[lang]);
        const fileName = catalogueFileName(assetsDir, lang, json);
        this.emitFile({ type: 'asset', fileName, source: json });
        urls[lang] = `${base}${fileName}`;
      }
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) {
        return null;
      }
      if (!isBuild) {
        const th = JSON.stringify(path.join(i18nDir, 'th.ts'));
        const en = JSON.stringify(path.join(i18nDir, 'en.ts'));
        return [
          'export function loadCatalogue(lang) {',
          `  return lang === 'en' ? import(${en}).then((m) => m.en) : import(${th}).then((m) => m.th);`,
          '}',
        ].join('\n');
      }
      // The same request as index.html's preload (credentials same-origin, mode cors), so that it is reused.
      return [
        `const URLS = ${JSON.stringify(urls)};`,
        'export async function loadCatalogue(lang) {',
        '  const url = URLS[lang];',
        "  if (!url) throw new Error('No catalogue for language ' + lang);",
        "  const response = await fetch(url, { credentials: 'same-origin' });",
        "  if (!response.ok) throw new Error('Catalogue ' + url + ': HTTP ' + response.status);",
        '  return response.json();',
        '}',
      ].join('\n');
    },
    transformIndexHtml() {
      const href = urls[preloadLanguage];
      if (!isBuild || !href) {
        return [];
      }
      return [
        {
          tag: 'link',
          attrs: { rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href },
          injectTo: 'head',
        },
      ];
    },
  };
}
