// npm run bench:proposals — the officer's intake list and the draft autosave under load, on the PostgreSQL server.
// Builds a fresh database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/si_bench_proposals) with
// the demo data and BENCH_PROPOSALS proposals (default 200,000) in one call, starts the built server against it and
// drives it with BENCH_CONCURRENCY (default 20) concurrent clients. Prints p50/p95/p99 and requests/s per endpoint.
// Needs a build (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/si_bench_proposals';
const PROPOSALS = Number(process.env.BENCH_PROPOSALS ?? 200_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = 3950;
const base = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'demo-password-2569';

if (!existsSync('dist/server/main.js')) {
  console.error('Build first: npm run build');
  process.exit(1);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function recreateDatabase() {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
}

/** Thai and English words that titles are made of; the search benchmark looks some of them up. */
const WORDS = [
  'การจัดการ',
  'ขยะ',
  'ชุมชน',
  'น้ำ',
  'เกษตร',
  'อินทรีย์',
  'ผู้สูงอายุ',
  'สุขภาพ',
  'ท่องเที่ยว',
  'วัฒนธรรม',
  'พลังงาน',
  'แสงอาทิตย์',
  'ภัยพิบัติ',
  'น้ำท่วม',
  'ภัยแล้ง',
  'การศึกษา',
  'เยาวชน',
  'อาชีพ',
  'รายได้',
  'ผ้าทอ',
  'สมุนไพร',
  'ป่าชุมชน',
  'ประมง',
  'ข้าว',
  'กาแฟ',
  'ตลาด',
  'ดิจิทัล',
  'เมือง',
  'ขนส่ง',
  'คนพิการ',
  'recycling',
  'community',
  'water',
  'health',
  'tourism',
  'solar',
  'youth',
  'market',
  'digital',
  'farm',
];

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
/** The same word split the server keeps for search (src/server/lib/thai-text.ts). */
const segmented = (text) =>
  [...segmenter.segment(text.toLowerCase())]
    .filter((s) => s.isWordLike)
    .map((s) => s.segment)
    .join(' ');

async function generate(db) {
  const started = performance.now();
  const {
    rows: [call],
  } = await db.query(
    `SELECT c.id, f.id AS form_id FROM calls c JOIN call_forms f ON f.call_id = c.id
      WHERE c.status = 'published' AND c.stage_mode = 'single' AND c.closes_at > now() AND c.opens_at < now()
      ORDER BY c.created_at LIMIT 1`,
  );
  if (!call) {
    throw new Error('the demo data has no open single-stage call');
  }
  const {
    rows: [applicant],
  } = await db.query(`SELECT id FROM users WHERE email = 'applicant@demo.si-platform.test'`);
  const { rows: types } = await db.query(`SELECT code FROM organisation_types ORDER BY code`);
  // a fixed shuffle of the provinces, so that the busy ones are spread over the regions
  const provinceCodes = (await db.query(`SELECT code FROM provinces ORDER BY md5(code::text)`)).rows.map(
    (r) => r.code,
  );
  // 5,000 organisations, provinces skewed towards the lower codes of each region (some far busier than others)
  await db.query(
    `INSERT INTO organisations (name_th, name_en, type, province_code, description)
     SELECT 'องค์กรทดสอบ ' || g, 'Bench organisation ' || g,
            ($1::text[])[1 + (g % array_length($1::text[], 1))],
            ($2::smallint[])[1 + floor(power(random(), 2) * array_length($2::smallint[], 1))::int],
            ''
       FROM generate_series(1, 5000) g`,
    [types.map((t) => t.code), provinceCodes],
  );
  const {
    rows: [org],
  } = await db.query(
    `INSERT INTO organisations (name_th, type, province_code, description)
     VALUES ('วิสาหกิจชุมชนทดสอบความเร็ว', 'community_enterprise', 57, '') RETURNING id`,
  );
  await db.query(
    `INSERT INTO organisation_members (organisation_id, user_id, role) VALUES ($1, $2, 'owner')`,
    [org.id, applicant.id],
  );
  const statuses = ['submitted', 'submitted', 'submitted', 'submitted', 'returned', 'withdrawn', 'draft'];
  const themes = (await db.query(`SELECT code FROM themes ORDER BY number`)).rows.map((r) => r.code);
  const batch = 50_000;
  for (let from = 1; from <= PROPOSALS; from += batch) {
    const to = Math.min(PROPOSALS, from + batch - 1);
    await db.query(
      `WITH orgs AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(province_code ORDER BY id) AS provs FROM organisations)
       INSERT INTO proposals (call_id, stage, form_id, organisation_id, title_th, status, version, receipt_number,
                              submitted_at, requested_satang, province_codes, themes, is_eligible, search_text)
       SELECT $1, 'proposal', $2, o.ids[k], t.title,
              s.status, 1,
              CASE WHEN s.status = 'draft' THEN NULL ELSE 'BENCH-' || g END,
              CASE WHEN s.status = 'draft' THEN NULL ELSE now() - (g || ' seconds')::interval END,
              (50000 + (g * 7919) % 1450000) * 100,
              ARRAY[o.provs[k]]::smallint[],
              ARRAY[($3::text[])[1 + (g % 9)]],
              CASE g % 5 WHEN 0 THEN 0 WHEN 1 THEN NULL ELSE 1 END,
              t.search
         FROM generate_series($5::int, $6::int) g
         CROSS JOIN orgs o
         CROSS JOIN LATERAL (SELECT 1 + floor(power(((g * 2654435761::bigint) % 1000) / 1000.0, 2) * array_length(o.ids, 1))::int AS k) pick
         CROSS JOIN LATERAL (SELECT ($7::text[])[1 + g % 7] AS status) s
         CROSS JOIN LATERAL (
           SELECT ($4::text[])[1 + g % 40] || ' ' || ($4::text[])[1 + (g / 40) % 40] || ' ' ||
                  ($4::text[])[1 + (g / 1600) % 40] || ' ' || g AS title,
                  ($8::text[])[1 + g % 40] || ' ' || ($8::text[])[1 + (g / 40) % 40] || ' ' ||
                  ($8::text[])[1 + (g / 1600) % 40] || ' ' || g AS search) t`,
      [call.id, call.form_id, themes, WORDS, from, to, statuses, WORDS.map(segmented)],
    );
  }
  // where the submitted proposals are in selection: 30 % not screened yet, then review (a third of it shortlisted),
  // screened out, awaiting decision, and decided (awards at half the amount asked, or rejections)
  await db.query(
    `WITH s AS (SELECT id, call_id, stage, requested_satang, abs(hashtext(id::text)) % 10 AS k
                  FROM proposals WHERE call_id = $1 AND status = 'submitted')
     , states AS (
       INSERT INTO proposal_review_states (proposal_id, call_id, phase, screening_result, shortlisted)
       SELECT id, call_id,
              CASE WHEN k IN (3, 4, 5) THEN 'review' WHEN k = 6 THEN 'screened_out' WHEN k = 7 THEN 'decision'
                   ELSE 'decided' END,
              CASE WHEN k = 6 THEN 'failed' ELSE 'passed' END, k = 5
         FROM s WHERE k >= 3 ON CONFLICT DO NOTHING)
     INSERT INTO decisions (proposal_id, call_id, stage, outcome, amount_satang, decided_at)
     SELECT id, call_id, stage, CASE WHEN k = 8 THEN 'award' ELSE 'reject' END,
            CASE WHEN k = 8 THEN requested_satang / 2 END, now()
       FROM s WHERE k >= 8 ON CONFLICT DO NOTHING`,
    [call.id],
  );
  await db.query('ANALYZE');
  return { callId: call.id, organisationId: org.id, seconds: (performance.now() - started) / 1000 };
}

async function login(email) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = await response.json();
  return { cookie, csrf: body.data.csrfToken };
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
      for (let i = 0; performance.now() < until; i += 1) {
        const t0 = performance.now();
        const ok = await once(worker, i);
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

await recreateDatabase();
const env = { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', REQUIRE_2FA_FOR_STAFF: 'false' };
// demo data is refused in production: load it as development, then serve as production
const seeded = spawnSync('node', ['dist/server/cli/seed.js'], {
  env: { ...env, NODE_ENV: 'development' },
  stdio: 'inherit',
});
if (seeded.status !== 0) {
  process.exit(seeded.status ?? 1);
}
const db = new pg.Client({ connectionString: url });
await db.connect();
console.log(`Generating ${PROPOSALS.toLocaleString('en')} proposals …`);
const data = await generate(db);
console.log(`  done in ${data.seconds.toFixed(1)} s`);

const server = spawn('node', ['dist/server/main.js'], {
  env: {
    ...env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_FACTOR: '100000',
    PUBLIC_URL: base,
    TRUST_PROXY: 'false',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (;;) {
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) {
        break;
      }
    } catch {
      // not yet listening
    }
    await sleep(50);
  }
  const officer = await login('officer@demo.si-platform.test');
  const applicant = await login('applicant@demo.si-platform.test');
  const list = `${base}/api/calls/${data.callId}/proposals`;
  const queries = [
    '',
    '?status=submitted&province=30',
    '?region=northeast&theme=health',
    '?organisationType=community_enterprise&eligible=no&sort=-requested',
    '?q=' + encodeURIComponent('ขยะชุมชน'),
    '?q=' + encodeURIComponent('ผ้าท'),
    '?status=submitted&sort=title&page=40',
  ];
  // where the proposals are in selection (phase, decision outcome), alone and with the other filters
  const selectionQueries = [
    '?phase=review',
    '?phase=screening&sort=-requested',
    '?outcome=award&sort=-requested',
    '?outcome=none&region=north',
    '?phase=decided&theme=health&page=3',
  ];
  const results = [];
  results.push(
    await load('GET intake list (filters rotate)', async (_, i) => {
      const response = await fetch(list + queries[i % queries.length], {
        headers: { cookie: officer.cookie },
      });
      await response.arrayBuffer();
      return response.status === 200;
    }),
  );
  results.push(
    await load('GET intake list (selection filters)', async (_, i) => {
      const response = await fetch(list + selectionQueries[i % selectionQueries.length], {
        headers: { cookie: officer.cookie },
      });
      await response.arrayBuffer();
      return response.status === 200;
    }),
  );

  // one draft per worker, saved again and again with the version each save returns
  const drafts = [];
  for (let w = 0; w < CONCURRENCY; w += 1) {
    const response = await fetch(`${base}/api/proposals`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: applicant.cookie,
        'x-csrf-token': applicant.csrf,
        origin: base,
      },
      body: JSON.stringify({
        callId: data.callId,
        organisationId: data.organisationId,
        titleTh: `ร่างทดสอบ ${w}`,
      }),
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`create draft: ${response.status} ${await response.text()}`);
    }
    const body = await response.json();
    drafts.push({ id: body.data.id, version: body.data.version, form: body.data.form });
  }
  const firstText = (form) =>
    form.sections.flatMap((s) => s.questions).find((q) => q.type === 'long_text' || q.type === 'short_text');
  results.push(
    await load('PATCH draft autosave', async (worker, i) => {
      const draft = drafts[worker];
      const question = firstText(draft.form);
      const answers = question ? { [question.id]: `ข้อความร่างครั้งที่ ${i} `.repeat(10) } : {};
      const response = await fetch(`${base}/api/proposals/${draft.id}`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          cookie: applicant.cookie,
          'x-csrf-token': applicant.csrf,
          origin: base,
        },
        body: JSON.stringify({ version: draft.version, answers }),
      });
      const body = await response.json();
      if (response.status === 200) {
        draft.version = body.data.version;
      }
      return response.status === 200;
    }),
  );
  console.log(
    `\nProposals in the call: ${PROPOSALS.toLocaleString('en')} · ${CONCURRENCY} concurrent clients · ${SECONDS} s each`,
  );
  console.table(results);
  console.log('Aims: intake list p95 ≤ 100 ms; autosave p95 ≤ 50 ms.');
} finally {
  server.kill('SIGTERM');
  await db.end();
}
