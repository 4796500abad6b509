import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, parseEnv } from '@server/env';
import { BackupError, type DataLocation } from '@server/db/backup';

/** Options both `backup` and `restore` take, with the environment the server reads as their defaults. */
export const LOCATION_OPTIONS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  'pg-bin': { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

export const LOCATION_HELP = `  --database-url <url>  the PostgreSQL server's database (default: DATABASE_URL); without one, the embedded
                        database (PGlite) in <data-dir>/pglite
  --data-dir <dir>      the data folder (default: DATA_DIR, else ./data): the embedded database and, with
                        FILE_STORAGE=disk (the default), the uploaded files in <data-dir>/files
  --pg-bin <dir>        where pg_dump and pg_restore are, when those on PATH are older than the server
  -h, --help            this text`;

/** Where the data is: the command line first, then the same environment the server reads. */
export function locationFrom(values: {
  'database-url'?: string | undefined;
  'data-dir'?: string | undefined;
}): { location: DataLocation; migrationsDir: string } {
  const env = parseEnv();
  const url = values['database-url'] ?? env.DATABASE_URL;
  if (url !== undefined && url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new BackupError('--database-url must start with postgres:// or postgresql://');
  }
  return {
    location: {
      databaseUrl: url === '' ? undefined : url,
      dataDir: values['data-dir'] ?? env.DATA_DIR,
      fileStorage: env.FILE_STORAGE,
    },
    migrationsDir: env.MIGRATIONS_DIR,
  };
}

/** Runs a backup command: expected failures print one line and exit 1; unexpected ones print their stack. */
export async function runBackupCommand(
  usage: string,
  options: ParseArgsConfig['options'],
  task: (values: Record<string, string | boolean | undefined>, positionals: string[]) => Promise<void>,
): Promise<void> {
  try {
    const parsed = parseArgs({ options, allowPositionals: true, strict: true });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    await task(values, parsed.positionals);
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError) {
      process.stderr.write(`Error: ${error.message}\n`);
    } else if (
      error instanceof TypeError &&
      (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`Error: ${error.message}\n\n${usage}\n`);
    } else {
      process.stderr.write(
        `Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  }
}

/** 7.3 MB */
export function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
