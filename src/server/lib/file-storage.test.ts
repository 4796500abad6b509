import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { parseEnv } from '@server/env';
import { startS3Server, type TestS3Server } from '@tests/setup/s3-server';
import { createDiskStorage, createFileStorage, type FileStorage } from './file-storage';

let s3: TestS3Server;
let dataDir: string;

beforeAll(async () => {
  s3 = await startS3Server();
  dataDir = await mkdtemp(join(tmpdir(), 'si-test-files-'));
});
afterAll(async () => {
  await s3.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Every implementation, built the way the application builds it: from the configuration. */
const implementations: Array<{ name: string; storage: () => FileStorage }> = [
  { name: 'disk', storage: () => createFileStorage(parseEnv({ DATA_DIR: dataDir })) },
  { name: 's3', storage: () => createFileStorage(parseEnv({ DATA_DIR: dataDir, ...s3.env })) },
];

describe.each(implementations)('$name file storage', ({ storage }) => {
  it('stores bytes under a new prefix/uuid key, reads them back and removes them', async () => {
    const files = storage();
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, ...Buffer.from('ไฟล์แนบ')]);
    const key = await files.put('proposals', bytes);
    expect(key).toMatch(/^proposals\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await files.get(key)).equals(bytes)).toBe(true);

    const other = await files.put('proposals', Buffer.alloc(0));
    expect(other).not.toBe(key);
    expect((await files.get(other)).length).toBe(0);

    await files.remove(key);
    await expect(files.get(key)).rejects.toThrow();
    await files.remove(key);
    expect((await files.get(other)).length).toBe(0);
    await files.remove(other);
  });

  it.each(['../etc/passwd', 'proposals/../../x', 'proposals', '/proposals/x', 'Proposals/not-a-uuid', ''])(
    'refuses the key %j',
    async (key) => {
      const files = storage();
      await expect(files.get(key)).rejects.toThrow(/Invalid storage key/);
      await expect(files.remove(key)).rejects.toThrow(/Invalid storage key/);
    },
  );

  it('refuses a prefix that would make an invalid key', async () => {
    await expect(storage().put('../up', Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
  });
});

describe('createFileStorage', () => {
  it('keeps files on disk under DATA_DIR/files by default', async () => {
    const key = await createFileStorage(parseEnv({ DATA_DIR: dataDir })).put(
      'proposals',
      Buffer.from('on disk'),
    );
    expect(await readdir(join(dataDir, 'files', 'proposals'))).toContain(key.split('/')[1]);
  });

  it('puts objects into the configured bucket with FILE_STORAGE=s3', async () => {
    const bytes = Buffer.from('in the bucket');
    const key = await createFileStorage(parseEnv({ DATA_DIR: dataDir, ...s3.env })).put('proposals', bytes);
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(object.ContentLength).toBe(bytes.length);
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(bytes)).toBe(true);
  });

  it('signs its requests with the configured access key', async () => {
    const env = parseEnv({ DATA_DIR: dataDir, ...s3.env, S3_ACCESS_KEY_ID: 'NOT-AN-ACCOUNT' });
    await expect(createFileStorage(env).put('proposals', Buffer.from('x'))).rejects.toThrow(/Access Key Id/);
  });

  it('uses a directly built disk storage the same way', async () => {
    const files = createDiskStorage(join(dataDir, 'direct'));
    const key = await files.put('x', Buffer.from('y'));
    expect((await files.get(key)).toString()).toBe('y');
  });
});
