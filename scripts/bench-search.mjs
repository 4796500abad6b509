// npm run bench:search — the innovation catalogue's Thai search under load, on the PostgreSQL server.
// Builds a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/si_bench_innovations) with
// the demo data and BENCH_INNOVATIONS published innovations (default 100,000) varied from the demonstration corpus,
// starts the server against it (the build in dist/ when there is one, else the sources through tsx) and drives
// GET /api/innovations?q=… and /api/innovations/suggest?q=… with BENCH_CONCURRENCY (default 20) concurrent clients,
// each cycling through Thai, English, partial and misspelt queries. Prints p50/p95/p99 and requests/s, and
// EXPLAIN (ANALYZE, BUFFERS) of the slowest query shape when BENCH_EXPLAIN=1.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/si_bench_innovations';
const INNOVATIONS = Number(process.env.BENCH_INNOVATIONS ?? 100_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? 3951);
const base = `http://127.0.0.1:${PORT}`;
const built = existsSync('dist/server/main.js');
/** How to run a server entry point: the build when there is one, else the TypeScript sources through tsx. */
const runner = (name) =>
  built ? ['node', [`dist/server/${name}.js`]] : ['node', ['--import', 'tsx', `src/server/${name}.ts`]];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function recreateDatabase() {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

/** The corpus, read from its TypeScript source through tsx (one child process, JSON out). */
function readCorpus() {
  const result = spawnSync(
    'node',
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "import { INNOVATION_CORPUS } from './src/server/modules/innovations/innovations.corpus.ts'; process.stdout.write(JSON.stringify(INNOVATION_CORPUS));",
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) {
    throw new Error(`reading the corpus failed: ${result.stderr}`);
  }
  return JSON.parse(result.stdout);
}

const provinces = JSON.parse(
  spawnSync(
    'node',
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "import { PROVINCES } from './src/shared/reference/provinces.ts'; process.stdout.write(JSON.stringify(PROVINCES));",
    ],
    { encoding: 'utf8' },
  ).stdout,
);

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
/** The same text the server keeps for search (src/server/lib/thai-text.ts `toSearchText`). */
const searchText = (...parts) =>
  [...segmenter.segment(parts.filter(Boolean).join(' ').normalize('NFC').toLowerCase())]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
    .join(' ');

/** Qualifiers that make 2,500 distinct titles of each corpus entry: a variant, a village number, a province. */
const VARIANTS_TH = [
  'ต้นแบบ',
  'รุ่นขยายผล',
  'ฉบับชุมชน',
  'ระยะที่สอง',
  'แบบบูรณาการ',
  'เพื่อครัวเรือน',
  'สำหรับโรงเรียน',
  'ของเทศบาล',
];
const VARIANTS_EN = [
  'pilot',
  'scaled-up',
  'community edition',
  'phase two',
  'integrated',
  'for households',
  'for schools',
  'municipal',
];

function rowOf(corpus, g) {
  const e = corpus[g % corpus.length];
  const k = Math.floor(g / corpus.length);
  const province = provinces[(g * 7 + k) % provinces.length];
  const variant = k % VARIANTS_TH.length;
  const titleTh = `${e.titleTh} ${VARIANTS_TH[variant]} หมู่ ${1 + (k % 15)} ${province.nameTh}`;
  const titleEn = `${e.titleEn}, ${VARIANTS_EN[variant]}, ${province.nameEn} ${k}`;
  return {
    titleTh,
    titleEn,
    summaryTh: e.summaryTh,
    summaryEn: e.summaryEn,
    problemTh: e.problemTh,
    solutionTh: e.solutionTh,
    howItWorksTh: e.howItWorksTh,
    themes: `{${e.themes.join(',')}}`,
    sdgs: `{${e.sdgs.join(',')}}`,
    province: province.code,
    srl: 1 + ((g * 13) % 9),
    ready: e.isDiffusionReady && k % 3 === 0,
    featured: g % 997 === 0,
    search: searchText(
      titleTh,
      titleEn,
      e.summaryTh,
      e.summaryEn,
      e.problemTh,
      e.problemEn,
      e.solutionTh,
      e.solutionEn,
      e.howItWorksTh,
      e.howItWorksEn,
      e.targetUsersTh,
      e.targetUsersEn,
      province.nameTh,
      province.nameEn,
    ),
  };
}

async function generate(db, corpus) {
  const started = performance.now();
  const batch = 5_000;
  for (let from = 0; from < INNOVATIONS; from += batch) {
    const rows = [];
    for (let g = from; g < Math.min(INNOVATIONS, from + batch); g += 1) {
      rows.push(rowOf(corpus, g));
    }
    const column = (key) => rows.map((r) => r[key]);
    await db.query(
      `INSERT INTO innovations (title_th, title_en, summary_th, summary_en, problem_th, solution_th, how_it_works_th,
                                themes, sdgs, origin_province_code, province_codes, srl, is_diffusion_ready,
                                is_featured, status, published_at, search_text)
       SELECT t.title_th, t.title_en, t.summary_th, t.summary_en, t.problem_th, t.solution_th, t.how,
              t.themes::text[], t.sdgs::smallint[], t.province, ARRAY[t.province]::smallint[], t.srl, t.ready,
              t.featured, 'published', now() - (t.n || ' minutes')::interval, t.search
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                     $9::text[], $10::smallint[], $11::smallint[], $12::boolean[], $13::boolean[], $14::text[],
                     $15::int[])
           AS t(title_th, title_en, summary_th, summary_en, problem_th, solution_th, how, themes, sdgs, province,
                srl, ready, featured, search, n)`,
      [
        column('titleTh'),
        column('titleEn'),
        column('summaryTh'),
        column('summaryEn'),
        column('problemTh'),
        column('solutionTh'),
        column('howItWorksTh'),
        column('themes'),
        column('sdgs'),
        column('province'),
        column('srl'),
        column('ready'),
        column('featured'),
        column('search'),
        rows.map((_, i) => from + i),
      ],
    );
  }
  await db.query('VACUUM ANALYZE innovations');
  return (performance.now() - started) / 1000;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `once(worker, i)` from CONCURRENCY workers for SECONDS; returns latency percentiles and throughput. */
async function load(label, once) {
  const latencies = [];
  let failures = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = worker; performance.now() < until; i += CONCURRENCY) {
        const t0 = performance.now();
        const ok = await once(i);
        latencies.push(performance.now() - t0);
        if (!ok) {
          failures += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    endpoint: label,
    requests: latencies.length,
    failures,
    'req/s': Math.round(latencies.length / elapsed),
    'p50 ms': +percentile(latencies, 50).toFixed(1),
    'p95 ms': +percentile(latencies, 95).toFixed(1),
    'p99 ms': +percentile(latencies, 99).toFixed(1),
  };
}

/** What people type: Thai without spaces, several words, partial words, English, misspellings, a common word. */
const QUERIES = [
  'ธนาคารน้ำใต้ดิน',
  'ผ้าย้อมคราม',
  'โคกหนองนา',
  'ธนาคารปูม้า',
  'ผู้ป่วยติดเตียง',
  'เตือนภัยน้ำป่า',
  'ภัยแล้ง บ่อเติมน้ำ',
  'เบาหวาน ความดัน',
  'พิพิธภัณ',
  'สมุนไพ',
  'groundwater bank',
  'solar pump',
  'mangrove restoration',
  'biogas',
  'โซล่าเซลล์',
  'พิพิทภัณฑ์',
  'songtaew',
  'ธนาคารขยา',
  'ชุมชน',
  'ยะลา',
];

// BENCH_REUSE=1 keeps the database of the previous run (its data and the migrations it had), for quick reruns.
const reuse = process.env.BENCH_REUSE === '1';
const env = { ...process.env, DATABASE_URL: url, REQUIRE_2FA_FOR_STAFF: 'false' };
if (!reuse) {
  await recreateDatabase();
  const [seedCommand, seedArgs] = runner('cli/seed');
  const seeded = spawnSync(seedCommand, seedArgs, {
    env: { ...env, NODE_ENV: 'development' },
    stdio: 'inherit',
  });
  if (seeded.status !== 0) {
    process.exit(seeded.status ?? 1);
  }
}
const db = new pg.Client({ connectionString: url });
await db.connect();
if (!reuse) {
  const corpus = readCorpus();
  console.log(
    `Generating ${INNOVATIONS.toLocaleString('en')} innovations from ${corpus.length} corpus entries …`,
  );
  console.log(`  done in ${(await generate(db, corpus)).toFixed(1)} s`);
}
const {
  rows: [size],
} = await db.query(
  `SELECT count(*)::int AS n, pg_size_pretty(pg_total_relation_size('innovations')) AS size FROM innovations`,
);
console.log(`  ${size.n.toLocaleString('en')} rows, ${size.size} with indexes`);

const [serverCommand, serverArgs] = runner('main');
const server = spawn(serverCommand, serverArgs, {
  env: {
    ...env,
    NODE_ENV: 'production',
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_FACTOR: '100000',
    PUBLIC_URL: base,
    TRUST_PROXY: 'false',
    WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? '.tmp/no-web',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (let tries = 0; ; tries += 1) {
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) {
        break;
      }
    } catch {
      // not yet listening
    }
    if (tries > 1200) {
      throw new Error('the server did not start');
    }
    await sleep(50);
  }
  const get = async (path) => {
    const response = await fetch(base + path);
    await response.arrayBuffer();
    return response.status === 200;
  };
  // warm up: every query once
  for (const q of QUERIES) {
    await get(`/api/innovations?q=${encodeURIComponent(q)}`);
  }
  const results = [];
  results.push(
    await load('GET /api/innovations?q= (20 queries rotate)', (i) =>
      get(`/api/innovations?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}`),
    ),
  );
  results.push(
    await load('GET /api/innovations?q=&filters', (i) =>
      get(
        `/api/innovations?q=${encodeURIComponent(QUERIES[i % QUERIES.length])}&${
          ['theme=health', 'region=northeast', 'diffusionReady=true', 'srlMin=5'][i % 4]
        }`,
      ),
    ),
  );
  results.push(
    await load('GET /api/innovations/suggest?q=', (i) => {
      const q = QUERIES[i % QUERIES.length];
      return get(`/api/innovations/suggest?q=${encodeURIComponent(q.slice(0, Math.max(2, q.length - 2)))}`);
    }),
  );
  results.push(await load('GET /api/innovations (no query, featured first)', () => get('/api/innovations')));
  console.log(
    `\nPublished innovations: ${INNOVATIONS.toLocaleString('en')} · ${CONCURRENCY} concurrent clients · ${SECONDS} s each · server: ${built ? 'dist build' : 'sources (tsx)'}`,
  );
  console.table(results);
  console.log('Aim: search p95 ≤ 50 ms.');
  if (process.env.BENCH_EXPLAIN === '1') {
    const sqlFile = process.env.BENCH_EXPLAIN_SQL;
    if (sqlFile) {
      const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${readFileSync(sqlFile, 'utf8')}`);
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
  }
} finally {
  server.kill('SIGTERM');
  await db.end();
}
