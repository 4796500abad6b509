import type { Database } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import { getVisibleCall } from '@server/modules/calls/calls.service';
import { getProvinceOrThrow } from '@server/modules/geo/geo.service';
import { innovationPageMeta } from '@server/modules/innovations/innovations.service';
import { CATALOGUES, type Language } from '@shared/i18n';
import { PUBLIC_FIGURES_MAX_AGE_SECONDS, type PublicFigures } from '@shared/contracts/public-site';
import * as repo from './public-site.repo';

// ---- Live figures -----------------------------------------------------------------------------------------------

function toCount(value: number | string | null | undefined): number {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
}

/** Counts the home page's figures now (see `PublicFiguresSchema` for what each counts). */
export async function countPublicFigures(db: Database, now: Date): Promise<PublicFigures> {
  const row = await repo.countFigures(db, now);
  return {
    programmes: toCount(row?.programmes),
    openCalls: toCount(row?.openCalls),
    fundedProjects: toCount(row?.fundedProjects),
    provincesReached: toCount(row?.provincesReached),
    beneficiaries: toCount(row?.beneficiaries),
    innovations: toCount(row?.innovations),
    adoptions: toCount(row?.adoptions),
    countedAt: now.toISOString(),
  };
}

/**
 * The figures, counted at most once per `maxAgeMs` of real time per app instance (every visitor of the home page asks
 * for them); concurrent requests while counting share the one count. `now` is the app's clock (for open calls).
 */
export function createFiguresCache(maxAgeMs = PUBLIC_FIGURES_MAX_AGE_SECONDS * 1000) {
  let cached: { at: number; value: Promise<PublicFigures> } | null = null;
  return {
    get(db: Database, now: Date): Promise<PublicFigures> {
      const at = performance.now();
      if (!cached || at - cached.at >= maxAgeMs) {
        const value = countPublicFigures(db, now);
        cached = { at, value };
        // A failed count is not kept: the next request counts again.
        value.catch(() => {
          if (cached?.value === value) {
            cached = null;
          }
        });
      }
      return cached.value;
    },
  };
}

// ---- Page meta --------------------------------------------------------------------------------------------------

/** What a public page's HTML says about itself for search engines and link previews. */
export interface PublicPageMeta {
  title: string;
  description: string;
  imageUrl: string | null;
  url: string;
  /** `website` for pages that list, `article` for one record. */
  type: 'website' | 'article';
  lang: Language;
}

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const CALL_PATH = new RegExp(`^/calls/${UUID}$`, 'i');
const INNOVATION_PATH = new RegExp(`^/innovations/${UUID}$`, 'i');
const PROVINCE_PATH = /^\/provinces\/(\d{2})$/;
const COVERAGE_PROVINCE_PATH = /^\/coverage\/(\d{2})$/;

type StaticPage = Exclude<
  keyof (typeof CATALOGUES)['th']['publicSite']['meta'],
  'siteName' | 'callDescription' | 'province' | 'coverageProvince'
>;

/** The public list pages and the catalogue entry of their title and description. */
export const STATIC_PUBLIC_PAGES: Readonly<Record<string, StaticPage>> = {
  '/': 'home',
  '/programmes': 'programmes',
  '/calls': 'calls',
  '/innovations': 'catalogue',
  '/provinces': 'provinces',
  '/map': 'map',
  '/coverage': 'coverage',
  '/impact': 'impact',
  '/open-data': 'openData',
  '/events': 'events',
  '/network': 'network',
  '/knowledge': 'knowledge',
  '/diffusion': 'diffusion',
  '/contests': 'contests',
};

/** The start of a text, at most `max` characters, whitespace folded, cut with an ellipsis. */
function shortText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function pageTitle(page: string, lang: Language): string {
  return fill(CATALOGUES[lang].common.pageTitle, { page });
}

/** A date in Bangkok: Buddhist Era in Thai, Common Era in English. */
function formatDate(value: Date, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist-nu-latn' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }).format(value);
}

/** The value of `promise`, or null when the record is not there or not public (NOT_FOUND). */
async function unlessNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return null;
    }
    throw error;
  }
}

async function provinceMeta(
  db: Database,
  code: number,
  lang: Language,
  kind: 'province' | 'coverageProvince',
): Promise<{ title: string; description: string } | null> {
  const province = await unlessNotFound(getProvinceOrThrow(db, code));
  if (!province) {
    return null;
  }
  const name = lang === 'th' ? province.nameTh : province.nameEn;
  const region = lang === 'th' ? province.region.nameTh : province.region.nameEn;
  const texts = CATALOGUES[lang].publicSite.meta[kind];
  return {
    title: pageTitle(fill(texts.title, { name }), lang),
    description: fill(texts.description, { name, region }),
  };
}

/**
 * The title, description and Open Graph facts of a public page at `pathname` (no query), in `lang`, with absolute
 * addresses under `baseUrl`: the list pages of `STATIC_PUBLIC_PAGES`, a published or closed call, a published
 * innovation (its own meta, with its cover), a province and a province's coverage. Null for any other path, or a
 * record that is not there or not public: the page keeps the generic head.
 */
export async function publicPageMeta(
  db: Database,
  pathname: string,
  baseUrl: string,
  lang: Language,
): Promise<PublicPageMeta | null> {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const meta = CATALOGUES[lang].publicSite.meta;
  const url = `${baseUrl}${path === '/' ? '/' : path}`;
  const page = STATIC_PUBLIC_PAGES[path];
  if (page) {
    const texts = meta[page];
    return {
      title: page === 'home' ? texts.title : pageTitle(texts.title, lang),
      description: texts.description,
      imageUrl: null,
      url,
      type: 'website',
      lang,
    };
  }
  const callId = CALL_PATH.exec(path)?.[1]?.toLowerCase();
  if (callId) {
    const call = await unlessNotFound(getVisibleCall(db, null, callId));
    if (!call || (call.status !== 'published' && call.status !== 'closed')) {
      return null;
    }
    const title = lang === 'th' ? call.titleTh : call.titleEn || call.titleTh;
    const fiscalYear = lang === 'th' ? String(call.fiscalYear) : `${call.fiscalYear} BE`;
    return {
      title: pageTitle(shortText(title, 150), lang),
      description: fill(meta.callDescription, { fiscalYear, closes: formatDate(call.closesAt, lang) }),
      imageUrl: null,
      url: `${baseUrl}/calls/${callId}`,
      type: 'article',
      lang,
    };
  }
  if (INNOVATION_PATH.test(path)) {
    const found = await innovationPageMeta(db, path, baseUrl);
    return found ? { ...found, type: 'article', lang } : null;
  }
  const provinceCode = PROVINCE_PATH.exec(path)?.[1];
  const coverageCode = COVERAGE_PROVINCE_PATH.exec(path)?.[1];
  if (provinceCode || coverageCode) {
    const texts = await provinceMeta(
      db,
      Number(provinceCode ?? coverageCode),
      lang,
      provinceCode ? 'province' : 'coverageProvince',
    );
    return texts ? { ...texts, imageUrl: null, url, type: 'article', lang } : null;
  }
  return null;
}

// ---- sitemap.xml and robots.txt ---------------------------------------------------------------------------------

/** The most records of one kind a sitemap lists (a sitemap file holds at most 50,000 addresses). */
const SITEMAP_KIND_LIMIT = 10_000;

function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function isoDate(value: Date | string): string {
  return new Date(value).toISOString().slice(0, 10);
}

/**
 * sitemap.xml: the public list pages, every programme, published and closed calls, published innovations, every
 * province and its coverage page; calls and innovations with the date they last changed.
 */
export async function buildSitemap(db: Database, baseUrl: string): Promise<string> {
  const [programmeSlugs, calls, innovations, provinceCodes] = await Promise.all([
    repo.listProgrammeSlugs(db),
    repo.listPublicCalls(db, SITEMAP_KIND_LIMIT),
    repo.listPublishedInnovations(db, SITEMAP_KIND_LIMIT),
    repo.listProvinceCodes(db),
  ]);
  const entries: Array<{ path: string; lastmod?: string }> = [
    ...Object.keys(STATIC_PUBLIC_PAGES).map((path) => ({ path })),
    ...programmeSlugs.map((slug) => ({ path: `/programmes/${encodeURIComponent(slug)}` })),
    ...calls.map((c) => ({ path: `/calls/${c.id}`, lastmod: isoDate(c.updatedAt) })),
    ...innovations.map((i) => ({ path: `/innovations/${i.id}`, lastmod: isoDate(i.updatedAt) })),
    ...provinceCodes.map((code) => ({ path: `/provinces/${code}` })),
    ...provinceCodes.map((code) => ({ path: `/coverage/${code}` })),
  ];
  const urls = entries.map(
    (e) =>
      `  <url><loc>${xmlEscape(`${baseUrl}${e.path}`)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** Paths crawlers should leave alone: the API (but for the open-data API), administration and personal pages. */
const DISALLOWED = [
  '/api/',
  '/admin/',
  '/account',
  '/proposals',
  '/projects',
  '/reviews',
  '/judging',
  '/notifications',
  '/dashboards',
  '/impact/portfolio',
  '/login',
  '/register',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/invitations/',
];

/** robots.txt: public pages and the open-data API allowed, the rest of the API and private pages not; the sitemap. */
export function buildRobots(baseUrl: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Allow: /api/open/',
    ...DISALLOWED.map((path) => `Disallow: ${path}`),
    '',
    `Sitemap: ${baseUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
