// The in-process half of `npm run bench` (scripts/bench.mjs runs it as `node --import tsx scripts/bench/prepare.ts
// <input.json> <output.json>` before the load): builds the application on the benchmarked database, signs the officer
// and the applicant in once each (their cookies are reused by the load), picks the rows each endpoint hits, records
// the SQL each endpoint runs (one request per variant through app.inject, queries taken from Drizzle's logger) and
// times that SQL on its own: every statement of a request replayed in order in one transaction that is rolled back,
// with the pg driver on a PostgreSQL server, in-process on PGlite. EXPLAIN (ANALYZE, BUFFERS) of each endpoint's
// slowest statement comes with it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import { buildApp } from '@server/app';
import { createPglite, neverListening, type Database, type DatabaseHandle } from '@server/db/client';
import * as schema from '@server/db/schema/index';
import { parseEnv } from '@server/env';
import type { OpenPage } from '@shared/contracts/open-data';
import { PROVINCES } from '@shared/reference/provinces';
import { median, type BenchEndpointKind } from './report';

export interface PrepareInput {
  engine: 'postgres' | 'pglite';
  /** PostgreSQL: the database's URL. */
  databaseUrl?: string;
  /** PGlite: the server's DATA_DIR (the database lives in DATA_DIR/pglite). */
  dataDir?: string;
  /** How many drafts autosave needs: one per connection, so that saves never race each other. */
  drafts: number;
  /** Replays of each request's SQL. */
  sqlRuns: number;
  /** The accounts to sign in with; by default the demo accounts, else those of the scale data. */
  officerEmail?: string;
  applicantEmail?: string;
  password?: string;
  /** The open dataset whose pages are read. */
  dataset: string;
  /** Run ANALYZE first (planner statistics; PGlite and a server without autovacuum have none until then). */
  analyze: boolean;
}

export interface BenchRequest {
  path: string;
  /** PATCH bodies are built by the load from the draft's current version. */
  draftId?: string;
}

export interface StatementTiming {
  sql: string;
  /** Its parameters, as sent (to run it again by hand). */
  params: unknown[];
  p50Ms: number;
  error?: string;
}

export interface EndpointPlan {
  key: string;
  label: string;
  kind: BenchEndpointKind;
  method: 'GET' | 'PATCH';
  role: 'officer' | 'applicant' | null;
  /** The requests the load rotates through. */
  requests: BenchRequest[];
  /** Autosave: the drafts and the text question each save writes. */
  drafts?: Array<{ id: string; version: number; questionId: string }>;
  sql?: {
    /** Statements per request (transaction control left out), the largest of the variants. */
    statements: number;
    /** The median over every replay of each variant's slowest statement. */
    mainP50Ms: number;
    /** The median over every replay of a request's statements one after another. */
    allP50Ms: number;
    /** The slowest statement (of the variant where it is slowest) and its plan. */
    mainSql: string;
    explain: string[];
    explainMs: number | null;
    variants: Array<{ path: string; statements: StatementTiming[] }>;
  };
  skipped?: string;
}

export interface PrepareOutput {
  engine: 'postgres' | 'pglite';
  accounts: { officer: string; applicant: string };
  sessions: Record<'officer' | 'applicant', { cookie: string; csrf: string }>;
  scale: Record<string, number>;
  /** Tables never analyzed (no planner statistics) when the SQL was timed. */
  neverAnalyzed: string[];
  endpoints: EndpointPlan[];
  notes: string[];
}

interface Statement {
  sql: string;
  params: unknown[];
}

/** Runs raw SQL on the benchmarked database, outside the application: the pg driver, or the PGlite instance. */
interface RawDatabase {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
}

// ---- The application, with every query of a recorded request kept -------------------------------------------------

const recording = new AsyncLocalStorage<Statement[]>();
const RECORD_HEADER = 'x-bench-record';
const recordings = new Map<string, Statement[]>();
let recordingSeq = 0;
/** Drizzle's logger sees each query with its parameters before it runs; only those of a recorded request are kept. */
const recorder: Logger = {
  logQuery(query, params) {
    recording.getStore()?.push({ sql: query, params });
  },
};

async function openDatabases(
  input: PrepareInput,
): Promise<{ handle: DatabaseHandle; raw: RawDatabase; closeAll: () => Promise<void> }> {
  if (input.engine === 'postgres') {
    if (!input.databaseUrl) {
      throw new Error('a PostgreSQL benchmark needs the database URL');
    }
    // As the server's own connections (src/server/db/client.ts): no JIT compilation.
    const settings = { connectionString: input.databaseUrl, options: '-c jit=off' };
    const pool = new pg.Pool({ ...settings, max: 8 });
    const db = drizzlePg({
      client: pool,
      schema,
      casing: 'snake_case',
      logger: recorder,
    }) as unknown as Database;
    const client = new pg.Client(settings);
    await client.connect();
    const handle: DatabaseHandle = {
      db,
      engine: 'postgres',
      withAdvisoryLock: (_key, fn) => fn(),
      // Every request computes its answer: the recorded statements are those of an uncached read.
      listen: neverListening,
      close: () => pool.end(),
    };
    const raw: RawDatabase = {
      query: async <T>(text: string, params: unknown[] = []) =>
        (await client.query(text, params)).rows as T[],
    };
    return {
      handle,
      raw,
      closeAll: async () => Promise.all([pool.end(), client.end()]).then(() => undefined),
    };
  }
  if (!input.dataDir) {
    throw new Error('a PGlite benchmark needs the data folder');
  }
  const pglite: PGlite = createPglite({ dataDir: path.resolve(input.dataDir, 'pglite') });
  await pglite.waitReady;
  const db = drizzlePglite({
    client: pglite,
    schema,
    casing: 'snake_case',
    logger: recorder,
  }) as unknown as Database;
  const handle: DatabaseHandle = {
    db,
    engine: 'pglite',
    withAdvisoryLock: (_key, fn) => fn(),
    listen: neverListening,
    close: async () => undefined,
  };
  const raw: RawDatabase = {
    query: async <T>(text: string, params: unknown[] = []) => (await pglite.query<T>(text, params)).rows,
  };
  return { handle, raw, closeAll: () => pglite.close() };
}

interface Answer {
  status: number;
  body: string;
  statements: Statement[];
}

type Session = { cookie: string; csrf: string };

/** The application listening on a free loopback port; each request's queries are recorded while it runs. */
class Recorded {
  private constructor(
    private readonly app: FastifyInstance,
    private readonly base: string,
  ) {}

  static async start(app: FastifyInstance): Promise<Recorded> {
    // Everything a request runs, its first hook on, is recorded in the list its header names: the server's own
    // request listener is called inside that list's context.
    const [handler] = app.server.listeners('request') as Array<
      (req: IncomingMessage, res: ServerResponse) => void
    >;
    if (!handler) {
      throw new Error('the application has no request listener');
    }
    app.server.removeAllListeners('request');
    app.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const id = req.headers[RECORD_HEADER];
      const statements = typeof id === 'string' ? recordings.get(id) : undefined;
      if (statements) {
        recording.run(statements, () => handler(req, res));
      } else {
        handler(req, res);
      }
    });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    return new Recorded(app, address);
  }

  async send(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    session: Session | null,
    body?: unknown,
  ): Promise<Answer & { setCookies: string[] }> {
    const statements: Statement[] = [];
    const id = String((recordingSeq += 1));
    recordings.set(id, statements);
    const headers: Record<string, string> = { [RECORD_HEADER]: id };
    if (session) {
      headers.cookie = session.cookie;
    }
    if (method !== 'GET') {
      headers.origin = this.base;
      if (session) {
        headers['x-csrf-token'] = session.csrf;
      }
    }
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    try {
      const response = await fetch(this.base + url, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return {
        status: response.status,
        body: await response.text(),
        statements,
        setCookies: response.headers.getSetCookie(),
      };
    } finally {
      recordings.delete(id);
    }
  }

  async sendOk<T>(method: 'GET' | 'POST' | 'PATCH', url: string, session: Session | null, body?: unknown) {
    const response = await this.send(method, url, session, body);
    if (response.status >= 300) {
      throw new Error(`${method} ${url}: ${response.status} ${response.body.slice(0, 400)}`);
    }
    return JSON.parse(response.body) as T;
  }

  async login(email: string, password: string): Promise<Session> {
    const response = await this.send('POST', '/api/auth/login', null, { email, password });
    if (response.status !== 200) {
      throw new Error(`signing in as ${email}: ${response.status} ${response.body.slice(0, 300)}`);
    }
    const body = JSON.parse(response.body) as { data: { status: string; csrfToken: string } };
    if (body.data.status !== 'signed_in') {
      throw new Error(`signing in as ${email}: ${body.data.status} (a second factor is asked for)`);
    }
    const cookie = response.setCookies.map((c) => c.split(';')[0]).join('; ');
    return { cookie, csrf: body.data.csrfToken };
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

// ---- Replaying a request's SQL on its own ------------------------------------------------------------------------

const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/** JSON-safe parameters (bigints as text), for the raw drivers and the output file alike. */
function plainParams(params: unknown[]): unknown[] {
  return params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
}

/**
 * Replays `statements` `runs` times, each run in one transaction rolled back at the end (after `setup`, untimed).
 * Each statement runs inside a savepoint, so that one failing does not stop the rest; returns every statement's
 * durations and each run's total.
 */
async function replay(
  raw: RawDatabase,
  statements: Statement[],
  runs: number,
  setup: Statement[] = [],
): Promise<{ durations: number[][]; totals: number[]; errors: Array<string | undefined> }> {
  const durations: number[][] = statements.map(() => []);
  const errors: Array<string | undefined> = statements.map(() => undefined);
  const totals: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await raw.query('BEGIN');
    try {
      for (const s of setup) {
        await raw.query(s.sql, s.params);
      }
      let total = 0;
      for (const [i, s] of statements.entries()) {
        await raw.query('SAVEPOINT bench_statement');
        const started = performance.now();
        try {
          await raw.query(s.sql, plainParams(s.params));
          await raw.query('RELEASE SAVEPOINT bench_statement');
        } catch (error) {
          errors[i] = error instanceof Error ? error.message : String(error);
          await raw.query('ROLLBACK TO SAVEPOINT bench_statement');
        }
        const elapsed = performance.now() - started;
        durations[i]?.push(elapsed);
        total += elapsed;
      }
      totals.push(total);
    } finally {
      await raw.query('ROLLBACK');
    }
  }
  return { durations, totals, errors };
}

/** EXPLAIN (ANALYZE, BUFFERS) of `statements[index]`, run after the statements before it in a rolled-back transaction. */
async function explain(
  raw: RawDatabase,
  statements: Statement[],
  index: number,
  setup: Statement[],
): Promise<{ plan: string[]; executionMs: number | null }> {
  await raw.query('BEGIN');
  try {
    for (const s of setup) {
      await raw.query(s.sql, s.params);
    }
    for (const s of statements.slice(0, index)) {
      await raw.query('SAVEPOINT bench_statement');
      try {
        await raw.query(s.sql, plainParams(s.params));
        await raw.query('RELEASE SAVEPOINT bench_statement');
      } catch {
        await raw.query('ROLLBACK TO SAVEPOINT bench_statement');
      }
    }
    const target = statements[index];
    if (!target) {
      return { plan: [], executionMs: null };
    }
    const rows = await raw.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${target.sql}`,
      plainParams(target.params),
    );
    const plan = rows.map((r) => r['QUERY PLAN']);
    const time = plan.map((line) => /Execution Time: ([\d.]+) ms/.exec(line)).find(Boolean);
    return { plan, executionMs: time ? Number(time[1]) : null };
  } finally {
    await raw.query('ROLLBACK');
  }
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Variant {
  path: string;
  statements: Statement[];
  /** Untimed statements that put the data back as the recorded request found it (autosave: the draft's version). */
  setup?: Statement[];
}

async function timeVariants(
  raw: RawDatabase,
  variants: Variant[],
  runs: number,
): Promise<EndpointPlan['sql']> {
  const mainSamples: number[] = [];
  const totalSamples: number[] = [];
  let slowest: { variant: Variant; index: number; p50: number } | null = null;
  const out: NonNullable<EndpointPlan['sql']>['variants'] = [];
  for (const variant of variants) {
    const statements = variant.statements.filter((s) => !CONTROL.test(s.sql));
    if (statements.length === 0) {
      continue;
    }
    const { durations, totals, errors } = await replay(raw, statements, runs, variant.setup);
    const p50s = durations.map((d) => median(d));
    let main = 0;
    p50s.forEach((p, i) => {
      if (p > (p50s[main] ?? 0)) {
        main = i;
      }
    });
    mainSamples.push(...(durations[main] ?? []));
    totalSamples.push(...totals);
    if (!slowest || (p50s[main] ?? 0) > slowest.p50) {
      slowest = { variant: { ...variant, statements }, index: main, p50: p50s[main] ?? 0 };
    }
    out.push({
      path: variant.path,
      statements: statements.map((s, i) => ({
        sql: oneLine(s.sql),
        params: plainParams(s.params),
        p50Ms: round(p50s[i] ?? 0),
        ...(errors[i] ? { error: errors[i] } : {}),
      })),
    });
  }
  if (!slowest) {
    return undefined;
  }
  const plan = await explain(raw, slowest.variant.statements, slowest.index, slowest.variant.setup ?? []);
  const mainStatement = slowest.variant.statements[slowest.index];
  return {
    statements: Math.max(...out.map((v) => v.statements.length)),
    mainP50Ms: round(median(mainSamples)),
    allP50Ms: round(median(totalSamples)),
    mainSql: mainStatement ? oneLine(mainStatement.sql) : '',
    explain: plan.plan,
    explainMs: plan.executionMs,
    variants: out,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// ---- What each endpoint hits -------------------------------------------------------------------------------------

/** Thai queries people type: one word or several, without spaces, partial, misspelt, a broad common word. */
export const THAI_QUERIES = [
  'ธนาคารน้ำใต้ดิน',
  'ผ้าย้อมคราม',
  'โคกหนองนา',
  'ผู้ป่วยติดเตียง',
  'เตือนภัยน้ำป่า',
  'ภัยแล้ง บ่อเติมน้ำ',
  'สมุนไพ',
  'พิพิทภัณฑ์',
  'ชุมชน',
];

/** Tables the planner has no statistics for (never analyzed nor vacuumed). */
async function neverAnalyzedTables(raw: RawDatabase): Promise<string[]> {
  const rows = await raw.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
      WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples < 0 ORDER BY relname`,
  );
  return rows.map((r) => r.name);
}

async function scaleOf(raw: RawDatabase): Promise<Record<string, number>> {
  const tables = ['proposals', 'innovations', 'projects', 'organisations', 'users', 'decisions', 'adoptions'];
  const scale: Record<string, number> = {};
  for (const table of tables) {
    const rows = await raw.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
    scale[table] = Number(rows[0]?.n ?? 0);
  }
  return scale;
}

interface IntakeTarget {
  callId: string;
  code: string;
  proposals: number;
  province: number | null;
  theme: string | null;
  word: string | null;
}

async function intakeTarget(raw: RawDatabase): Promise<IntakeTarget | null> {
  const [call] = await raw.query<{ id: string; code: string; n: string | number }>(
    `SELECT c.id, c.code, count(*) AS n FROM calls c JOIN proposals p ON p.call_id = c.id
      WHERE p.status <> 'draft' GROUP BY c.id, c.code ORDER BY count(*) DESC, c.code LIMIT 1`,
  );
  if (!call) {
    return null;
  }
  const [province] = await raw.query<{ code: number }>(
    `SELECT unnest(province_codes) AS code FROM proposals WHERE call_id = $1 AND status <> 'draft'
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [call.id],
  );
  const [theme] = await raw.query<{ code: string }>(
    `SELECT unnest(themes) AS code FROM proposals WHERE call_id = $1 AND status <> 'draft'
      GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [call.id],
  );
  // a Thai word of a title in the call (the most frequent first word of three letters or more)
  const [word] = await raw.query<{ word: string }>(
    `SELECT w AS word FROM (SELECT split_part(search_text, ' ', 1) AS w FROM proposals
                              WHERE call_id = $1 AND status <> 'draft') t
      WHERE w ~ '[\u0E00-\u0E7F]' AND length(w) >= 3 GROUP BY w ORDER BY count(*) DESC, w LIMIT 1`,
    [call.id],
  );
  return {
    callId: call.id,
    code: call.code,
    proposals: Number(call.n),
    province: province ? Number(province.code) : null,
    theme: theme?.code ?? null,
    word: word?.word ?? null,
  };
}

interface DraftDetail {
  data: {
    id: string;
    version: number;
    form: { sections: Array<{ questions: Array<{ id: string; type: string }> }> };
  };
}

/** The applicant's editable drafts in open calls, topped up to `wanted` with new drafts in an open call. */
async function applicantDrafts(
  server: Recorded,
  raw: RawDatabase,
  applicant: Session,
  email: string,
  wanted: number,
  notes: string[],
): Promise<Array<{ id: string; version: number; questionId: string }>> {
  const editable = await raw.query<{ id: string }>(
    `SELECT p.id FROM proposals p
       JOIN calls c ON c.id = p.call_id
       JOIN organisation_members m ON m.organisation_id = p.organisation_id
       JOIN users u ON u.id = m.user_id
      WHERE u.email = $1 AND m.role IN ('owner', 'editor') AND p.status = 'draft'
        AND c.status = 'published' AND c.opens_at <= now() AND c.closes_at > now()
      ORDER BY md5(p.id::text) LIMIT $2`,
    [email, wanted],
  );
  const ids = editable.map((r) => r.id);
  if (ids.length < wanted) {
    const [target] = await raw.query<{ call_id: string; organisation_id: string }>(
      `SELECT c.id AS call_id, m.organisation_id FROM calls c
         CROSS JOIN organisation_members m JOIN users u ON u.id = m.user_id
        WHERE u.email = $1 AND m.role IN ('owner', 'editor')
          AND c.status = 'published' AND c.opens_at <= now() AND c.closes_at > now()
          AND EXISTS (SELECT 1 FROM call_forms f WHERE f.call_id = c.id)
        ORDER BY c.closes_at DESC, m.organisation_id LIMIT 1`,
      [email],
    );
    if (!target) {
      notes.push(`autosave: ${email} has ${ids.length} drafts and no open call to start more in`);
    } else {
      for (let n = ids.length; n < wanted; n += 1) {
        const created = await server.sendOk<DraftDetail>('POST', '/api/proposals', applicant, {
          callId: target.call_id,
          organisationId: target.organisation_id,
          titleTh: `ร่างทดสอบความเร็ว ${n + 1}`,
        });
        ids.push(created.data.id);
      }
      notes.push(`autosave: started ${wanted - editable.length} drafts for ${email} (one per connection)`);
    }
  }
  const drafts = [];
  for (const id of ids) {
    const detail = await server.sendOk<DraftDetail>('GET', `/api/proposals/${id}`, applicant);
    const question = detail.data.form.sections
      .flatMap((s) => s.questions)
      .find((q) => q.type === 'long_text' || q.type === 'short_text');
    if (question) {
      drafts.push({ id, version: detail.data.version, questionId: question.id });
    }
  }
  return drafts;
}

/** The text an autosave writes (the same the load sends). */
export function autosaveAnswer(n: number): string {
  return `ข้อความร่างครั้งที่ ${n} `.repeat(10);
}

async function openDataPages(server: Recorded, dataset: string): Promise<number[]> {
  const first = await server.sendOk<{ page: OpenPage }>(
    'GET',
    `/api/open/v1/datasets/${dataset}?page=1`,
    null,
  );
  const last = Math.max(1, first.page.totalPages);
  const pages = new Set([1, Math.ceil(last / 4), Math.ceil(last / 2), Math.ceil((3 * last) / 4), last]);
  return [...pages].filter((p) => p >= 1);
}

/** The demo data's accounts (npm run db:seed) and the scale data's (npm run seed:scale). */
const KNOWN_ACCOUNTS = [
  {
    officer: 'officer@demo.si-platform.test',
    applicant: 'applicant@demo.si-platform.test',
    password: 'demo-password-2569',
  },
  {
    officer: 'officer1@scale.si-platform.test',
    applicant: 'applicant1@scale.si-platform.test',
    password: 'scale-password-2569',
  },
];

/** The accounts given, else the first known pair whose officer exists in the database. */
async function accountsOf(
  raw: RawDatabase,
  input: PrepareInput,
): Promise<{ officer: string; applicant: string; password: string }> {
  if (input.officerEmail && input.applicantEmail && input.password) {
    return { officer: input.officerEmail, applicant: input.applicantEmail, password: input.password };
  }
  for (const known of KNOWN_ACCOUNTS) {
    const rows = await raw.query<{ n: number }>('SELECT 1 AS n FROM users WHERE email = $1', [known.officer]);
    if (rows.length > 0) {
      return {
        officer: input.officerEmail ?? known.officer,
        applicant: input.applicantEmail ?? known.applicant,
        password: input.password ?? known.password,
      };
    }
  }
  throw new Error(
    'neither the demo nor the scale-data accounts are in this database: give --officer, --applicant and --password',
  );
}

// ---- Main --------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const [inputFile, outputFile] = process.argv.slice(2);
  if (!inputFile || !outputFile) {
    throw new Error('usage: prepare.ts <input.json> <output.json>');
  }
  const input = JSON.parse(readFileSync(inputFile, 'utf8')) as PrepareInput;
  const { handle, raw, closeAll } = await openDatabases(input);
  if (input.analyze) {
    await raw.query('ANALYZE');
  }
  // the application's file storage, unused by the benchmarked requests (PGlite: the server's own DATA_DIR)
  const scratch = mkdtempSync(path.join(tmpdir(), 'si-bench-files-'));
  const env = parseEnv({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '.tmp/no-web',
    RATE_LIMIT_FACTOR: '100000',
    REQUIRE_2FA_FOR_STAFF: 'false',
    OUTBOX_POLL_MS: '600000',
    REMINDER_POLL_MS: '86400000',
    DATA_DIR: input.dataDir ?? scratch,
  });
  const app = await buildApp({ database: handle, env, logger: false });
  const server = await Recorded.start(app);
  const notes: string[] = [];
  try {
    const accounts = await accountsOf(raw, input);
    const officer = await server.login(accounts.officer, accounts.password);
    const applicant = await server.login(accounts.applicant, accounts.password);
    const sessions = { officer, applicant };
    const scale = await scaleOf(raw);
    const neverAnalyzed = await neverAnalyzedTables(raw);
    if (neverAnalyzed.length > 0) {
      notes.push(
        `${neverAnalyzed.length} tables have no planner statistics (never analyzed: no autovacuum on PGlite, ` +
          `or autovacuum off): plans may differ from a server's; --analyze runs ANALYZE first`,
      );
    }
    const endpoints: EndpointPlan[] = [];

    /** Records each request (after one unrecorded request to warm it), then times its SQL. */
    const measure = async (
      plan: Omit<EndpointPlan, 'sql'>,
      session: Session | null,
    ): Promise<EndpointPlan> => {
      const variants: Variant[] = [];
      for (const request of plan.requests) {
        await server.send('GET', request.path, session);
        const recorded = await server.send('GET', request.path, session);
        if (recorded.status !== 200) {
          throw new Error(`${plan.label}: GET ${request.path} answered ${recorded.status} ${recorded.body}`);
        }
        variants.push({ path: request.path, statements: recorded.statements });
      }
      return { ...plan, sql: await timeVariants(raw, variants, input.sqlRuns) };
    };

    endpoints.push(
      await measure(
        {
          key: 'trivial',
          label: 'Health (trivial JSON)',
          kind: 'trivial',
          method: 'GET',
          role: null,
          requests: [{ path: '/api/health' }],
        },
        null,
      ),
    );
    endpoints.push(
      await measure(
        {
          key: 'search',
          label: 'Catalogue search (Thai)',
          kind: 'search',
          method: 'GET',
          role: null,
          requests: THAI_QUERIES.map((q) => ({ path: `/api/innovations?q=${encodeURIComponent(q)}` })),
        },
        null,
      ),
    );
    endpoints.push(
      await measure(
        {
          key: 'coverage',
          label: 'Coverage map data',
          kind: 'read',
          method: 'GET',
          role: null,
          requests: ['', '?measure=projects', '?measure=money_per_poor'].map((q) => ({
            path: `/api/coverage${q}`,
          })),
        },
        null,
      ),
    );

    const intake = await intakeTarget(raw);
    if (intake) {
      const region = PROVINCES.find((p) => p.code === intake.province)?.region;
      const middle = Math.max(1, Math.ceil(intake.proposals / 50 / 2));
      const filters = [
        '',
        intake.province ? `?status=submitted&province=${intake.province}` : '?status=submitted',
        region && intake.theme ? `?region=${region}&theme=${intake.theme}` : '?eligible=yes',
        intake.word ? `?q=${encodeURIComponent(intake.word)}` : '?sort=title',
        `?sort=-requested&page=${middle}`,
        '?phase=review',
      ];
      endpoints.push(
        await measure(
          {
            key: 'intake',
            label: `Officer proposal list (${intake.code}, filters)`,
            kind: 'read',
            method: 'GET',
            role: 'officer',
            requests: filters.map((f) => ({ path: `/api/calls/${intake.callId}/proposals${f}` })),
          },
          officer,
        ),
      );
    } else {
      endpoints.push({
        key: 'intake',
        label: 'Officer proposal list (filters)',
        kind: 'read',
        method: 'GET',
        role: 'officer',
        requests: [],
        skipped: 'no call has submitted proposals',
      });
    }

    const drafts = await applicantDrafts(server, raw, applicant, accounts.applicant, input.drafts, notes);
    const autosave: EndpointPlan = {
      key: 'autosave',
      label: 'Draft autosave (PATCH)',
      kind: 'write',
      method: 'PATCH',
      role: 'applicant',
      requests: drafts.map((d) => ({ path: `/api/proposals/${d.id}`, draftId: d.id })),
      drafts,
    };
    const [draft] = drafts;
    if (!draft) {
      endpoints.push({ ...autosave, skipped: 'the applicant has no draft to save' });
    } else {
      const save = (n: number) =>
        server.send('PATCH', `/api/proposals/${draft.id}`, applicant, {
          version: draft.version,
          answers: { [draft.questionId]: autosaveAnswer(n) },
        });
      const warm = await save(0);
      draft.version = (JSON.parse(warm.body) as DraftDetail).data.version;
      const sentVersion = draft.version;
      const recorded = await save(1);
      if (recorded.status !== 200) {
        throw new Error(`autosave: ${recorded.status} ${recorded.body}`);
      }
      draft.version = (JSON.parse(recorded.body) as DraftDetail).data.version;
      const setup = [
        { sql: 'UPDATE proposals SET version = $1 WHERE id = $2', params: [sentVersion, draft.id] },
      ];
      const sqlTimes = await timeVariants(
        raw,
        [{ path: `/api/proposals/${draft.id}`, statements: recorded.statements, setup }],
        input.sqlRuns,
      );
      endpoints.push({ ...autosave, sql: sqlTimes });
    }

    endpoints.push(
      await measure(
        {
          key: 'pipeline',
          label: 'Dashboard pipeline',
          kind: 'dashboard',
          method: 'GET',
          role: 'officer',
          requests: [{ path: '/api/dashboards/pipeline' }],
        },
        officer,
      ),
    );
    const dashboards = [
      {
        key: 'outcomes',
        label: 'Dashboard outcomes (theme, SDG)',
        path: '/api/dashboards/outcomes',
        officer: true,
      },
      { key: 'srl', label: 'Dashboard SRL progression', path: '/api/dashboards/srl', officer: true },
      { key: 'impact', label: 'Public impact dashboard', path: '/api/public/impact', officer: false },
    ];
    for (const d of dashboards) {
      const session = d.officer ? officer : null;
      endpoints.push(
        await measure(
          {
            key: d.key,
            label: d.label,
            kind: 'dashboard',
            method: 'GET',
            role: d.officer ? 'officer' : null,
            requests: [{ path: d.path }],
          },
          session,
        ),
      );
    }
    const pages = await openDataPages(server, input.dataset);
    endpoints.push(
      await measure(
        {
          key: 'opendata',
          label: `Open data page (${input.dataset})`,
          kind: 'read',
          method: 'GET',
          role: null,
          requests: pages.map((p) => ({ path: `/api/open/v1/datasets/${input.dataset}?page=${p}` })),
        },
        null,
      ),
    );

    const output: PrepareOutput = {
      engine: input.engine,
      accounts: { officer: accounts.officer, applicant: accounts.applicant },
      sessions,
      scale,
      neverAnalyzed,
      endpoints,
      notes,
    };
    writeFileSync(outputFile, JSON.stringify(output, null, 2));
  } finally {
    await server.close();
    await closeAll();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench prepare: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
