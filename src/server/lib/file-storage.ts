import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import type * as S3Sdk from '@aws-sdk/client-s3';
import type { Env } from '@server/env';

/** Where uploaded files' bytes live; their metadata stays in PostgreSQL. */
export interface FileStorage {
  /** Stores bytes under a new key and returns it. */
  put(prefix: string, bytes: Buffer): Promise<string>;
  get(key: string): Promise<Buffer>;
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+\/[0-9a-f-]{36}$/;

function checkKey(key: string): string {
  if (!KEY.test(key)) {
    throw new Error(`Invalid storage key ${key}`);
  }
  return key;
}

/** Files on disk under `DATA_DIR/files`, written to a temporary name and renamed, so a crash leaves no half file. */
export function createDiskStorage(root: string): FileStorage {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, checkKey(key));
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
    get: async (key) => readFile(pathOf(key)),
    remove: async (key) => rm(pathOf(key), { force: true }),
  };
}

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, …); unset for AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Files as objects in one bucket of an S3-compatible store, under the same keys as on disk. The SDK is loaded on
 * first use, so that a server storing on disk never pays for it at start-up.
 */
export function createS3Storage(options: S3StorageOptions): FileStorage {
  const { bucket } = options;
  let loading: Promise<{ client: S3Sdk.S3Client; sdk: typeof S3Sdk }> | undefined;
  const connect = () => {
    loading ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        region: options.region,
        endpoint: options.endpoint,
        forcePathStyle: options.forcePathStyle,
        credentials: options.credentials,
        // Other S3-compatible servers often reject or mangle the SDK's optional CRC checksums; AWS takes them.
        ...(options.endpoint === undefined
          ? {}
          : { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }),
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
      }),
    }));
    return loading;
  };
  return {
    async put(prefix, bytes) {
      const key = checkKey(`${prefix}/${randomUUID()}`);
      const { client, sdk } = await connect();
      await client.send(
        new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length }),
      );
      return key;
    },
    async get(key) {
      checkKey(key);
      const { client, sdk } = await connect();
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!object.Body) {
        throw new Error(`Storage object ${key} has no body`);
      }
      const bytes = await object.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async remove(key) {
      checkKey(key);
      const { client, sdk } = await connect();
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

/** The storage that the configuration names: `FILE_STORAGE=disk` (default) or `s3`. */
export function createFileStorage(env: Env): FileStorage {
  switch (env.FILE_STORAGE) {
    case 'disk':
      return createDiskStorage(join(env.DATA_DIR, 'files'));
    case 's3': {
      const { S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
      if (bucket === undefined || accessKeyId === undefined || secretAccessKey === undefined) {
        // parseEnv refuses this configuration; an Env built by hand may still lack them.
        throw new Error('FILE_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
      }
      return createS3Storage({
        bucket,
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        forcePathStyle: env.S3_FORCE_PATH_STYLE ?? env.S3_ENDPOINT !== undefined,
        credentials: { accessKeyId, secretAccessKey },
      });
    }
  }
}
