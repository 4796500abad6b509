import { readFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/** The platform's version, from package.json. */
export function getVersion(): string {
  if (!cached) {
    const pkg = JSON.parse(readFileSync(path.resolve('package.json'), 'utf8')) as { version?: string };
    cached = pkg.version ?? '0.0.0';
  }
  return cached;
}
