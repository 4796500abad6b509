import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError, parseEnv } from '@server/env';
import { DatabaseUnavailableError, redactUrl, type DatabaseHandle } from '@server/db/client';
import { openConfiguredDatabase } from '@server/db/open';
import { prepareDatabase } from '@server/db/bootstrap';
import { ImportFileError } from '@server/lib/import-error';
import { DEFAULT_SEED, generateScaleData, ScaleDataError } from '@server/scale/generate';
import { SIZE_NAMES, SIZES, scaleSize, type SizeName } from '@server/scale/sizes';
import { checkScaleInvariants } from '@server/scale/verify';
import { bangkokDate } from '@server/scale/time';
import { REGION_CODES, type RegionCode } from '@shared/reference/regions';

const usage = `Usage: npm run seed:scale -- [options]

Fills an empty database with deterministic, realistic data at scale (same seed, size and date: same rows).

  --size national|unit     national: 77 provinces, 50k organisations, 100k users, 200k proposals over 5 fiscal
                           years, 600k reviews, 20k projects, 2M indicator values, 100k innovations, 300k adoptions;
                           unit (default): one driving unit's region, about a hundredth of that (for PGlite)
  --scale <factor>         multiply every count (e.g. 0.01 for a quick try)
  --seed <n>               the random seed (default ${DEFAULT_SEED})
  --as-of <YYYY-MM-DD>     the date the data is "as of" (default today, Bangkok)
  --region <code>          the region of --size unit (north, northeast, central, east, west, south)
  --database-url <url>     a PostgreSQL database (default DATABASE_URL; empty: the embedded database)
  --data-dir <folder>      the embedded database's folder (default DATA_DIR, ./data)
  --admin <folder>         districts and subdistricts (default ../shared/data/admin/thailand-geography-json)
  --boundaries <file>      province boundaries (default ../shared/data/geo/th_provinces_choropleth.geojson)
  --recreate               drop and create the database first (PostgreSQL), or empty the embedded one
  --check                  check the application's invariants afterwards
  --batch <rows>           rows per INSERT (default 4000 on PostgreSQL, 1000 on the embedded database)

Every account's password is printed at the end. Refused when NODE_ENV=production.`;

const sharedData = path.resolve('..', 'shared', 'data');

/** A bad option: the message and the usage are printed. */
class UsageError extends Error {
  override name = 'UsageError';
}

function number(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a number from ${min} to ${max}, not "${value}".`);
  }
  return n;
}

/** Drops and creates the PostgreSQL database of `url` (through the server's `postgres` database). */
async function recreatePostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name || name === 'postgres') {
    throw new UsageError('--recreate needs a database of its own in the URL (not "postgres").');
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot connect to the PostgreSQL server at ${redactUrl(admin.toString())}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  let database: DatabaseHandle | undefined;
  try {
    const { values } = parseArgs({
      options: {
        size: { type: 'string' },
        scale: { type: 'string' },
        seed: { type: 'string' },
        'as-of': { type: 'string' },
        region: { type: 'string' },
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        admin: { type: 'string' },
        boundaries: { type: 'string' },
        recreate: { type: 'boolean' },
        check: { type: 'boolean' },
        batch: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    });
    if (values.help) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    const sizeName = (values.size ?? 'unit') as SizeName;
    if (!SIZE_NAMES.includes(sizeName)) {
      throw new UsageError(`--size must be one of ${SIZE_NAMES.join(', ')}, not "${sizeName}".`);
    }
    if (values.region !== undefined && !(REGION_CODES as readonly string[]).includes(values.region)) {
      throw new UsageError(`--region must be one of ${REGION_CODES.join(', ')}, not "${values.region}".`);
    }
    const asOf = values['as-of'] ?? bangkokDate(new Date());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
      throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${asOf}".`);
    }
    const factor = number(values.scale, 'scale', 0.00001, 10) ?? 1;
    const seed = number(values.seed, 'seed', 0, 2 ** 31) ?? DEFAULT_SEED;
    const batchRows = number(values.batch, 'batch', 10, 50_000);
    const size = scaleSize(
      SIZES[sizeName],
      factor,
      values.region === undefined ? undefined : (values.region as RegionCode),
    );

    const env = parseEnv({
      ...process.env,
      ...(values['database-url'] !== undefined ? { DATABASE_URL: values['database-url'] } : {}),
      ...(values['data-dir'] !== undefined ? { DATA_DIR: values['data-dir'] } : {}),
    });
    if (env.NODE_ENV === 'production') {
      throw new UsageError('Scale data is not generated when NODE_ENV=production.');
    }
    if (values.recreate) {
      if (env.DATABASE_URL) {
        await recreatePostgres(env.DATABASE_URL);
      } else {
        rmSync(path.resolve(env.DATA_DIR, 'pglite'), { recursive: true, force: true });
      }
    }
    database = await openConfiguredDatabase(env);
    const where = env.DATABASE_URL ? redactUrl(env.DATABASE_URL) : path.resolve(env.DATA_DIR, 'pglite');
    process.stdout.write(
      `Scale data "${sizeName}"${factor === 1 ? '' : ` ×${factor}`} (seed ${seed}, as of ${asOf}) into ${database.engine} ${where}\n`,
    );
    const t0 = performance.now();
    await prepareDatabase(database, env.MIGRATIONS_DIR);
    process.stdout.write(
      `migrations and reference lists: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
    const summary = await generateScaleData(database, {
      size,
      seed,
      asOf,
      batchRows,
      seedDir: path.resolve('db', 'seed'),
      adminDir: values.admin ?? path.join(sharedData, 'admin', 'thailand-geography-json'),
      boundariesFile: values.boundaries ?? path.join(sharedData, 'geo', 'th_provinces_choropleth.geojson'),
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const width = Math.max(...Object.keys(summary.rows).map((k) => k.length));
    process.stdout.write('\nRows per table:\n');
    for (const [table, rows] of Object.entries(summary.rows)) {
      const seconds = summary.tableSeconds[table] ?? 0;
      process.stdout.write(
        `  ${table.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(11)}  ${seconds.toFixed(1).padStart(7)} s\n`,
      );
    }
    const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `  ${'total'.padEnd(width)}  ${total.toLocaleString('en-US').padStart(11)}\n\nSeconds per phase:\n`,
    );
    for (const p of summary.phases) {
      process.stdout.write(`  ${p.name.padEnd(48)} ${p.seconds.toFixed(1).padStart(7)}\n`);
    }
    process.stdout.write(`  ${'total'.padEnd(48)} ${summary.seconds.toFixed(1).padStart(7)}\n\n`);
    const a = summary.accounts;
    process.stdout.write(
      `Accounts (password ${a.password}): ${a.admin}, ${a.officer}, ${a.unitStaff}, ${a.reviewer}, ${a.applicant}\n`,
    );
    if (summary.sampleDraft) {
      process.stdout.write(
        `${a.applicant} owns the draft ${summary.sampleDraft.proposalId} of the open call ${summary.sampleDraft.callId}\n`,
      );
    }
    if (summary.busiestCall) {
      const b = summary.busiestCall;
      process.stdout.write(`Busiest call: ${b.code}-${b.fiscalYear} (${b.id}), ${b.proposals} proposals\n`);
    }
    if (values.check) {
      const t1 = performance.now();
      const results = await checkScaleInvariants(database.db);
      process.stdout.write(`\nInvariants (${((performance.now() - t1) / 1000).toFixed(1)} s):\n`);
      for (const r of results) {
        process.stdout.write(
          `  ${r.violations === 0 ? 'ok  ' : 'FAIL'} ${r.name}${r.violations ? ` (${r.violations})` : ''}\n`,
        );
      }
      if (results.some((r) => r.violations > 0)) {
        process.exitCode = 1;
      }
    }
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof ImportFileError ||
      error instanceof ScaleDataError
    ) {
      process.stderr.write(`Error: ${error.message}\n`);
    } else if (
      error instanceof UsageError ||
      (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS'))
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

await main();
