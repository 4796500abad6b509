import { useEffect, useId, useState } from 'react';
import { JOB_ERROR_CODES, type Job } from '@shared/contracts/jobs';
import { apiGet, toApiError, type ApiError } from '@web/lib/api';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { ErrorState } from './states';
import './job-progress.css';

/** How often a running job is asked about: soon at first, then less often. */
const POLL_MS = [500, 1000, 1500, 2000, 3000] as const;

const isEnded = (job: Job | null) => job?.status === 'succeeded' || job?.status === 'failed';

/**
 * A background job followed to its end: polls `GET /api/jobs/:id`, shows an accessible `<progress>` bar with the step
 * under way, then a download link (or why it failed). Status changes are announced politely; a failure as an alert.
 */
export function JobProgress({
  jobId,
  label,
  onDone,
}: {
  jobId: string;
  /** What the job makes, e.g. "PDF (ไทย)", shown above the bar. */
  label?: string;
  onDone?: (job: Job) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let round = 0;
    const poll = () => {
      apiGet<Job>(`/api/jobs/${encodeURIComponent(jobId)}`).then(
        (next) => {
          if (!active) {
            return;
          }
          setJob(next);
          setError(null);
          if (isEnded(next)) {
            onDone?.(next);
            return;
          }
          timer = setTimeout(poll, POLL_MS[Math.min(round, POLL_MS.length - 1)]);
          round += 1;
        },
        (failure: unknown) => {
          if (active) {
            setError(toApiError(failure));
          }
        },
      );
    };
    poll();
    return () => {
      active = false;
      if (timer) {
        clearTimeout(timer);
      }
    };
    // onDone is a notification only: a new function each render must not restart the polling
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId, attempt]);

  const status = job?.status ?? 'queued';
  const stepText =
    job && job.stepKey
      ? t(job.stepKey as MessageKey)
      : t(`insights.jobs.${status === 'running' ? 'running' : 'queued'}`);
  const errorCode = job?.errorCode;
  const knownError =
    errorCode && (JOB_ERROR_CODES as readonly string[]).includes(errorCode) ? errorCode : 'HANDLER_FAILED';

  return (
    <div className={`job-progress job-progress--${status}`} data-testid="job-progress" data-status={status}>
      {label ? <p className="job-progress__label">{label}</p> : null}
      {status === 'succeeded' && job?.downloadUrl ? (
        <div className="job-progress__done" role="status" aria-live="polite">
          <p className="job-progress__status">{t('insights.jobs.succeeded')}</p>
          <a
            className="button button--primary job-progress__download"
            href={job.downloadUrl}
            download={job.fileName ?? true}
            data-testid="job-download"
          >
            {t('insights.jobs.download', { name: job.fileName ?? '' })}
          </a>
          <p className="job-progress__meta">
            {job.bytes !== null
              ? t('insights.jobs.size', {
                  size: formatNumber(Math.max(0.1, job.bytes / 1024), lang, { maximumFractionDigits: 1 }),
                })
              : null}
            {job.expiresAt
              ? ` · ${t('insights.jobs.expires', { date: formatDate(job.expiresAt, lang, 'dateTime') })}`
              : null}
          </p>
        </div>
      ) : status === 'failed' ? (
        <p className="job-progress__failed" role="alert">
          <strong>{t('insights.jobs.failed')}</strong> {t(`insights.jobs.errors.${knownError}`)}
        </p>
      ) : (
        <div className="job-progress__bar">
          <label htmlFor={`${id}-bar`} className="job-progress__step">
            {stepText}
          </label>
          <progress
            id={`${id}-bar`}
            max={job?.total ?? 1}
            value={job && job.status === 'running' ? job.progress : undefined}
            aria-valuetext={
              job ? t('insights.jobs.stepOf', { progress: job.progress, total: job.total }) : undefined
            }
          />
          <p className="job-progress__meta" role="status" aria-live="polite">
            {job
              ? t('insights.jobs.stepOf', { progress: job.progress, total: job.total })
              : t('insights.jobs.queued')}
          </p>
        </div>
      )}
      {error ? <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
    </div>
  );
}
