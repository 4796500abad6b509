import { z } from 'zod';

/** A background job's life: queued → running → succeeded | failed (a dead worker's job goes back to queued). */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What jobs there are; the worker looks the handler up by this. */
export const JOB_KINDS = [
  'policy-report',
  'proposals-export',
  'disbursements-export',
  'cohort-results-export',
  'indicators-import',
  'boundaries-import',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

/** Why a job failed: the page shows `insights.jobs.errors.<code>`. */
export const JOB_ERROR_CODES = ['HANDLER_FAILED', 'UNKNOWN_KIND', 'BAD_PARAMS', 'WORKER_LOST'] as const;
export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

export const JOB_LIMITS = {
  /** How many of one's own jobs `GET /api/jobs` lists (newest first). */
  listMax: 50,
  /** A result file is kept this long after the job ends, then deleted with the job. */
  resultHours: 24,
  /** A failed job is kept this long (its error shown), then deleted. */
  failedHours: 24 * 7,
  /** A running job whose worker has not touched it for this long is taken back (the worker died). */
  staleSeconds: 120,
  /** Taken back at most this many times; then it fails with WORKER_LOST. */
  maxAttempts: 3,
} as const;

export const JobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** Steps done of `total`. */
  progress: z.int().min(0),
  total: z.int().min(1),
  /** The step under way (an i18n key), '' before the first. */
  stepKey: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Set once the job has succeeded and while its file is kept. */
  downloadUrl: z.string().nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  bytes: z.int().nullable(),
  errorCode: z.enum(JOB_ERROR_CODES).nullable(),
  expiresAt: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobListSchema = z.array(JobSchema);

/** What creating a job answers (202): its id, to poll `GET /api/jobs/:id`. */
export const CreatedJobSchema = z.object({ jobId: z.uuid() });
export type CreatedJob = z.infer<typeof CreatedJobSchema>;

/** The job's download address. */
export const jobDownloadPath = (id: string) => `/api/jobs/${encodeURIComponent(id)}/download`;
