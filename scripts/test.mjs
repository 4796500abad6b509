// npm test: the whole suite — typecheck, lint, format check, unit, integration (PGlite, and the PostgreSQL server
// when TEST_DATABASE_URL is set), then end-to-end in Chromium. Prints one closing line: "Summary: N passed, M failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureInstalled } from './lib.mjs';

ensureInstalled();
mkdirSync('.tmp', { recursive: true });

const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args, env = {}) {
  console.log(`\n» ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  return ok;
}

function vitest(name, args, env = {}) {
  const report = `.tmp/vitest-${name}.json`;
  rmSync(report, { force: true });
  const ok = step(
    name,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    env,
  );
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
    if (!ok && (json.numFailedTests ?? 0) === 0) {
      failed += 1;
    } // a suite that failed to load counts as a failure
  } else if (!ok) {
    failed += 1;
  }
  return ok;
}

const checks = [
  () => step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
  () => step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']),
  () => step('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']),
];
for (const check of checks) {
  if (!check()) {
    failed += 1;
  }
}

const integrationProjects = ['--project', 'int-pglite'];
if (process.env.TEST_DATABASE_URL) {
  integrationProjects.push('--project', 'int-postgres');
} else {
  console.log('\n» TEST_DATABASE_URL is not set: integration tests run on PGlite only.');
}
vitest('unit', ['--project', 'unit']);
vitest('integration', integrationProjects);

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(chromium)) {
  if (step('build (for end-to-end)', 'npm', ['run', 'build', '--silent'])) {
    vitest('e2e', ['--config', 'vitest.e2e.config.ts'], { CHROMIUM_PATH: chromium });
  } else {
    failed += 1;
  }
} else if (process.env.REQUIRE_E2E === '1') {
  console.error(`\n✗ Chromium not found at ${chromium} and REQUIRE_E2E=1: end-to-end tests cannot run.`);
  failed += 1;
} else {
  console.warn(
    `\n!!!!!!!!\n! END-TO-END TESTS SKIPPED: Chromium not found at ${chromium}.\n! Install it (apt-get install chromium) or set CHROMIUM_PATH.\n!!!!!!!!`,
  );
}

console.log('\nSteps:');
for (const s of steps) {
  console.log(`  ${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds}s)`);
}
console.log(`\nSummary: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
