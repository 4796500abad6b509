// The weight of the web build (dist/web), printed by `npm run build` after `vite build`:
//   - the first load: what a first visit to any page downloads before its route's own chunk — the entry script and
//     its static imports (index.html's modulepreloads), the CSS and the preloaded message catalogue — raw, gzip and
//     Brotli (the .br copies the build writes, as the server sends them);
//   - the public pages (vite.config.ts PUBLIC_PAGES, as .vite/route-preloads.json lists them): that plus the page's
//     route chunks;
//   - the largest chunks, which only the pages that use them load (ECharts, the form builder …).
// Budget: a public page's initial JavaScript ≤ 200 KB gzip. Over it the report warns; with --strict (or
// WEB_SIZE_STRICT=1) it exits 1.
//
//   node scripts/web-size-report.mjs [--strict] [dist/web]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_JS_GZIP = 200 * 1024;

const args = process.argv.slice(2);
const strict = args.includes('--strict') || process.env.WEB_SIZE_STRICT === '1';
const distDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist/web');

const sizeCache = new Map();
/**
 * Raw, gzip (level 9, as the build's .gz copies) and Brotli bytes (the .br copy; files too small to have one are sent
 * as they are).
 */
function sizes(file) {
  let entry = sizeCache.get(file);
  if (!entry) {
    const full = path.join(distDir, file);
    const source = readFileSync(full);
    const gz = existsSync(`${full}.gz`)
      ? readFileSync(`${full}.gz`).length
      : gzipSync(source, { level: 9 }).length;
    const br = existsSync(`${full}.br`) ? readFileSync(`${full}.br`).length : source.length;
    entry = { raw: source.length, gzip: gz, br };
    sizeCache.set(file, entry);
  }
  return entry;
}

function sum(files) {
  return files
    .map(sizes)
    .reduce((total, s) => ({ raw: total.raw + s.raw, gzip: total.gzip + s.gzip, br: total.br + s.br }), {
      raw: 0,
      gzip: 0,
      br: 0,
    });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const row = (label, s) =>
  `  ${label.padEnd(52)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.br).padStart(10)}`;
const header = (title) =>
  `${title.padEnd(54)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`;

function main() {
  const preloadsFile = path.join(distDir, '.vite', 'route-preloads.json');
  if (!existsSync(preloadsFile)) {
    console.log(
      `web size report: no ${path.relative(process.cwd(), preloadsFile)} (scripts/vite-route-preloads.ts)`,
    );
    return 0;
  }
  /** @type {{ entry: { js: string[], css: string[] }, routes: Record<string, { js: string[], css: string[] }> }} */
  const { entry, routes } = JSON.parse(readFileSync(preloadsFile, 'utf8'));
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const catalogues = [...html.matchAll(/<link rel="preload" as="fetch"[^>]*href="(\/[^"]+\.json)"/g)].map(
    (m) => m[1],
  );
  const file = (url) => url.replace(/^\//, '');

  const lines = [header('Web build: first load (every page)')];
  for (const url of entry.js) {
    lines.push(row(file(url), sizes(file(url))));
  }
  lines.push(row(`= JavaScript (${entry.js.length} files)`, sum(entry.js.map(file))));
  lines.push(row(`= CSS (${entry.css.length} files)`, sum(entry.css.map(file))));
  for (const url of catalogues) {
    lines.push(row(`message catalogue ${file(url)}`, sizes(file(url))));
  }

  const warnings = [];
  lines.push('', header('Public pages: initial JavaScript'));
  for (const [route, files] of [['/', { js: [] }], ...Object.entries(routes)]) {
    const total = sum([...entry.js, ...files.js].map(file));
    const over = total.gzip > BUDGET_JS_GZIP;
    lines.push(row(`${route}${over ? ' !' : ''}`, total));
    if (over) {
      warnings.push(
        `${route}: initial JavaScript ${kb(total.gzip)} gzip is over the ${kb(BUDGET_JS_GZIP)} budget`,
      );
    }
  }

  const initial = new Set([...entry.js, ...Object.values(routes).flatMap((r) => r.js)].map(file));
  const largest = readdirSync(path.join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js') && !initial.has(`assets/${name}`))
    .map((name) => ({ name: `assets/${name}`, size: sizes(`assets/${name}`) }))
    .sort((a, b) => b.size.gzip - a.size.gzip)
    .slice(0, 6);
  lines.push('', header('Largest chunks of other pages (loaded where used)'));
  for (const chunk of largest) {
    lines.push(row(chunk.name, chunk.size));
  }

  console.log(`\n${lines.join('\n')}`);
  console.log(`\nBudget: a public page's initial JavaScript ≤ ${kb(BUDGET_JS_GZIP)} gzip.`);
  if (warnings.length > 0) {
    for (const warning of warnings) {
      console.log(`  ⚠ ${warning}`);
    }
    return strict ? 1 : 0;
  }
  console.log('  every public page is within it.');
  return 0;
}

process.exitCode = main();
