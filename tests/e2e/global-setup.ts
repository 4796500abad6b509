import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A file with one JSON line (`MailLogEntry`) per message the loopback SMTP server received. */
    mailLog: string;
  }
}

/** One received message in the mail log. */
export interface MailLogEntry {
  to: string[];
  raw: string;
  receivedAt: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with status ${child.exitCode}`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs} ms`);
}

/**
 * A real SMTP server on loopback that appends every message it receives, as a JSON line, to `logFile`: the test
 * files (in other workers) read that file, since they cannot share this process's memory.
 */
async function startLoggingSmtpServer(logFile: string): Promise<{ url: string; close: () => Promise<void> }> {
  writeFileSync(logFile, '');
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const entry: MailLogEntry = {
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date().toISOString(),
        };
        appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Serves the built platform (dist/) on a fresh embedded database with the demo content loaded, as `npm start`
 * does, on a free port, sending its mail to a loopback SMTP server. The tests read the address with
 * `inject('baseUrl')` and the received mail from the file `inject('mailLog')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'si-e2e-'));
  const mailLog = path.join(dataDir, 'mail.jsonl');
  const smtp = await startLoggingSmtpServer(mailLog);
  const env = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  const seed = spawnSync('node', ['dist/server/cli/seed.js'], { env, encoding: 'utf8' });
  if (seed.status !== 0) {
    await smtp.close();
    throw new Error(`demo seed failed:\n${seed.stdout}\n${seed.stderr}`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn('node', ['dist/server/main.js'], {
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SMTP_URL: smtp.url,
      PUBLIC_URL: baseUrl,
      OUTBOX_POLL_MS: '200',
      // Every browser in the suite comes from 127.0.0.1 and registers many accounts: raise the per-IP limits.
      RATE_LIMIT_FACTOR: '20',
    },
    stdio: 'inherit',
  });
  await waitForHealth(baseUrl, child, 60_000);
  project.provide('baseUrl', baseUrl);
  project.provide('mailLog', mailLog);
  return async () => {
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        resolve();
      } else {
        child.once('exit', () => resolve());
      }
    });
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
