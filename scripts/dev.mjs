// npm run dev: the API with tsx watch on PORT (default 3000) and the Vite dev server with hot reload on 5173.
import { spawn } from 'node:child_process';
import { ensureInstalled } from './lib.mjs';

ensureInstalled();
const children = [
  spawn('npx', ['tsx', 'watch', 'src/server/main.ts'], { stdio: 'inherit' }),
  spawn('npx', ['vite'], { stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
