import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '@server/lib/errors';
import { rateLimit } from '@server/lib/http';
import { PAGE_DATA_ELEMENT_ID, pageDataKey } from '@shared/contracts/page-data';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@shared/i18n/languages';

/** What a public page's HTML says about itself for link previews (search engines, LINE, Facebook). */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute address of the preview image, when there is one. */
  imageUrl: string | null;
  /** Absolute canonical address of the page. */
  url: string;
  /** Open Graph type: `website` for a list page, `article` (the default) for one record. */
  type?: 'website' | 'article';
  /** The language the title and description are in (default Thai, as index.html). */
  lang?: Language;
}

const OG_LOCALES: Record<Language, string> = { th: 'th_TH', en: 'en_US' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The SPA's index.html with a page's title, description and Open Graph tags in place of the generic ones; every
 * value HTML-escaped.
 */
export function withPageMeta(html: string, meta: PageMeta): string {
  const title = escapeHtml(meta.title);
  const description = escapeHtml(meta.description);
  const lang = meta.lang ?? 'th';
  const tags = [
    `<meta property="og:type" content="${meta.type ?? 'article'}" />`,
    `<meta property="og:site_name" content="SI Platform" />`,
    `<meta property="og:locale" content="${OG_LOCALES[lang]}" />`,
    `<meta property="og:title" content="${title}" />`,
    `<meta property="og:description" content="${description}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    ...(meta.imageUrl ? [`<meta property="og:image" content="${escapeHtml(meta.imageUrl)}" />`] : []),
    `<meta name="twitter:card" content="${meta.imageUrl ? 'summary_large_image' : 'summary'}" />`,
    `<link rel="canonical" href="${escapeHtml(meta.url)}" />`,
  ].join('\n    ');
  return html
    .replace(/<html lang="[a-z-]*"/, () => `<html lang="${lang}"`)
    .replace(/<title>[\s\S]*?<\/title>/, () => `<title>${title}</title>`)
    .replace(
      /<meta\s+name="description"[\s\S]*?\/?>/,
      () => `<meta name="description" content="${description}" />`,
    )
    .replace('</head>', () => `    ${tags}\n  </head>`);
}

/** The addresses of the build's message catalogues by language: `assets/i18n-<lang>-<hash>.json`, one a language. */
export function findCatalogues(distDir: string): Partial<Record<Language, string>> {
  const assets = path.join(distDir, 'assets');
  const urls: Partial<Record<Language, string>> = {};
  for (const name of existsSync(assets) ? readdirSync(assets) : []) {
    const lang = /^i18n-([a-z]+)-[0-9a-f]+\.json$/.exec(name)?.[1];
    if (isLanguage(lang)) {
      urls[lang] = `/assets/${name}`;
    }
  }
  return urls;
}

/**
 * index.html preloads the default language's catalogue (scripts/vite-i18n-catalogues.ts); the SPA starts in the
 * language of the `lang` cookie, so for another language the page preloads that language's catalogue instead.
 */
export function withCatalogue(
  html: string,
  catalogues: Partial<Record<Language, string>>,
  lang: Language,
): string {
  const from = catalogues[DEFAULT_LANGUAGE];
  const to = catalogues[lang];
  return from && to && from !== to ? html.replace(from, () => to) : html;
}

/** A route's chunks (scripts/vite-route-preloads.ts): JS modules and CSS files, as absolute paths. */
interface RouteFiles {
  js: string[];
  css: string[];
}

interface RoutePreload extends RouteFiles {
  pattern: RegExp;
  /** Static segments first: `/needs/new` wins over `/needs/:id`. */
  staticSegments: number;
}

const SAFE_ASSET = /^\/[\w./-]+$/;

/** The build's route preloads (`.vite/route-preloads.json`), ready to match request paths; none when it is absent. */
export function readRoutePreloads(distDir: string): RoutePreload[] {
  const file = path.join(distDir, '.vite', 'route-preloads.json');
  if (!existsSync(file)) {
    return [];
  }
  const { routes } = JSON.parse(readFileSync(file, 'utf8')) as { routes: Record<string, RouteFiles> };
  return Object.entries(routes)
    .map(([route, files]) => {
      const segments = route.split('/').filter(Boolean);
      const pattern = segments
        .map((segment) =>
          segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/');
      return {
        pattern: new RegExp(`^/${pattern}/?$`),
        staticSegments: segments.filter((segment) => !segment.startsWith(':')).length,
        js: files.js.filter((url) => SAFE_ASSET.test(url)),
        css: files.css.filter((url) => SAFE_ASSET.test(url)),
      };
    })
    .sort((a, b) => b.staticSegments - a.staticSegments);
}

/**
 * The HTML of a page on a public route with that route's chunks preloaded and its styles linked, so that they
 * download with the entry instead of after it has run.
 */
export function withRoutePreloads(html: string, preloads: RoutePreload[], pathname: string): string {
  const route = preloads.find((candidate) => candidate.pattern.test(pathname));
  if (!route) {
    return html;
  }
  const links = [
    ...route.js.map((url) => `<link rel="modulepreload" crossorigin href="${url}">`),
    // Applied from the start (the SPA paints nothing before its scripts anyway): Vite's loader then finds the sheet in
    // place instead of adding it later, which would make the browser restyle the whole page once more.
    ...route.css.map((url) => `<link rel="stylesheet" crossorigin href="${url}">`),
  ];
  return links.length > 0 ? html.replace('</head>', () => `  ${links.join('\n    ')}\n  </head>`) : html;
}

/**
 * The HTML with `answers` (page-data key → API answer) in a non-executable JSON script element that the SPA reads
 * (see @shared/contracts/page-data). Every `<` is escaped, so no text in the data can close the element or open markup.
 */
export function withPageData(html: string, answers: Record<string, unknown>): string {
  if (Object.keys(answers).length === 0) {
    return html;
  }
  const json = JSON.stringify(answers)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const element = `<script type="application/json" id="${PAGE_DATA_ELEMENT_ID}">${json}</script>`;
  return html.replace('</head>', () => `  ${element}\n  </head>`);
}

/**
 * The answers to the API `addresses` as the visitor's own requests would get them (their cookies, language and
 * address, so rate limits and sessions apply alike), by page-data key; an address that does not answer 200 with JSON
 * is left out and the SPA asks for it itself.
 */
async function answersFor(
  app: FastifyInstance,
  request: FastifyRequest,
  addresses: string[],
): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  await Promise.all(
    addresses.map(async (address) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      for (const name of ['cookie', 'accept-language'] as const) {
        const value = request.headers[name];
        if (typeof value === 'string') {
          headers[name] = value;
        }
      }
      const response = await app.inject({
        method: 'GET',
        url: address,
        headers,
        remoteAddress: request.ip,
      });
      if (response.statusCode === 200 && String(response.headers['content-type']).includes('json')) {
        answers[pageDataKey(address)] = response.json();
      }
    }),
  );
  return answers;
}

/**
 * Serves the built SPA from `distDir` (hashed assets cached for a year, index.html never cached) and answers every
 * unknown path: under /api with a JSON 404, elsewhere with the SPA's index.html so client routes deep-link.
 * The 404 handler is rate-limited. `pageMeta` may describe a public page (title, description, Open Graph) for its
 * HTML, in the visitor's language (the `lang` cookie or Accept-Language); null keeps the generic one. `pageData` names
 * the API addresses whose answers a public page's first render needs (from its path and query): the HTML carries
 * them, which spares the page those requests after its scripts have run.
 */
export const webPlugin = fp(
  async (
    app,
    opts: {
      distDir: string;
      pageMeta?: (pathname: string, lang: Language) => Promise<PageMeta | null>;
      pageData?: (pathname: string, query: URLSearchParams) => string[];
    },
  ) => {
    const distDir = path.resolve(opts.distDir);
    const hasWeb = existsSync(path.join(distDir, 'index.html'));
    const catalogues = findCatalogues(distDir);
    const routePreloads = readRoutePreloads(distDir);
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        wildcard: false,
        index: false,
        // The build writes .br and .gz copies of its text assets (scripts/vite-precompress.ts).
        preCompressed: true,
        // .vite/ holds the build's records for the server (route preloads), not files for browsers.
        allowedPath: (pathname) => !pathname.startsWith('/.vite/'),
        setHeaders(res, filePath) {
          if (filePath.includes(`${path.sep}assets${path.sep}`)) {
            void res.header('cache-control', 'public, max-age=31536000, immutable');
          }
        },
      });
    }
    app.setNotFoundHandler(
      { preHandler: app.rateLimit(rateLimit(300, '1 minute')) },
      async (request, reply) => {
        const [pathname = '', query = ''] = request.url.split(/\?(.*)/s);
        if (pathname === '/api' || pathname.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
          throw new AppError('ROUTE_NOT_FOUND', undefined, undefined, {
            method: request.method,
            url: pathname,
          });
        }
        const [meta, answers] = await Promise.all([
          opts.pageMeta ? opts.pageMeta(pathname, request.lang) : null,
          answersFor(app, request, opts.pageData?.(pathname, new URLSearchParams(query)) ?? []),
        ]);
        const cookieLang: string | undefined = request.cookies.lang;
        const html = withPageData(
          withRoutePreloads(
            withCatalogue(
              await readFile(path.join(distDir, 'index.html'), 'utf8'),
              catalogues,
              isLanguage(cookieLang) ? cookieLang : DEFAULT_LANGUAGE,
            ),
            routePreloads,
            pathname,
          ),
          answers,
        );
        return reply
          .header('cache-control', 'no-cache')
          .header('vary', meta || Object.keys(answers).length > 0 ? 'cookie, accept-language' : 'cookie')
          .type('text/html; charset=utf-8')
          .send(meta ? withPageMeta(html, meta) : html);
      },
    );
  },
  { name: 'web', dependencies: ['@fastify/rate-limit'] },
);
