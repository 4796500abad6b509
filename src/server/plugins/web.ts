import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '@server/lib/errors';
import { rateLimit } from '@server/lib/http';
import type { Language } from '@shared/i18n';

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

/**
 * Serves the built SPA from `distDir` (hashed assets cached for a year, index.html never cached) and answers every
 * unknown path: under /api with a JSON 404, elsewhere with the SPA's index.html so client routes deep-link.
 * The 404 handler is rate-limited. `pageMeta` may describe a public page (title, description, Open Graph) for its
 * HTML, in the visitor's language (the `lang` cookie or Accept-Language); null keeps the generic one.
 */
export const webPlugin = fp(
  async (
    app,
    opts: { distDir: string; pageMeta?: (pathname: string, lang: Language) => Promise<PageMeta | null> },
  ) => {
    const distDir = path.resolve(opts.distDir);
    const hasWeb = existsSync(path.join(distDir, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        wildcard: false,
        index: false,
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
        const pathname = request.url.split('?')[0] ?? '';
        if (pathname === '/api' || pathname.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
          throw new AppError('ROUTE_NOT_FOUND', undefined, undefined, {
            method: request.method,
            url: pathname,
          });
        }
        const meta = opts.pageMeta ? await opts.pageMeta(pathname, request.lang) : null;
        if (meta) {
          return reply
            .header('cache-control', 'no-cache')
            .header('vary', 'cookie, accept-language')
            .type('text/html; charset=utf-8')
            .send(withPageMeta(await readFile(path.join(distDir, 'index.html'), 'utf8'), meta));
        }
        return reply
          .header('cache-control', 'no-cache')
          .type('text/html; charset=utf-8')
          .sendFile('index.html');
      },
    );
  },
  { name: 'web', dependencies: ['@fastify/rate-limit'] },
);
