import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { i18nCatalogues } from './scripts/vite-i18n-catalogues.ts';
import { precompress } from './scripts/vite-precompress.ts';
import { routePreloads } from './scripts/vite-route-preloads.ts';

const apiPort = process.env.VITE_API_PORT ?? '3000';

/**
 * Public pages that people land on from outside (search engines, shared links): the server has their route's chunks
 * downloaded with the HTML (scripts/vite-route-preloads.ts), and the build reports their weight. The home page is in
 * the entry chunk. Path → page module under src/web, as src/web/router.tsx loads it.
 */
const PUBLIC_PAGES: Record<string, string> = {
  '/programmes': 'features/programmes/pages/programmes-page.tsx',
  '/programmes/:slug': 'features/programmes/pages/programme-page.tsx',
  '/provinces': 'features/provinces/pages/provinces-page.tsx',
  '/provinces/:code': 'features/provinces/pages/province-page.tsx',
  '/map': 'features/map/pages/map-page.tsx',
  '/calls': 'features/calls/pages/calls-page.tsx',
  '/calls/:id': 'features/calls/pages/call-page.tsx',
  '/calls/:id/results': 'features/decisions/pages/results-page.tsx',
  '/contests': 'features/contests/pages/contests-page.tsx',
  '/contests/:id': 'features/contests/pages/contest-page.tsx',
  '/units': 'features/units/pages/units-page.tsx',
  '/units/:id': 'features/units/pages/unit-page.tsx',
  '/events': 'features/activities/pages/events-page.tsx',
  '/events/:id': 'features/activities/pages/event-page.tsx',
  '/network': 'features/network/pages/network-page.tsx',
  '/network/partners/:id': 'features/network/pages/partner-page.tsx',
  '/knowledge': 'features/knowledge/pages/library-page.tsx',
  '/knowledge/:id': 'features/knowledge/pages/resource-page.tsx',
  '/innovations': 'features/innovations/pages/catalogue-page.tsx',
  '/innovations/:id': 'features/innovations/pages/innovation-page.tsx',
  '/needs': 'features/needs/pages/needs-page.tsx',
  '/needs/new': 'features/needs/pages/need-new-page.tsx',
  '/needs/:id': 'features/needs/pages/need-page.tsx',
  '/diffusion': 'features/diffusion/pages/diffusion-page.tsx',
  '/coverage': 'features/coverage/pages/coverage-page.tsx',
  '/coverage/:code': 'features/coverage/pages/coverage-province-page.tsx',
  '/impact': 'features/dashboards/pages/impact-dashboard-page.tsx',
  '/open-data': 'features/open-data/pages/open-data-page.tsx',
};

/**
 * The web SPA: sources in src/web, built into dist/web, which the Fastify server serves in production.
 * In development `vite` proxies /api to the server (port 3000, or VITE_API_PORT).
 * The message catalogue reaches the browser one language at a time, as JSON (scripts/vite-i18n-catalogues.ts);
 * every text asset gets a .br and a .gz copy (scripts/vite-precompress.ts); `.vite/route-preloads.json` lists the
 * public pages' route chunks for the server and for the size report that `npm run build` prints
 * (scripts/web-size-report.mjs).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  publicDir: fileURLToPath(new URL('./src/web/public', import.meta.url)),
  plugins: [
    react(),
    i18nCatalogues(fileURLToPath(new URL('./src/shared/i18n', import.meta.url))),
    routePreloads(PUBLIC_PAGES),
    precompress(),
  ],
  resolve: {
    alias: {
      '@web': fileURLToPath(new URL('./src/web', import.meta.url)),
      '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Fonts are tiny woff2 subsets; keep them as files (the CSP allows font-src 'self' data:, but files cache better).
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Fewer files where most pages need the same code: on a slow mobile network each file costs a round trip.
        // `app`: everything the entry imports statically (React, the router, i18next, the layout, the home page) in
        // one chunk, rather than split by which pages share each part; `zod`: the validation library whole, rather
        // than in pieces; `reference`: the reference data (provinces, themes, SDGs …); `ui`: the small components
        // of nearly every page. None of these groups pulls anything heavy along.
        codeSplitting: {
          groups: [
            { name: 'app', tags: ['$initial'], priority: 4 },
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/, priority: 3 },
            { name: 'reference', test: /[\\/]src[\\/]shared[\\/]reference[\\/]/, priority: 2 },
            {
              name: 'ui',
              test: /[\\/]src[\\/]web[\\/]components[\\/]ui[\\/](page-header|pager|badge|external-link)\.tsx$/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: `http://localhost:${apiPort}`, changeOrigin: false },
    },
  },
});
