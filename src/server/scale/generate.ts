import { hash as argonHash } from '@node-rs/argon2';
import { count, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Database, DatabaseHandle } from '@server/db/client';
import * as schema from '@server/db/schema/index';
import { dataLoads, users } from '@server/db/schema/index';
import { generateAdoptions } from './adoptions';
import { generateCatalogue } from './catalogue';
import type { ScaleContext } from './context';
import { withSecondaryIndexesDeferred } from './indexes';
import { Loader } from './loader';
import { generateOrganisations } from './organisations';
import { generatePeople, scaleEmail } from './people';
import { generateProjects } from './projects';
import { createRandom } from './random';
import { loadReference, type ReferenceOptions } from './reference';
import { generateSelection } from './selection';
import type { ScaleSize } from './sizes';
import { atBangkok, bangkokDate, fiscalYearOf } from './time';
import { checkScaleIntegrity } from './verify';

/** The password of every generated account (scale data only; never in production). */
export const SCALE_PASSWORD = 'scale-password-2569';
export const DEFAULT_SEED = 2569;

export interface ScaleOptions extends ReferenceOptions {
  size: ScaleSize;
  seed: number;
  /** The generation date (Bangkok); the data is the same for the same seed, size and date. */
  asOf: string;
  /** Rows per INSERT. */
  batchRows?: number;
  /**
   * Write with the per-row foreign-key and money triggers off and check the whole tables at the end (default; falls
   * back to per-row checks where the database refuses). False: per-row checks.
   */
  deferChecks?: boolean;
  log?: (line: string) => void;
}

export interface ScaleSummary {
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Seconds the database spent writing each table. */
  tableSeconds: Record<string, number>;
  /** Seconds per phase. */
  phases: Array<{ name: string; seconds: number }>;
  seconds: number;
  accounts: {
    password: string;
    admin: string;
    officer: string;
    unitStaff: string;
    reviewer: string;
    /** Owns a draft in an open call (for autosave), when there is one. */
    applicant: string;
  };
  sampleDraft: { proposalId: string; callId: string } | null;
  busiestCall: { id: string; code: string; fiscalYear: number; proposals: number } | null;
}

export class ScaleDataError extends Error {
  override name = 'ScaleDataError';
}

/** The loader's own connection: one of the pool's on a PostgreSQL server (its session settings stay its own). */
async function loaderSession(handle: DatabaseHandle): Promise<{ db: Database; release: () => void }> {
  const pool = (handle.db as unknown as { $client?: unknown }).$client;
  if (handle.engine === 'postgres' && pool instanceof pg.Pool) {
    const client = await pool.connect();
    return {
      db: drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database,
      release: () => client.release(),
    };
  }
  return { db: handle.db, release: () => undefined };
}

/**
 * Fills an empty, migrated database with a country's (or one driving unit's) worth of deterministic, realistic data:
 * the same seed, size and date give the same rows. Phases run in foreign-key order, each timed. Rows are written with
 * the secondary indexes dropped (built again at the end) and, where the database allows it, with the per-row
 * foreign-key and money triggers off — then every foreign key and money sum is checked over whole tables, and the
 * load fails if one is broken. The tables are analysed at the end.
 */
export async function generateScaleData(
  handle: DatabaseHandle,
  options: ScaleOptions,
): Promise<ScaleSummary> {
  const [existing] = await handle.db.select({ n: count() }).from(users);
  if (Number(existing?.n ?? 0) > 0) {
    throw new ScaleDataError(
      'The database already holds accounts. Generate the scale data into an empty database (--recreate drops and creates it).',
    );
  }
  const postgres = handle.engine === 'postgres';
  const session = await loaderSession(handle);
  const loader = new Loader(session.db, options.batchRows ?? (postgres ? 4000 : 1000));
  try {
    const deferred = await loader.configureSession({
      asyncCommit: postgres,
      deferChecks: options.deferChecks ?? true,
    });
    return await runPhases(handle, loader, options, deferred);
  } finally {
    await loader.resetSession();
    session.release();
  }
}

async function runPhases(
  handle: DatabaseHandle,
  loader: Loader,
  options: ScaleOptions,
  deferred: boolean,
): Promise<ScaleSummary> {
  const log = options.log ?? (() => undefined);
  const { db } = handle;
  const asOf = atBangkok(options.asOf, 12);
  const random = createRandom(options.seed);
  // One argon2 hash for every account, with a salt drawn from the seed (so the hash, too, is the same each run).
  const saltStream = random.fork('salt');
  const salt = Uint8Array.from({ length: 16 }, () => saltStream.int(0, 255));
  const ctx: ScaleContext = {
    db,
    engine: handle.engine,
    loader,
    random,
    size: options.size,
    asOf,
    today: bangkokDate(asOf),
    fiscalYearNow: fiscalYearOf(bangkokDate(asOf)),
    passwordHash: await argonHash(SCALE_PASSWORD, { salt }),
    log,
  };
  const phases: ScaleSummary['phases'] = [];
  const started = performance.now();
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    log(`${name}…`);
    const result = await work();
    await loader.drain();
    const seconds = (performance.now() - t0) / 1000;
    phases.push({ name, seconds });
    log(`  done in ${seconds.toFixed(1)} s`);
    return result;
  };

  const ref = await phase('reference data (geography, poverty figures)', () => loadReference(ctx, options));
  const selection = await withSecondaryIndexesDeferred(
    db,
    async () => {
      const people = await phase('accounts, driving units, reviewers, partners', () =>
        generatePeople(ctx, ref),
      );
      const orgs = await phase('organisations', () => generateOrganisations(ctx, ref, people));
      const chosen = await phase('calls, proposals, reviews, decisions', () =>
        generateSelection(ctx, ref, people, orgs),
      );
      const funded = await phase('grant projects, reports, money, indicators', () =>
        generateProjects(ctx, ref, people, orgs, chosen.awards),
      );
      const catalogue = await phase('innovation catalogue', () =>
        generateCatalogue(
          ctx,
          ref,
          people,
          orgs,
          Math.max(0, options.size.innovations - funded.innovationCount),
        ),
      );
      await phase('adoptions', () =>
        generateAdoptions(ctx, ref, people, orgs, [...funded.innovations, ...catalogue]),
      );
      log('secondary indexes…');
      return chosen;
    },
    (seconds, built) => {
      phases.push({ name: `secondary indexes (${built}) built`, seconds });
      log(`  ${built} built in ${seconds.toFixed(1)} s`);
    },
  );
  // The loader's writes ran without the triggers that keep the dashboards' summaries: computed once, here.
  await phase('dashboard summaries', async () => {
    await db.execute(sql`SELECT rebuild_dashboard_summaries()`);
  });
  if (deferred) {
    await phase('foreign keys and money sums checked', async () => {
      const broken = (await checkScaleIntegrity(db)).filter((r) => r.violations > 0);
      if (broken.length > 0) {
        throw new ScaleDataError(
          `The generated data breaks ${broken.map((b) => `${b.name} (${b.violations} rows)`).join(', ')}.`,
        );
      }
    });
  }
  await phase(handle.engine === 'postgres' ? 'vacuum and analyse' : 'analyse', async () => {
    await db.insert(dataLoads).values({
      name: 'scale-data',
      detail: `seed ${options.seed}, as of ${options.asOf}, ${options.size.proposals} proposals`,
    });
    await db.execute(handle.engine === 'postgres' ? sql`VACUUM (ANALYZE)` : sql`ANALYZE`);
  });
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.fromEntries([...loader.counts().entries()].sort((a, b) => a[0].localeCompare(b[0])));
  return {
    rows,
    tableSeconds: Object.fromEntries(loader.secondsPerTable()),
    phases,
    seconds,
    accounts: {
      password: SCALE_PASSWORD,
      admin: scaleEmail('admin'),
      officer: scaleEmail('officer1'),
      unitStaff: scaleEmail('unit1'),
      reviewer: scaleEmail('reviewer1'),
      applicant: scaleEmail('applicant1'),
    },
    sampleDraft: selection.sampleDraft,
    busiestCall: selection.busiestCall,
  };
}
