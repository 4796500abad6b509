import { z } from 'zod';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** Like `booleanFlag`, but unset (or empty) stays `undefined`, so that the default can depend on other settings. */
const optionalBooleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) =>
    value === undefined || value === '' ? undefined : value === '1' || value === 'true' || value === 'yes',
  );

/** An optional string where an empty value counts as unset. */
const optionalText = z
  .string()
  .min(1)
  .optional()
  .or(z.literal('').transform(() => undefined));

/** Settings that `FILE_STORAGE=s3` cannot do without. */
const S3_REQUIRED = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

const EnvFields = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFlag,
  PUBLIC_URL: z.string().url().optional(),
  WEB_DIST_DIR: z.string().min(1).default('./dist/web'),
  MIGRATIONS_DIR: z.string().min(1).default('./db/migrations'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default('SI Platform <no-reply@si-platform.local>'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** Administrators and programme officers must use a second factor. Default: on in production. */
  REQUIRE_2FA_FOR_STAFF: z.enum(['1', '0', 'true', 'false', '']).optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  /** How often each instance looks for progress-report reminders to send (they go out once whatever the instances). */
  REMINDER_POLL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(900_000),
  /** Multiplies every per-route rate limit (for load tests and test suites that send many requests from one IP). */
  RATE_LIMIT_FACTOR: z.coerce.number().min(0.01).max(100_000).default(1),
  /** `off`: every expensive read computes its answer (src/server/lib/read-cache.ts), for measuring the uncached path. */
  READ_CACHE: z.enum(['on', 'off']).default('on'),
  /** Where uploaded files' bytes go: `disk` (DATA_DIR/files) or an S3-compatible bucket. */
  FILE_STORAGE: z.enum(['disk', 's3']).default('disk'),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/\s]+/, 'must start with http:// or https://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3–63 of a-z, 0-9, dot and hyphen')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  /** Path-style URLs (`endpoint/bucket/key`), as most S3-compatible servers need. Default: on when S3_ENDPOINT is set. */
  S3_FORCE_PATH_STYLE: optionalBooleanFlag,
  /**
   * A bearer token that opens `/api/metrics` to a scraper anywhere. Unset: only direct requests from this machine's
   * loopback (no proxy in between) are answered.
   */
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

const EnvSchema = EnvFields.superRefine(
  (value, ctx) => {
    if (value.FILE_STORAGE !== 's3') {
      return;
    }
    for (const name of S3_REQUIRED) {
      if (!value[name]) {
        ctx.addIssue({ code: 'custom', path: [name], message: 'required when FILE_STORAGE=s3' });
      }
    }
  },
  // Also when other variables are bad, so that the start-up message names every problem at once.
  { when: () => true },
);

export type Env = z.infer<typeof EnvSchema>;

/** Whether staff roles must use two-factor sign-in: the setting, else on in production only. */
export function requiresStaffTwoFactor(env: Env): boolean {
  const value = env.REQUIRE_2FA_FOR_STAFF;
  if (value === undefined || value === '') {
    return env.NODE_ENV === 'production';
  }
  return value === '1' || value === 'true';
}

/** The public address of the web client, for links in emails. */
export function publicUrl(env: Env): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
}

/**
 * Parses the process environment once. On invalid configuration it throws an error listing every bad variable,
 * so that start-up fails fast with a readable message instead of a stack trace deep in a plugin.
 */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

let cached: Env | undefined;

/** The environment of this process, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}
