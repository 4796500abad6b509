/**
 * Crash safety of a running server: a load of proposal submissions, report approvals and instalment payments is
 * sent to a real server process, the process is killed with SIGKILL in the middle of it, restarted on the same
 * database, and every write the server acknowledged (answered 2xx) is checked to be there, whole. Used by
 * `npm run crash-test` and by tests/integration/crash-safety.int.test.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { createPglite } from '../../src/server/db/client';

export type CrashEngine = 'pglite' | 'postgres';

export interface CrashRunOptions {
  engine: CrashEngine;
  /** PostgreSQL: a server URL; a database `<its name>_crash` is made afresh beside it. */
  databaseUrl?: string;
  /** PGlite: the data folder (emptied first). */
  dataDir: string;
  port: number;
  rounds: number;
  /** Proposals submitted per round. */
  submissions: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Skip the geography import of the demo seed (faster). */
  quickSeed?: boolean;
  log?: (line: string) => void;
}

export interface RoundResult {
  round: number;
  acknowledged: { submissions: number; approvals: number; payments: number };
  present: { submissions: number; approvals: number; payments: number };
  lost: number;
  halfWritten: number;
  receiptGaps: number;
  receiptDuplicates: number;
  moneyErrors: number;
  /** Requests that got no answer because the server died under them. */
  unanswered: number;
  problems: string[];
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEMO_PASSWORD = 'demo-password-2569';
const OFFICER = 'officer@demo.si-platform.test';
const APPLICANTS = [
  'applicant@demo.si-platform.test',
  'mentor@demo.si-platform.test',
  'localgov@demo.si-platform.test',
  'grantee@demo.si-platform.test',
];

/** A port nothing listens on now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The command that runs a server entry point: the build when present, else the sources through tsx. */
export function entry(built: string, source: string): string[] {
  return existsSync(path.join(ROOT, built)) ? [built] : ['--import', 'tsx', source];
}

export function serverEnv(
  options: Pick<CrashRunOptions, 'engine' | 'dataDir' | 'port'>,
  url: string,
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.engine === 'postgres' ? url : '',
    PORT: String(options.port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    RATE_LIMIT_FACTOR: '1000',
    SMTP_URL: '',
  };
}

function crashDatabaseUrl(base: string): string {
  const u = new URL(base);
  u.pathname = `/${u.pathname.slice(1)}_crash`;
  return u.toString();
}

export async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

type Query = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

/** Runs `fn` with one connection to the crash database; PGlite only while no server holds it. */
async function withReader<T>(
  options: CrashRunOptions,
  url: string,
  fn: (q: Query) => Promise<T>,
): Promise<T> {
  if (options.engine === 'postgres') {
    return withPg(url, (c) =>
      fn(async <R>(sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows as R[]),
    );
  }
  const db = createPglite({ dataDir: path.join(options.dataDir, 'pglite') });
  try {
    return await fn(async <R>(sql: string, params: unknown[] = []) => (await db.query<R>(sql, params)).rows);
  } finally {
    await db.close();
  }
}

async function freshDatabase(options: CrashRunOptions): Promise<string> {
  rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  if (options.engine === 'pglite') {
    return '';
  }
  if (!options.databaseUrl) {
    throw new Error('--engine postgres needs DATABASE_URL or TEST_DATABASE_URL');
  }
  const url = crashDatabaseUrl(options.databaseUrl);
  const admin = new URL(options.databaseUrl);
  admin.pathname = '/postgres';
  const name = new URL(url).pathname.slice(1);
  await withPg(admin.toString(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  return url;
}

export function seed(
  options: Pick<CrashRunOptions, 'engine' | 'dataDir' | 'port' | 'quickSeed'>,
  url: string,
): void {
  const args = entry('dist/server/cli/seed.js', 'src/server/cli/seed.ts');
  const quick = options.quickSeed ? ['--admin', '/nonexistent', '--boundaries', '/nonexistent'] : [];
  const result = spawnSync(process.execPath, [...args, ...quick], {
    cwd: ROOT,
    env: serverEnv(options, url),
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`demo seed failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export interface Server {
  child: ChildProcess;
  exited: Promise<number | null>;
}

export async function startServer(
  options: Pick<CrashRunOptions, 'engine' | 'dataDir' | 'port'>,
  url: string,
  extraEnv: Record<string, string> = {},
): Promise<Server> {
  const child = spawn(process.execPath, entry('dist/server/main.js', 'src/server/main.ts'), {
    cwd: ROOT,
    env: { ...serverEnv(options, url), ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with status ${child.exitCode}`);
    }
    const ok = await fetch(`http://127.0.0.1:${options.port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      return { child, exited };
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the server did not become healthy within 90 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stopServer(server: Server, signal: NodeJS.Signals): Promise<void> {
  if (server.child.exitCode === null) {
    server.child.kill(signal);
  }
  await server.exited;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export class Client {
  constructor(private readonly base: string) {}

  async login(email: string): Promise<Session> {
    const response = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!response.ok) {
      throw new Error(`login ${email}: ${response.status} ${await response.text()}`);
    }
    const body = (await response.json()) as { data: { csrfToken: string } };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrf: body.data.csrfToken };
  }

  /** The answer's status and `data`; throws when no answer came (connection refused or reset). */
  async send<T>(
    s: Session,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; data: T }> {
    const response = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrf,
        origin: this.base,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let data: T = undefined as T;
    try {
      data = (JSON.parse(text) as { data: T }).data;
    } catch {
      // not JSON
    }
    return { status: response.status, data };
  }

  async must<T>(s: Session, method: string, url: string, body?: unknown): Promise<T> {
    const r = await this.send<T>(s, method, url, body);
    if (r.status >= 300) {
      throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.data)}`);
    }
    return r.data;
  }
}

const FORM = {
  sections: [
    {
      id: 'general',
      titleTh: 'ข้อมูลทั่วไป',
      titleEn: 'General',
      questions: [
        {
          id: 'summary',
          type: 'long_text',
          labelTh: 'บทสรุปโครงการ',
          labelEn: 'Project summary',
          required: true,
          maxLength: 2000,
        },
      ],
    },
  ],
};

function bangkokDate(d: Date): string {
  return new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

function callCode(): string {
  const letter = () => String.fromCharCode(65 + Math.floor(Math.random() * 26));
  return `Z${letter()}${letter()}${letter()}${letter()}`;
}

interface Ack {
  submissions: Array<{ id: string; receipt: string }>;
  approvals: string[];
  payments: Array<{ id: string; paidSatang: number }>;
  unanswered: number;
}

/** Runs `jobs` with at most `limit` at once; a job that throws (no answer) is counted, not raised. */
async function pool(jobs: Array<() => Promise<void>>, limit: number, ack: Ack): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next];
      next += 1;
      try {
        await job?.();
      } catch {
        ack.unanswered += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

async function runRound(options: CrashRunOptions, url: string, round: number): Promise<RoundResult> {
  const log = options.log ?? (() => undefined);
  // The work to do, read while no server holds the database.
  const { reports, ready } = await withReader(options, url, async (q) => ({
    reports: await q<{ id: string; version: number }>(
      `SELECT id, version FROM project_reports WHERE status = 'submitted' ORDER BY id`,
    ),
    ready: await q<{ id: string; version: number; amount_satang: string }>(
      `SELECT id, version, amount_satang::text AS amount_satang FROM project_instalments WHERE status = 'ready' ORDER BY id`,
    ),
  }));
  const server = await startServer(options, url);
  const base = `http://127.0.0.1:${options.port}`;
  const client = new Client(base);
  const officer = await client.login(OFFICER);
  const applicants = await Promise.all(APPLICANTS.map((e) => client.login(e)));
  const now = new Date();
  const call = await client.must<{ id: string; code: string }>(officer, 'POST', '/api/calls', {
    programmeSlug: 'city-challenge',
    code: callCode(),
    titleTh: 'รอบทดสอบความทนทานเมื่อเครื่องดับ',
    titleEn: 'Crash-safety test call',
    opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
    closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    fiscalYear: 2570,
    totalBudgetSatang: 10_000_000_000,
    minGrantSatang: 10_000_000,
    maxGrantSatang: 500_000_000,
  });
  await client.must(officer, 'PUT', `/api/calls/${call.id}/forms/proposal`, { definition: FORM });
  await client.must(officer, 'POST', `/api/calls/${call.id}/publish`);
  const orgs = await Promise.all(
    applicants.map((s, i) =>
      client.must<{ id: string }>(s, 'POST', '/api/organisations', {
        nameTh: `วิสาหกิจชุมชนทดสอบ ${round}-${i + 1}`,
        type: 'community_enterprise',
      }),
    ),
  );
  // Drafts are made before the kill window opens: the load is the submitting.
  const drafts: Array<{ s: Session; id: string; version: number }> = [];
  await Promise.all(
    applicants.map(async (s, i) => {
      for (let n = i; n < options.submissions; n += applicants.length) {
        const draft = await client.must<{ id: string; version: number }>(s, 'POST', '/api/proposals', {
          callId: call.id,
          organisationId: orgs[i]?.id,
          titleTh: `ข้อเสนอทดสอบ ${round}-${n + 1}`,
        });
        const saved = await client.must<{ id: string; version: number }>(
          s,
          'PATCH',
          `/api/proposals/${draft.id}`,
          {
            version: draft.version,
            answers: { summary: `บทสรุปของข้อเสนอทดสอบที่ ${n + 1}` },
          },
        );
        drafts.push({ s, id: saved.id, version: saved.version });
      }
    }),
  );

  const ack: Ack = { submissions: [], approvals: [], payments: [], unanswered: 0 };
  const jobs: Array<() => Promise<void>> = drafts.map((d) => async () => {
    const r = await client.send<{ id: string; receiptNumber: string }>(
      d.s,
      'POST',
      `/api/proposals/${d.id}/submit`,
      {
        version: d.version,
      },
    );
    if (r.status < 300) {
      ack.submissions.push({ id: d.id, receipt: r.data.receiptNumber });
    }
  });
  const approvalJobs = reports.map((rep) => async () => {
    const r = await client.send(officer, 'POST', `/api/project-reports/${rep.id}/approve`, {
      version: rep.version,
      comment: '',
    });
    if (r.status < 300) {
      ack.approvals.push(rep.id);
    }
  });
  // Interleave approvals among the submissions.
  approvalJobs.forEach((job, i) => jobs.splice(Math.min(jobs.length, i * 3 + 1), 0, job));
  // Payments of the instalments that were ready before the round (earlier rounds' approvals included).
  const paidOn = bangkokDate(now);
  const payJobs = ready.map((inst, i) => async () => {
    const paidSatang = Number(inst.amount_satang);
    const r = await client.send(officer, 'POST', `/api/instalments/${inst.id}/payment`, {
      version: inst.version,
      paidOn,
      paidSatang,
      reference: `CRASH-${round}-${i + 1}`,
    });
    if (r.status < 300) {
      ack.payments.push({ id: inst.id, paidSatang });
    }
  });
  payJobs.forEach((job, i) => jobs.splice(Math.min(jobs.length, i * 3 + 2), 0, job));

  // Kill once about half the submissions are acknowledged, or after a while.
  const half = Math.max(1, Math.floor(drafts.length / 2));
  const killer = (async () => {
    const until = Date.now() + 20_000;
    while (ack.submissions.length < half && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 5));
    }
    server.child.kill('SIGKILL');
  })();
  await pool(jobs, options.concurrency, ack);
  await killer;
  await server.exited;
  log(
    `round ${round}: killed with ${ack.submissions.length}/${drafts.length} submissions and ` +
      `${ack.approvals.length}/${reports.length} approvals acknowledged`,
  );

  // Restart on the same database: it must come up; then read a written proposal through it.
  const again = await startServer(options, url);
  const officer2 = await new Client(base).login(OFFICER);
  const sample = ack.submissions[0];
  const problems: string[] = [];
  if (sample) {
    const seen = await new Client(base).send<{ receiptNumber: string }>(
      officer2,
      'GET',
      `/api/proposals/${sample.id}`,
    );
    if (seen.status !== 200 || seen.data.receiptNumber !== sample.receipt) {
      problems.push(`after restart, proposal ${sample.id} reads ${seen.status} ${JSON.stringify(seen.data)}`);
    }
  }
  await stopServer(again, 'SIGTERM');
  const result = await withReader(options, url, (q) => verify(q, round, call.id, ack, problems));
  return { ...result, round };
}

async function verify(
  q: Query,
  round: number,
  callId: string,
  ack: Ack,
  problems: string[],
): Promise<RoundResult> {
  let lost = 0;
  let halfWritten = 0;
  const proposals = await q<{
    id: string;
    status: string;
    receipt_number: string | null;
    submitted_at: unknown;
  }>(`SELECT id, status, receipt_number, submitted_at FROM proposals WHERE call_id = $1`, [callId]);
  const byId = new Map(proposals.map((p) => [p.id, p]));
  let presentSubmissions = 0;
  for (const a of ack.submissions) {
    const p = byId.get(a.id);
    if (!p || p.status === 'draft' || p.receipt_number !== a.receipt) {
      lost += 1;
      problems.push(`acknowledged submission ${a.id} (${a.receipt}) reads ${JSON.stringify(p ?? null)}`);
    } else {
      presentSubmissions += 1;
    }
  }
  // A proposal is whole when it has all of status, receipt and time, or none of them.
  for (const p of proposals) {
    const submitted = p.status !== 'draft';
    if (submitted !== (p.receipt_number !== null) || submitted !== (p.submitted_at !== null)) {
      halfWritten += 1;
      problems.push(`proposal ${p.id} is half-written: ${JSON.stringify(p)}`);
    }
  }
  const numbers = proposals
    .map((p) => p.receipt_number)
    .filter((r): r is string => r !== null)
    .map((r) => Number(r.slice(r.lastIndexOf('-') + 1)))
    .sort((a, b) => a - b);
  const receiptDuplicates = numbers.length - new Set(numbers).size;
  const [counter] = await q<{ last_number: number }>(
    `SELECT last_number FROM call_receipt_counters WHERE call_id = $1 AND stage = 'proposal'`,
    [callId],
  );
  const last = counter?.last_number ?? 0;
  const distinct = new Set(numbers);
  let receiptGaps = 0;
  for (let n = 1; n <= last; n += 1) {
    if (!distinct.has(n)) {
      receiptGaps += 1;
    }
  }
  if (numbers.some((n) => n > last)) {
    halfWritten += 1;
    problems.push(`receipt numbers beyond the counter ${last}: ${numbers.join(',')}`);
  }
  if (receiptGaps > 0 || receiptDuplicates > 0) {
    problems.push(`receipts ${numbers.join(',')} against counter ${last}`);
  }

  // Approvals: the report approved, with its event, and the instalment it releases no longer waiting.
  let presentApprovals = 0;
  for (const id of ack.approvals) {
    const [r] = await q<{ status: string; events: string }>(
      `SELECT status, (SELECT count(*) FROM project_report_events e WHERE e.report_id = r.id AND e.action = 'approved')::text AS events
       FROM project_reports r WHERE id = $1`,
      [id],
    );
    if (r?.status === 'approved') {
      presentApprovals += 1;
    } else {
      lost += 1;
      problems.push(`acknowledged approval of report ${id} reads ${JSON.stringify(r ?? null)}`);
    }
  }
  // Whole approvals everywhere: approved ⇔ an approval event; no instalment waits on an approved report, none is
  // released by a report that is not approved.
  const reportMismatch = await q<{
    id: string;
    status: string;
    events: string;
  }>(`SELECT r.id, r.status, count(e.id)::text AS events FROM project_reports r
       LEFT JOIN project_report_events e ON e.report_id = r.id AND e.action = 'approved'
     GROUP BY r.id, r.status
     HAVING (r.status = 'approved') <> (count(e.id) > 0)`);
  const instalmentMismatch = await q<{
    id: string;
    status: string;
    report_status: string;
  }>(`SELECT i.id, i.status, r.status AS report_status FROM project_instalments i
       JOIN project_reports r ON r.id = i.release_report_id
     WHERE (r.status = 'approved') <> (i.status IN ('ready', 'paid'))`);
  halfWritten += reportMismatch.length + instalmentMismatch.length;
  problems.push(
    ...reportMismatch.map((r) => `report half-written: ${JSON.stringify(r)}`),
    ...instalmentMismatch.map((r) => `instalment not released with its report: ${JSON.stringify(r)}`),
  );

  // Money: paid instalments carry amount, date and recorder; nothing pays more than it was due; no project is paid
  // more than its award.
  const badPaid = await q<{ id: string }>(`SELECT id FROM project_instalments
     WHERE (status = 'paid') <> (paid_satang IS NOT NULL AND paid_on IS NOT NULL AND recorded_at IS NOT NULL)
        OR paid_satang + withheld_satang > amount_satang
        OR paid_satang < 0`);
  const overAward = await q<{
    id: string;
    award: string;
    paid: string;
  }>(`SELECT p.id, p.award_satang::text AS award, sum(i.paid_satang)::text AS paid FROM projects p
       JOIN project_instalments i ON i.project_id = p.id AND i.status = 'paid'
     GROUP BY p.id, p.award_satang HAVING sum(i.paid_satang) > p.award_satang`);
  const moneyErrors = badPaid.length + overAward.length;
  problems.push(
    ...badPaid.map((r) => `instalment with inconsistent payment: ${r.id}`),
    ...overAward.map((r) => `project paid over its award: ${JSON.stringify(r)}`),
  );

  let presentPayments = 0;
  for (const a of ack.payments) {
    const [i] = await q<{ status: string; paid_satang: string | null }>(
      `SELECT status, paid_satang::text AS paid_satang FROM project_instalments WHERE id = $1`,
      [a.id],
    );
    if (i?.status === 'paid' && Number(i.paid_satang) === a.paidSatang) {
      presentPayments += 1;
    } else {
      lost += 1;
      problems.push(`acknowledged payment of instalment ${a.id} reads ${JSON.stringify(i ?? null)}`);
    }
  }

  return {
    round,
    acknowledged: {
      submissions: ack.submissions.length,
      approvals: ack.approvals.length,
      payments: ack.payments.length,
    },
    present: { submissions: presentSubmissions, approvals: presentApprovals, payments: presentPayments },
    lost,
    halfWritten,
    receiptGaps,
    receiptDuplicates,
    moneyErrors,
    unanswered: ack.unanswered,
    problems,
  };
}

/** A fresh database with the demo content, then `rounds` rounds of load, kill -9 and checks. */
export async function runCrashTest(options: CrashRunOptions): Promise<RoundResult[]> {
  const log = options.log ?? (() => undefined);
  const url = await freshDatabase(options);
  log(`${options.engine}: loading the demo content…`);
  seed(options, url);
  const results: RoundResult[] = [];
  for (let round = 1; round <= options.rounds; round += 1) {
    const result = await runRound(options, url, round);
    log(formatRound(result));
    results.push(result);
  }
  if (options.engine === 'postgres') {
    const admin = new URL(url);
    const name = admin.pathname.slice(1);
    admin.pathname = '/postgres';
    await withPg(admin.toString(), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
  rmSync(options.dataDir, { recursive: true, force: true });
  return results;
}

export function formatRound(r: RoundResult): string {
  return (
    `round ${r.round}: submissions acknowledged ${r.acknowledged.submissions}, present ${r.present.submissions}; ` +
    `approvals acknowledged ${r.acknowledged.approvals}, present ${r.present.approvals}; ` +
    `payments acknowledged ${r.acknowledged.payments}, present ${r.present.payments}; ` +
    `unanswered ${r.unanswered}; lost ${r.lost}; half-written ${r.halfWritten}; receipt gaps ${r.receiptGaps}; ` +
    `receipt duplicates ${r.receiptDuplicates}; money errors ${r.moneyErrors}` +
    (r.problems.length > 0 ? `\n  ${r.problems.join('\n  ')}` : '')
  );
}
