import { useCallback, useState } from 'react';
import type { CreatedJob } from '@shared/contracts/jobs';
import { toApiError, type ApiError } from '@web/lib/api';
import { JobProgress } from './job-progress';
import { ErrorState } from './states';
import './export-jobs.css';

/** An export started as a background job, with what it makes (shown above its bar). */
export interface StartedExport {
  jobId: string;
  label: string;
}

/**
 * Exports run as background jobs: `run(format, label)` starts one through `start` (the feature's POST …/exports) and
 * keeps it, newest first, for <ExportJobList>. `busy` is the format being started; `error` why the last start failed.
 */
export function useExportJobs<F extends string>(start: (format: F) => Promise<CreatedJob>) {
  const [jobs, setJobs] = useState<StartedExport[]>([]);
  const [busy, setBusy] = useState<F | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (format: F, label: string) => {
      setBusy(format);
      setError(null);
      try {
        const { jobId } = await start(format);
        setJobs((list) => [{ jobId, label }, ...list]);
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        setBusy(null);
      }
    },
    [start],
  );
  return { jobs, busy, error, run };
}

/** The started exports, each with its progress bar and then its download link; and why a start failed. */
export function ExportJobList({ jobs, error }: { jobs: readonly StartedExport[]; error: ApiError | null }) {
  if (jobs.length === 0 && !error) {
    return null;
  }
  return (
    <div className="export-jobs" data-testid="export-jobs">
      {error ? <ErrorState error={error} /> : null}
      {jobs.length > 0 ? (
        <ul className="export-jobs__list">
          {jobs.map((job) => (
            <li key={job.jobId}>
              <JobProgress jobId={job.jobId} label={job.label} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
