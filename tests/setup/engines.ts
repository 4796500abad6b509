/** Which database engines the integration suite runs on: PGlite always, the server when TEST_DATABASE_URL is set. */
export type TestEngine = 'pglite' | 'postgres';

export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url && url.length > 0 ? url : undefined;
}

/** The URL of another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

export const MIGRATIONS_DIR = 'db/migrations';
export const PGLITE_SNAPSHOT = '.tmp/test-pglite-snapshot.tar.gz';
