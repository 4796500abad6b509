import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Env } from '@server/env';

/** Where uploaded files' bytes live; their metadata stays in PostgreSQL. */
export interface FileStorage {
  /** Stores bytes under a new key and returns it. */
  put(prefix: string, bytes: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+\/[0-9a-f-]{36}$/;

/** Files on disk under `DATA_DIR/files`, written to a temporary name and renamed, so a crash leaves no half file. */
export function createDiskStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!KEY.test(key)) {
      throw new Error(`Invalid storage key ${key}`);
    }
    const path = resolve(base, key);
    if (!path.startsWith(base + sep)) {
      throw new Error(`Invalid storage key ${key}`);
    }
    return path;
  };
  return {
    async put(prefix, bytes) {
      const key = `${prefix}/${randomUUID()}`;
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, path);
      return key;
    },
    get: (key) => readFile(pathOf(key)),
    remove: (key) => rm(pathOf(key), { force: true }),
  };
}

export function createFileStorage(env: Env): FileStorage {
  return createDiskStorage(join(env.DATA_DIR, 'files'));
}
