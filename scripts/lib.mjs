// Helpers shared by the start and test scripts: keep node_modules in step with the lockfile, run commands.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';

const STAMP = path.join('node_modules', '.si-install-stamp');

function lockHash() {
  const lock = existsSync('package-lock.json')
    ? readFileSync('package-lock.json')
    : readFileSync('package.json');
  return createHash('sha256').update(lock).digest('hex');
}

/** Runs `npm ci` when node_modules is missing or was installed from another lockfile. */
export function ensureInstalled() {
  const wanted = lockHash();
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (have === wanted && existsSync(path.join('node_modules', '.package-lock.json'))) {
    return;
  }
  console.log('» Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  run('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(STAMP)}, ${JSON.stringify(wanted)})`]);
}

/** Runs a command, inheriting stdio; exits the process with its status on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...options.env },
  });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

/** The newest modification time of any file under the given paths. */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) {
      return;
    }
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(p)) {
        visit(path.join(p, entry));
      }
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}
