import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from './env';

describe('parseEnv', () => {
  it('applies defaults: PGlite in ./data on port 3000', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe('./data');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.TRUST_PROXY).toBe(false);
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(parseEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('fails with a message naming every bad variable', () => {
    expect(() => parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('DATABASE_URL');
    }
  });

  it('stores files on disk unless FILE_STORAGE=s3', () => {
    const env = parseEnv({});
    expect(env.FILE_STORAGE).toBe('disk');
    expect(env.S3_REGION).toBe('us-east-1');
    expect(env.S3_FORCE_PATH_STYLE).toBeUndefined();
  });

  it('takes an S3-compatible store with its bucket and keys', () => {
    const env = parseEnv({
      FILE_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'si-files',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: '0',
    });
    expect(env).toMatchObject({
      FILE_STORAGE: 's3',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'si-files',
      S3_FORCE_PATH_STYLE: false,
    });
  });

  it('names every S3 setting that FILE_STORAGE=s3 lacks or that is bad, with the other bad variables', () => {
    let message = '';
    try {
      parseEnv({ FILE_STORAGE: 's3', S3_ACCESS_KEY_ID: '', S3_ENDPOINT: 'minio:9000', PORT: 'eighty' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('S3_BUCKET: required when FILE_STORAGE=s3');
    expect(message).toContain('S3_ACCESS_KEY_ID: required when FILE_STORAGE=s3');
    expect(message).toContain('S3_SECRET_ACCESS_KEY: required when FILE_STORAGE=s3');
    expect(message).toContain('S3_ENDPOINT: must start with http:// or https://');
    expect(message).toContain('PORT');
    expect(() => parseEnv({ FILE_STORAGE: 'ftp' })).toThrow(/FILE_STORAGE/);
    expect(() => parseEnv({ S3_BUCKET: 'Not_A_Bucket' })).toThrow(/S3_BUCKET: must be a bucket name/);
  });

  it('needs no S3 settings while files stay on disk', () => {
    expect(parseEnv({ FILE_STORAGE: 'disk' }).S3_BUCKET).toBeUndefined();
  });
});
