// npm start: install what is missing, build when sources changed, migrate, load demo content once, serve.
import { existsSync } from 'node:fs';
import { ensureInstalled, newestMtime, run } from './lib.mjs';

ensureInstalled();

const sources = [
  'src',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build-server.mjs',
];
const outputs = ['dist/server/main.js', 'dist/web/index.html'];
const built = outputs.every((f) => existsSync(f));
if (!built || newestMtime(sources) > Math.min(...outputs.map((f) => newestMtime([f])))) {
  console.log('» Building…');
  run('npm', ['run', 'build', '--silent']);
}

if (process.env.NODE_ENV !== 'production') {
  console.log('» Loading demo content (once per database)…');
  run('node', ['dist/server/cli/seed.js']);
}
console.log('» Starting SI Platform…');
run('node', ['dist/server/main.js']);
