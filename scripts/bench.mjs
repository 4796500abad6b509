// npm run bench — the main endpoints under load (autocannon) against one server, each compared with a trivial endpoint
// of the same server in the same run and with the SQL it runs: public catalogue search (Thai), the coverage map data,
// the officer's proposal list with filters, a draft's autosave, the pipeline, outcomes, SRL and public impact
// dashboards and an open-data page.
// Writes bench/results.json and bench/results.md and prints the table; bench/README.md tells how to read it.
//
//   npm run bench                                   the si_scale database (PostgreSQL), a server started here
//   npm run bench -- --database-url postgres://…/si_bench
//   npm run bench -- --engine pglite --data-dir /tmp/data-unit      a PGlite server on DATA_DIR (…/pglite inside)
//   npm run bench -- --url http://127.0.0.1:3000 --database-url postgres://…   a server already running
//
// Options: --connections (64) --duration s (10) --warmup s (2) --serial-duration s (3) --sql-runs (20) --timeout s (10)
// --port (3960) --dataset (awards) --officer/--applicant email --password --only key,key --compressed --analyze
// --no-read-cache
// --out dir.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { newestMtime } from './lib.mjs';

const report = await tsImport('./bench/report.ts', import.meta.url);

const USAGE = `Usage: npm run bench -- [options]
  --url URL               benchmark a server already running (its rate limits apply); needs --database-url
  --database-url URL      the PostgreSQL database (default: si_scale on 127.0.0.1:5432 when it exists)
  --engine postgres|pglite, --data-dir DIR   start a PGlite server on DATA_DIR (the database in DIR/pglite)
  --connections N (64)  --duration S (10)  --warmup S (2)  --serial-duration S (3)  --sql-runs N (20)
  --timeout S (10)        a request not answered by then counts as an error
  --port N (3960)  --dataset NAME (awards)  --only KEY,KEY  --out DIR (bench)
  --compressed            ask for br/gzip answers, as browsers do (default: uncompressed JSON)
  --analyze               run ANALYZE on the database first (planner statistics)
  --no-read-cache         start the server with READ_CACHE=off: every read computes its answer
  --officer EMAIL  --applicant EMAIL  --password TEXT   (default: the demo accounts, else the scale data's)
Endpoint keys: trivial, search, coverage, intake, autosave, pipeline, outcomes, srl, impact, opendata.`;

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    'database-url': { type: 'string' },
    engine: { type: 'string' },
    'data-dir': { type: 'string' },
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'serial-duration': { type: 'string', default: '3' },
    'sql-runs': { type: 'string', default: '20' },
    timeout: { type: 'string', default: '10' },
    port: { type: 'string', default: '3960' },
    dataset: { type: 'string', default: 'awards' },
    officer: { type: 'string' },
    applicant: { type: 'string' },
    password: { type: 'string' },
    only: { type: 'string' },
    compressed: { type: 'boolean', default: false },
    analyze: { type: 'boolean', default: false },
    'no-read-cache': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}

/** A positive number option, or exit with the option named. */
function numberOption(name, { integer = false, min = 0 } = {}) {
  const value = Number(opts[name]);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    console.error(
      `--${name}: expected ${integer ? 'a whole number' : 'a number'} ≥ ${min}, got "${opts[name]}"`,
    );
    process.exit(2);
  }
  return value;
}

const CONNECTIONS = numberOption('connections', { integer: true, min: 1 });
const DURATION = numberOption('duration', { min: 1 });
const WARMUP = numberOption('warmup');
const SERIAL = numberOption('serial-duration');
const SQL_RUNS = numberOption('sql-runs', { integer: true, min: 1 });
const TIMEOUT = numberOption('timeout', { min: 1 });
const PORT = numberOption('port', { integer: true, min: 1 });
const only = opts.only ? new Set(opts.only.split(',').map((s) => s.trim())) : null;
// Paths given on the command line are the caller's; the rest is the project's.
const OUT_DIR = path.resolve(opts.out);
const DATA_DIR = opts['data-dir'] ? path.resolve(opts['data-dir']) : undefined;
process.chdir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- Which server and which database -----------------------------------------------------------------------------

const SCALE_URL = 'postgres://postgres@127.0.0.1:5432/si_scale';

async function databaseExists(url) {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return rowCount === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function healthOf(base) {
  const response = await fetch(`${base}/api/health`);
  return response.status === 200 ? response.json() : null;
}

const external = opts.url ? opts.url.replace(/\/$/, '') : null;
let engine = opts.engine ?? (opts['data-dir'] ? 'pglite' : 'postgres');
if (engine !== 'postgres' && engine !== 'pglite') {
  console.error(`--engine: postgres or pglite, got "${engine}"`);
  process.exit(2);
}
if (external) {
  const health = await healthOf(external).catch(() => null);
  if (!health) {
    console.error(`No answer from ${external}/api/health`);
    process.exit(1);
  }
  engine = health.database.engine;
  if (engine === 'pglite') {
    console.error(
      'A running PGlite server keeps its database to itself: let the bench start it (--engine pglite --data-dir DIR).',
    );
    process.exit(2);
  }
}
let databaseUrl = opts['database-url'];
const dataDir = DATA_DIR;
if (engine === 'postgres' && !databaseUrl) {
  if (external) {
    console.error(
      '--url needs --database-url (the database that server uses): the bench picks its rows there.',
    );
    process.exit(2);
  }
  if (!(await databaseExists(SCALE_URL))) {
    console.error(
      'No --database-url and no si_scale database: generate it (see bench/README.md) or pass --database-url.',
    );
    process.exit(2);
  }
  databaseUrl = SCALE_URL;
}
if (engine === 'pglite' && !dataDir) {
  console.error('--engine pglite needs --data-dir (the server’s DATA_DIR)');
  process.exit(2);
}
if (engine === 'pglite' && !existsSync(path.join(dataDir, 'pglite'))) {
  console.error(
    `No PGlite database in ${path.join(dataDir, 'pglite')} (load one: DATA_DIR=… npm run db:seed)`,
  );
  process.exit(2);
}

// ---- Preparation: sign in, pick the rows, record and time the SQL ------------------------------------------------

function prepare() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'si-bench-'));
  const input = path.join(work, 'input.json');
  const output = path.join(work, 'output.json');
  writeFileSync(
    input,
    JSON.stringify({
      engine,
      databaseUrl,
      dataDir,
      drafts: CONNECTIONS,
      sqlRuns: SQL_RUNS,
      officerEmail: opts.officer,
      applicantEmail: opts.applicant,
      password: opts.password,
      dataset: opts.dataset,
      analyze: opts.analyze,
    }),
  );
  console.log('» Signing in, picking rows, recording and timing each endpoint’s SQL …');
  const result = spawnSync('node', ['--import', 'tsx', 'scripts/bench/prepare.ts', input, output], {
    stdio: 'inherit',
  });
  const plan = result.status === 0 ? JSON.parse(readFileSync(output, 'utf8')) : null;
  rmSync(work, { recursive: true, force: true });
  if (!plan) {
    process.exit(result.status ?? 1);
  }
  return plan;
}

// ---- The server --------------------------------------------------------------------------------------------------

/** The build when it is newer than the sources, else the sources through tsx. */
function serverCommand() {
  const main = 'dist/server/main.js';
  if (existsSync(main) && newestMtime(['src']) <= statSync(main).mtimeMs) {
    return { command: ['node', [main]], kind: 'dist build' };
  }
  return { command: ['node', ['--import', 'tsx', 'src/server/main.ts']], kind: 'sources (tsx)' };
}

async function startServer(base) {
  const { command, kind } = serverCommand();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(PORT),
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'false',
    REQUIRE_2FA_FOR_STAFF: 'false',
    // Lifts every per-route rate limit (search 300/min, coverage and open data 120/min per client IP): the load
    // comes from one address. The hits are still counted, in memory and added to the shared rows every 250 ms.
    RATE_LIMIT_FACTOR: '100000',
    // --no-read-cache: every request computes its answer (the uncached path of the cached reads).
    READ_CACHE: opts['no-read-cache'] ? 'off' : 'on',
    DATABASE_URL: engine === 'postgres' ? databaseUrl : '',
    ...(engine === 'pglite' ? { DATA_DIR: dataDir } : {}),
  };
  console.log(`» Starting the server (${kind}, ${engine}) on ${base} …`);
  const child = spawn(command[0], command[1], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode}`);
    }
    try {
      if (await healthOf(base)) {
        return { child, kind };
      }
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 180_000) {
      child.kill('SIGTERM');
      throw new Error('the server did not answer within 3 minutes');
    }
    await sleep(100);
  }
}

// ---- Load --------------------------------------------------------------------------------------------------------

/** Runs autocannon; returns its result and every response's latency. */
async function fire(base, options) {
  const latencies = [];
  const instance = autocannon({ url: base, timeout: TIMEOUT, ...options });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  return { result, latencies };
}

/** Autocannon requests for an endpoint: GETs rotating through its variants, or autosaves of free drafts. */
function requestsFor(endpoint, sessions) {
  const session = endpoint.role ? sessions[endpoint.role] : null;
  const headers = {
    ...(session ? { cookie: session.cookie } : {}),
    ...(opts.compressed && endpoint.method === 'GET' ? { 'accept-encoding': 'br, gzip' } : {}),
  };
  if (endpoint.method === 'GET') {
    let next = 0;
    const paths = endpoint.requests.map((r) => r.path);
    return [
      {
        method: 'GET',
        headers,
        setupRequest(request) {
          request.path = paths[next % paths.length];
          next += 1;
          return request;
        },
      },
    ];
  }
  // Autosave: each request takes a draft no other connection is saving, with the version its last save returned.
  const drafts = endpoint.pool;
  return [
    {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': session.csrf },
      setupRequest(request, context) {
        const draft = drafts.find((d) => !d.busy) ?? drafts[endpoint.saves % drafts.length];
        draft.busy = true;
        context.draft = draft;
        endpoint.saves += 1;
        request.path = `/api/proposals/${draft.id}`;
        request.body = JSON.stringify({
          version: draft.version,
          answers: { [draft.questionId]: `ข้อความร่างครั้งที่ ${endpoint.saves} `.repeat(10) },
        });
        return request;
      },
      onResponse(status, body, context) {
        const draft = context.draft;
        if (!draft) {
          return;
        }
        draft.busy = false;
        try {
          const parsed = JSON.parse(body);
          const version = status === 200 ? parsed.data?.version : parsed.error?.details?.currentVersion;
          if (typeof version === 'number') {
            draft.version = version;
          }
        } catch {
          // not JSON: leave the version
        }
      },
    },
  ];
}

/**
 * Autosave keeps its drafts across runs; a run ends with saves in flight, so each run starts from the versions the
 * server has.
 */
async function refreshDrafts(base, endpoint, sessions) {
  endpoint.pool ??= endpoint.drafts.map((d) => ({ ...d }));
  endpoint.saves ??= 0;
  for (const draft of endpoint.pool) {
    const response = await fetch(`${base}/api/proposals/${draft.id}`, {
      headers: { cookie: sessions.applicant.cookie },
    });
    const body = await response.json();
    if (response.status !== 200) {
      throw new Error(`reading draft ${draft.id}: ${response.status} ${JSON.stringify(body)}`);
    }
    draft.version = body.data.version;
    draft.busy = false;
  }
}

/** One request of a GET endpoint before its load: why it failed (e.g. a second factor asked for), or null. */
async function probe(base, endpoint, sessions) {
  if (endpoint.method !== 'GET') {
    return null;
  }
  const session = endpoint.role ? sessions[endpoint.role] : null;
  const response = await fetch(base + endpoint.requests[0].path, {
    headers: session ? { cookie: session.cookie } : {},
  });
  const text = await response.text();
  return response.ok ? null : `${response.status} ${text.slice(0, 200)}`;
}

/** The health check's time (ms) on an idle server, measured once the server is up. */
let idleHealthMs = 5;

/** How long a health check takes (ms); infinite when it fails. */
async function timedHealth(base) {
  const started = performance.now();
  const health = await healthOf(base).catch(() => null);
  return health ? performance.now() - started : Number.POSITIVE_INFINITY;
}

/**
 * Waits for the requests a run left in flight: autocannon stops at the end of a run (and gives up on a request after
 * --timeout), but the server still works through what it accepted. Idle again is five health checks in a row as
 * quick as on the idle server.
 */
async function drain(base) {
  const quick = Math.max(5, 3 * idleHealthMs);
  const until = performance.now() + 300_000;
  for (let streak = 0; streak < 5 && performance.now() < until;) {
    streak = (await timedHealth(base)) <= quick ? streak + 1 : 0;
    await sleep(50);
  }
}

async function measureEndpoint(base, endpoint, sessions) {
  const requests = async () => {
    if (endpoint.method === 'PATCH') {
      await refreshDrafts(base, endpoint, sessions);
    }
    return requestsFor(endpoint, sessions);
  };
  if (WARMUP > 0) {
    await fire(base, { connections: CONNECTIONS, duration: WARMUP, requests: await requests() });
    await drain(base);
  }
  const { result, latencies } = await fire(base, {
    connections: CONNECTIONS,
    duration: DURATION,
    requests: await requests(),
  });
  await drain(base);
  // A request given up on took at least --timeout: it counts as that long (and as an error), not as missing.
  const summary = report.latencySummary([
    ...latencies,
    ...Array.from({ length: result.timeouts }, () => TIMEOUT * 1000),
  ]);
  const load = {
    requests: latencies.length,
    // autocannon's errors include its timeouts
    errors: result.non2xx + result.errors,
    rps: latencies.length / DURATION,
    ...summary,
  };
  let serialP50;
  if (SERIAL > 0) {
    const serial = await fire(base, { connections: 1, duration: SERIAL, requests: await requests() });
    serialP50 = report.latencySummary(serial.latencies).p50;
    await drain(base);
  }
  return {
    load,
    serialP50,
    statusCodes: result.statusCodeStats,
    timeouts: result.timeouts,
    connectionErrors: result.errors - result.timeouts,
  };
}

// ---- Run ---------------------------------------------------------------------------------------------------------

const loadBefore = os.loadavg()[0];
const plan = prepare();
const base = external ?? `http://127.0.0.1:${PORT}`;
const server = external ? null : await startServer(base);
{
  const times = [];
  for (let i = 0; i < 20; i += 1) {
    times.push(await timedHealth(base));
  }
  idleHealthMs = report.median(times);
}
const rows = [];
const details = [];
try {
  for (const endpoint of plan.endpoints) {
    if (only && !only.has(endpoint.key) && endpoint.key !== 'trivial') {
      continue;
    }
    const row = {
      key: endpoint.key,
      label: endpoint.label,
      kind: endpoint.kind,
      method: endpoint.method,
      sqlMainP50: endpoint.sql?.mainP50Ms,
      sqlAllP50: endpoint.sql?.allP50Ms,
      statements: endpoint.sql?.statements,
    };
    if (endpoint.skipped || endpoint.requests.length === 0) {
      rows.push({ ...row, skipped: endpoint.skipped ?? 'nothing to request' });
      continue;
    }
    const refused = await probe(base, endpoint, plan.sessions);
    if (refused) {
      console.log(`» ${endpoint.label}: skipped, ${refused}`);
      rows.push({ ...row, skipped: refused });
      continue;
    }
    process.stdout.write(`» ${endpoint.label}: ${CONNECTIONS} connections, ${DURATION} s … `);
    let measured;
    try {
      measured = await measureEndpoint(base, endpoint, plan.sessions);
    } catch (error) {
      console.log(`failed: ${error.message}`);
      rows.push({ ...row, skipped: `failed: ${error.message}` });
      continue;
    }
    console.log(
      `p95 ${report.formatMs(measured.load.p95)} ms, ${measured.load.rps.toFixed(0)} req/s` +
        (measured.load.errors > 0
          ? `, ${measured.load.errors} errors (${measured.timeouts} timeouts; answers ${JSON.stringify(measured.statusCodes)})`
          : ''),
    );
    rows.push({ ...row, load: measured.load, serialP50: measured.serialP50 });
    details.push({
      key: endpoint.key,
      statusCodes: measured.statusCodes,
      timeouts: measured.timeouts,
      connectionErrors: measured.connectionErrors,
      sql: endpoint.sql ?? null,
    });
  }
} finally {
  server?.child.kill('SIGTERM');
}

const run = {
  engine,
  connections: CONNECTIONS,
  durationSeconds: DURATION,
  limitsLifted: !external,
  rows,
};
const context = {
  date: new Date().toISOString(),
  target: external ? `${external} (external server)` : `${base} (${server?.kind})`,
  database: engine === 'postgres' ? new URL(databaseUrl).pathname.slice(1) : dataDir,
  scale: plan.scale,
  cpus: os.cpus().length,
  /** The machine's 1-minute load average before and after: above the CPU count, something else competed. */
  loadAverage: [loadBefore, os.loadavg()[0]].map((n) => Math.round(n * 10) / 10),
  node: process.version,
  warmupSeconds: WARMUP,
  serialSeconds: SERIAL,
  sqlRuns: SQL_RUNS,
  compressed: opts.compressed,
  analyzed: opts.analyze,
  readCache: !opts['no-read-cache'],
  neverAnalyzed: plan.neverAnalyzed,
  accounts: plan.accounts,
  notes: plan.notes,
};
const limitsLine = run.limitsLifted
  ? 'Rate limits lifted (RATE_LIMIT_FACTOR=100000); each limited route still counts its hits (batched into the database).'
  : 'External server: its rate limits apply (search 300/min, coverage and open data 120/min per client IP) and may answer 429.';
const header = [
  `Engine ${engine} · database ${context.database} · ${Object.entries(plan.scale)
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
    .join(', ')}`,
  `${CONNECTIONS} connections · ${DURATION} s per endpoint (after ${WARMUP} s warm-up) · 1-connection pass ${SERIAL} s · server ${context.target} · ${context.cpus} CPUs (load average ${context.loadAverage.join(' → ')}) · Node ${context.node}`,
  limitsLine,
  context.readCache
    ? 'Read cache on: repeated reads are answered from memory until the data changes (--no-read-cache measures them computed).'
    : 'Read cache off (--no-read-cache): every read computes its answer.',
  ...plan.notes,
];
const { passed, failed } = report.tally(run);
console.log(
  `\n${header.join('\n')}\n\n${report.renderTable(run)}\n\nTargets: ${passed} met, ${failed} missed.`,
);

const outDir = OUT_DIR;
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify({ run, context, details }, null, 2)}\n`);

const slowest = details
  .filter((d) => d.sql && d.key !== 'trivial')
  .sort((a, b) => b.sql.mainP50Ms - a.sql.mainP50Ms)
  .slice(0, 3);
const markdown = [
  '# Benchmark results',
  '',
  `${context.date} — written by \`npm run bench\`; bench/README.md explains the columns and the targets.`,
  '',
  ...header.map((line) => `- ${line}`),
  '',
  report.renderMarkdownTable(run),
  '',
  `Targets: ${passed} met, ${failed} missed.`,
  '',
  '## The slowest statements',
  '',
  ...slowest.flatMap((d) => [
    `### ${rows.find((r) => r.key === d.key)?.label ?? d.key} — ${report.formatMs(d.sql.mainP50Ms)} ms`,
    '',
    '```sql',
    d.sql.mainSql,
    '```',
    '',
    '```',
    ...d.sql.explain,
    '```',
    '',
  ]),
].join('\n');
writeFileSync(path.join(outDir, 'results.md'), markdown);
console.log(`Written: ${path.relative(process.cwd(), path.join(outDir, 'results.json'))}, results.md`);
