// npm run bench:startup — start-up time to the first 200 from /api/health on existing data (PGlite, and a
// PostgreSQL server when one answers at BENCH_DATABASE_URL), idle RSS, and the gzip size of the JavaScript the home
// page loads. Prints a table; needs a build (npm run build).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pg from 'pg';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/si_bench';

if (!existsSync('dist/server/main.js') || !existsSync('dist/web/index.html')) {
  console.error('Build first: npm run build');
  process.exit(1);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startOnce(env, port) {
  const started = performance.now();
  const child = spawn('node', ['dist/server/main.js'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) {
        break;
      }
    } catch {
      // not yet listening
    }
    await sleep(10);
  }
  const ms = performance.now() - started;
  return { child, ms };
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function stop(child) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

async function measure(label, env) {
  const port = 3900 + Math.floor(Math.random() * 90);
  // first start creates and migrates the database, then loads demo data: not measured
  spawnSync('node', ['dist/server/cli/seed.js'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const times = [];
  let rss = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const { child, ms } = await startOnce(env, port);
    times.push(ms);
    if (i === RUNS - 1) {
      for (let j = 0; j < 20; j += 1) {
        await fetch(`http://127.0.0.1:${port}/api/geo/provinces`);
      }
      await sleep(3000);
      rss = rssMiB(child.pid);
    }
    await stop(child);
  }
  times.sort((a, b) => a - b);
  return { label, median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1), rss };
}

function homeJavaScriptGzip() {
  const html = readFileSync('dist/web/index.html', 'utf8');
  const files = new Set();
  for (const match of html.matchAll(
    /<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g,
  )) {
    files.add(match[1]);
  }
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(path.join('dist/web', file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: files.size, raw, gzip };
}

const results = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'si-bench-'));
try {
  results.push(await measure('PGlite (embedded)', { DATA_DIR: dataDir, DATABASE_URL: '' }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}

let serverAvailable = false;
try {
  const admin = new pg.Client({ connectionString: serverUrl.replace(/\/[^/]*$/, '/postgres') });
  await admin.connect();
  const name = new URL(serverUrl).pathname.slice(1);
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  serverAvailable = true;
} catch (error) {
  console.log(`(PostgreSQL server not measured: ${error.message})`);
}
if (serverAvailable) {
  results.push(await measure('PostgreSQL server', { DATABASE_URL: serverUrl }));
}

console.log(`\nStart-up to the first 200 from /api/health on existing data (${RUNS} runs each)`);
console.log('engine               median ms   min ms   max ms   idle RSS MiB');
for (const r of results) {
  console.log(
    `${r.label.padEnd(20)} ${r.median.toFixed(0).padStart(9)} ${r.min.toFixed(0).padStart(8)} ${r.max.toFixed(0).padStart(8)} ${r.rss.toFixed(1).padStart(14)}`,
  );
}
const js = homeJavaScriptGzip();
console.log(
  `\nHome page JavaScript: ${js.files} file(s), ${(js.raw / 1024).toFixed(1)} KB raw, ${(js.gzip / 1024).toFixed(1)} KB gzip (target ≤ 200 KB)`,
);
