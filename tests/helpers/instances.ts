/**
 * Several app instances on one PostgreSQL database: two real server processes on two ports. Checks that background
 * work (the jobs queue, the email outbox, report reminders) runs once, that concurrent edits of one record give one
 * success and one 409, and that sessions and rate limits hold across the instances. Used by
 * `npm run instances-test` and by tests/integration/instances.int.test.ts.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { Client, seed, startServer, stopServer, withPg, type Server, type Session } from './crash-safety';

export interface InstancesOptions {
  /** A PostgreSQL server URL; a database `<its name>_instances` is made afresh beside it. */
  databaseUrl: string;
  dataDir: string;
  /** The ports of instances A and B. */
  ports: [number, number];
  /** Export jobs queued (half through each instance). */
  jobs: number;
  log?: (line: string) => void;
}

export interface InstancesResult {
  jobs: { queued: number; succeeded: number; attemptsAboveOne: number; notDone: number };
  mail: {
    outboxSent: number;
    received: number;
    duplicates: number;
    missing: number;
    unexpected: number;
    resetsAccepted: number;
    resetsQueued: number;
    resetsReceived: number;
  };
  reminders: { outbox: number; duplicates: number };
  edits: { statuses: number[] };
  session: { loginOnA: number; meOnB: number; logoutOnB: number; meOnAAfterLogout: number };
  rateLimit: { limit: number; accepted: number; refused: number; acceptedOnA: number; acceptedOnB: number };
}

const FORGOT_LIMIT = 5;
const RESET_ACCOUNTS = [
  'applicant@demo.si-platform.test',
  'mentor@demo.si-platform.test',
  'localgov@demo.si-platform.test',
  'grantee@demo.si-platform.test',
  'partner@demo.si-platform.test',
  'reviewer@demo.si-platform.test',
  'reviewer2@demo.si-platform.test',
  'reviewer3@demo.si-platform.test',
];

interface Received {
  to: string[];
  subject: string;
}

/** A header's value with folded lines joined and RFC 2047 encoded words (UTF-8, B or Q) decoded. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

async function startSmtp(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const head = (
          Buffer.concat(chunks)
            .toString('utf8')
            .split(/\r?\n\r?\n/)[0] ?? ''
        ).replace(/\r?\n[ \t]+/g, ' ');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeHeader(/^Subject:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? ''),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) {
      return true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

export async function runInstancesTest(options: InstancesOptions): Promise<InstancesResult> {
  const log = options.log ?? (() => undefined);
  const u = new URL(options.databaseUrl);
  const name = `${u.pathname.slice(1)}_instances`;
  u.pathname = '/postgres';
  const admin = u.toString();
  u.pathname = `/${name}`;
  const url = u.toString();
  await withPg(admin, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  const smtp = await startSmtp();
  const servers: Server[] = [];
  try {
    log('loading the demo content…');
    seed({ engine: 'postgres', dataDir: options.dataDir, port: options.ports[0], quickSeed: true }, url);
    // Reminders due now go out when each instance starts: both start at once, so both try.
    const env = {
      SMTP_URL: smtp.url,
      OUTBOX_POLL_MS: '100',
      REMINDER_POLL_MS: '1000',
      RATE_LIMIT_FACTOR: '1',
    };
    const ports = options.ports;
    servers.push(
      ...(await Promise.all(
        ports.map((port) => startServer({ engine: 'postgres', dataDir: options.dataDir, port }, url, env)),
      )),
    );
    const [a, b] = ports.map((port) => new Client(`http://127.0.0.1:${port}`)) as [Client, Client];
    log(`instances on ports ${ports.join(' and ')}`);

    // Sessions: signed in on A, the cookie works on B; signed out on B, it no longer works on A.
    const session = await a.login('officer@demo.si-platform.test');
    const meOnB = await b.send(session, 'GET', '/api/auth/me');
    const other = await b.login('officer@demo.si-platform.test');
    const logoutOnB = await b.send(other, 'POST', '/api/auth/logout');
    const meOnAAfterLogout = await a.send(other, 'GET', '/api/auth/me');

    // Jobs: queued through both instances, each claimed and run by exactly one worker.
    const jobIds: string[] = [];
    for (let i = 0; i < options.jobs; i += 1) {
      const via = i % 2 === 0 ? a : b;
      const created = await via.must<{ jobId: string }>(
        session,
        'POST',
        '/api/projects/disbursements/exports',
        {
          format: 'xlsx',
        },
      );
      jobIds.push(created.jobId);
    }
    const jobRows = async () =>
      withPg(url, async (c) => {
        const r = await c.query<{ status: string; attempts: number }>(
          'SELECT status, attempts FROM jobs WHERE id = ANY($1::uuid[])',
          [jobIds],
        );
        return r.rows;
      });
    await waitFor(
      async () => (await jobRows()).every((j) => j.status === 'succeeded' || j.status === 'failed'),
      30_000,
    );
    const rows = await jobRows();

    // Concurrent edits of one organisation profile through A and B with the same version.
    const owner = await a.login('applicant@demo.si-platform.test');
    const org = await a.must<{ id: string; version: number }>(owner, 'POST', '/api/organisations', {
      nameTh: 'วิสาหกิจชุมชนทดสอบหลายเครื่อง',
      type: 'community_enterprise',
    });
    const edits = await Promise.all(
      [a, b].map((via, i) =>
        via.send(owner, 'PATCH', `/api/organisations/${org.id}`, {
          version: org.version,
          nameTh: `วิสาหกิจชุมชนทดสอบหลายเครื่อง ${i === 0 ? 'ก' : 'ข'}`,
        }),
      ),
    );

    // Rate limit across both: password-reset requests alternate A and B; the limit is for the pair.
    const anonymous: Session = { cookie: '', csrf: '' };
    let acceptedOnA = 0;
    let acceptedOnB = 0;
    let refused = 0;
    const accepted: string[] = [];
    for (const [i, email] of RESET_ACCOUNTS.entries()) {
      const r = await (i % 2 === 0 ? a : b).send(anonymous, 'POST', '/api/auth/password/forgot', { email });
      if (r.status === 200) {
        accepted.push(email);
        if (i % 2 === 0) {
          acceptedOnA += 1;
        } else {
          acceptedOnB += 1;
        }
      } else if (r.status === 429) {
        refused += 1;
      }
    }

    // Mail: wait until the outbox is empty, and a little longer for any second sending.
    await waitFor(
      async () =>
        withPg(url, async (c) => {
          const r = await c.query<{ n: string }>(
            `SELECT count(*)::text AS n FROM email_outbox WHERE status = 'pending'`,
          );
          return r.rows[0]?.n === '0';
        }),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const outbox = await withPg(url, async (c) => {
      const sent = await c.query<{ to_address: string; subject: string; template: string }>(
        `SELECT to_address, subject, template FROM email_outbox WHERE status = 'sent'`,
      );
      const reminders = await c.query<{ n: string; dup: string }>(
        `SELECT count(*)::text AS n, (count(*) - count(DISTINCT (to_address, subject)))::text AS dup
         FROM email_outbox WHERE template ILIKE '%remind%'`,
      );
      return {
        sent: sent.rows,
        reminders: Number(reminders.rows[0]?.n ?? 0),
        reminderDuplicates: Number(reminders.rows[0]?.dup ?? 0),
      };
    });
    // Each message the outbox marked sent must arrive exactly once: compare the two as multisets of (to, subject).
    const key = (to: string, subject: string) => `${to}\u0000${subject}`;
    const expected = new Map<string, number>();
    for (const m of outbox.sent) {
      expected.set(key(m.to_address, m.subject), (expected.get(key(m.to_address, m.subject)) ?? 0) + 1);
    }
    let duplicates = 0;
    let unexpected = 0;
    const seen = new Map<string, number>();
    for (const m of smtp.received) {
      const k = key(m.to[0] ?? '', m.subject);
      seen.set(k, (seen.get(k) ?? 0) + 1);
      if (!expected.has(k)) {
        unexpected += 1;
      } else if ((seen.get(k) ?? 0) > (expected.get(k) ?? 0)) {
        duplicates += 1;
      }
    }
    let missing = 0;
    for (const [k, n] of expected) {
      missing += Math.max(0, n - (seen.get(k) ?? 0));
    }
    const resets = outbox.sent.filter((m) => m.template === 'reset_password');
    const resetsReceived = smtp.received.filter((m) =>
      resets.some((r) => r.to_address === m.to[0] && r.subject === m.subject),
    ).length;

    return {
      jobs: {
        queued: jobIds.length,
        succeeded: rows.filter((j) => j.status === 'succeeded').length,
        attemptsAboveOne: rows.filter((j) => j.attempts > 1).length,
        notDone: rows.filter((j) => j.status !== 'succeeded').length,
      },
      mail: {
        outboxSent: outbox.sent.length,
        received: smtp.received.length,
        duplicates,
        missing,
        unexpected,
        resetsAccepted: accepted.length,
        resetsQueued: resets.length,
        resetsReceived,
      },
      reminders: { outbox: outbox.reminders, duplicates: outbox.reminderDuplicates },
      edits: { statuses: edits.map((e) => e.status).sort() },
      session: {
        loginOnA: 200,
        meOnB: meOnB.status,
        logoutOnB: logoutOnB.status,
        meOnAAfterLogout: meOnAAfterLogout.status,
      },
      rateLimit: { limit: FORGOT_LIMIT, accepted: accepted.length, refused, acceptedOnA, acceptedOnB },
    };
  } finally {
    await Promise.all(servers.map((s) => stopServer(s, 'SIGTERM')));
    await smtp.close();
    await withPg(admin, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    rmSync(options.dataDir, { recursive: true, force: true });
  }
}

export function formatInstances(r: InstancesResult): string {
  return [
    `jobs: ${r.jobs.queued} queued → ${r.jobs.succeeded} succeeded, ${r.jobs.attemptsAboveOne} run more than once, ${r.jobs.notDone} not done`,
    `mail: ${r.mail.outboxSent} sent by the outbox, ${r.mail.received} received by SMTP: ${r.mail.duplicates} duplicates, ` +
      `${r.mail.missing} missing, ${r.mail.unexpected} unmatched; password resets ${r.mail.resetsAccepted} accepted → ` +
      `${r.mail.resetsQueued} queued → ${r.mail.resetsReceived} received`,
    `report reminders: ${r.reminders.outbox} queued, ${r.reminders.duplicates} duplicates`,
    `concurrent edits via A and B: ${r.edits.statuses.join(' + ')}`,
    `session: login on A, /me on B ${r.session.meOnB}; logout on B ${r.session.logoutOnB}, /me on A afterwards ${r.session.meOnAAfterLogout}`,
    `rate limit (${r.rateLimit.limit} per window): ${r.rateLimit.accepted} accepted (${r.rateLimit.acceptedOnA} on A, ` +
      `${r.rateLimit.acceptedOnB} on B), ${r.rateLimit.refused} refused`,
  ].join('\n');
}
