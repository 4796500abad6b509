import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, parseEnv, type Env } from '@server/env';
import { DatabaseUnavailableError, type DatabaseHandle } from '@server/db/client';
import { openConfiguredDatabase } from '@server/db/open';
import { prepareDatabase } from '@server/db/bootstrap';
import { ImportFileError } from '@server/lib/import-error';

/**
 * Runs a command-line task against the configured database (migrated first), printing a one-line error and exiting
 * with status 1 on any expected failure: bad configuration, an unreachable database, a bad input file.
 */
export async function runCli(
  usage: string,
  options: ParseArgsConfig['options'],
  task: (ctx: {
    env: Env;
    database: DatabaseHandle;
    values: Record<string, unknown>;
    positionals: string[];
  }) => Promise<void>,
): Promise<void> {
  let database: DatabaseHandle | undefined;
  try {
    const { values, positionals } = parseArgs({ options, allowPositionals: true, strict: true });
    if ((values as Record<string, unknown>).help) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    const env = parseEnv();
    database = await openConfiguredDatabase(env);
    await prepareDatabase(database, env.MIGRATIONS_DIR);
    await task({ env, database, values: values, positionals });
  } catch (error) {
    if (
      error instanceof ImportFileError ||
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError
    ) {
      process.stderr.write(`Error: ${error.message}\nNothing was imported.\n`);
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
  } finally {
    await database?.close();
  }
}
