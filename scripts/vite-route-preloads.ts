// Vite plugin: for the public pages that visitors land on from outside (search engines, shared links), the chunks of
// the page's route. The build writes them to .vite/route-preloads.json:
//
//   { "entry": { "js": ["/assets/index-….js", …], "css": […] },
//     "routes": { "/innovations": { "js": ["/assets/catalogue-page-….js", …], "css": ["/assets/catalogue-page-….css"] } } }
//
// and the server lists a route's files as <link rel="modulepreload"> / <link rel="stylesheet"> in the HTML of a page
// on that route (src/server/plugins/web.ts), so that they download with the entry instead of after it has run.
// `npm run build` reports the same pages' weight (scripts/web-size-report.mjs).
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';

export const ROUTE_PRELOADS_FILE = '.vite/route-preloads.json';

export interface RouteFiles {
  js: string[];
  css: string[];
}

export interface RoutePreloads {
  entry: RouteFiles;
  routes: Record<string, RouteFiles>;
}

/** A chunk's file and its static imports' (recursively), with the CSS they import, as URLs under `base`. */
function closure(bundle: Rollup.OutputBundle, start: string, base: string): RouteFiles {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || js.has(`${base}${fileName}`)) {
      return;
    }
    js.add(`${base}${fileName}`);
    for (const file of chunk.viteMetadata?.importedCss ?? []) {
      css.add(`${base}${file}`);
    }
    chunk.imports.forEach(visit);
  };
  visit(start);
  return { js: [...js], css: [...css] };
}

/**
 * `pages`: route path (`/innovations/:id`) → the page module that route renders, relative to the Vite root
 * (`features/innovations/pages/innovation-page.tsx`); the router must load it with a dynamic import.
 */
export function routePreloads(pages: Record<string, string>): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'si-route-preloads',
    apply: 'build',
    // After Vite's own generateBundle, which drops the chunks that only held CSS.
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) {
        return;
      }
      const entryFiles = closure(bundle, entry.fileName, base);
      const routes: Record<string, RouteFiles> = {};
      for (const [route, page] of Object.entries(pages)) {
        const moduleId = path.resolve(root, page);
        const chunk = chunks.find((c) => c.isDynamicEntry && c.facadeModuleId === moduleId);
        if (!chunk) {
          this.warn(`route ${route}: ${page} is not a lazily loaded page of the build; nothing to preload`);
          continue;
        }
        const files = closure(bundle, chunk.fileName, base);
        routes[route] = {
          js: files.js.filter((file) => !entryFiles.js.includes(file)),
          css: files.css.filter((file) => !entryFiles.css.includes(file)),
        };
      }
      const preloads: RoutePreloads = { entry: entryFiles, routes };
      this.emitFile({
        type: 'asset',
        fileName: ROUTE_PRELOADS_FILE,
        source: JSON.stringify(preloads, null, 1),
      });
    },
  };
}
