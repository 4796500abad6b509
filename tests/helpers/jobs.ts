import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Job } from '@shared/contracts/jobs';
import type { TestClient } from './client';

/** Follows a job to its end with the application's own worker; answers it as `client` (its owner) then sees it. */
export async function finishedJob(app: FastifyInstance, client: TestClient, jobId: string): Promise<Job> {
  let job: Job | undefined;
  for (let i = 0; i < 200; i += 1) {
    await app.jobs.idle();
    const response = await client.get(`/api/jobs/${jobId}`);
    expect(response.statusCode, response.body).toBe(200);
    job = response.json<{ data: Job }>().data;
    if (job.status === 'succeeded' || job.status === 'failed') {
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${jobId} did not end: ${JSON.stringify(job)}`);
}

/** Starts an export with `POST url body` (202 { jobId }), runs it to the end, and answers the succeeded job. */
export async function exportedJob(
  app: FastifyInstance,
  client: TestClient,
  url: string,
  body: Record<string, unknown>,
): Promise<Job> {
  const started = await client.post(url, body);
  expect(started.statusCode, started.body).toBe(202);
  const { jobId } = started.json<{ data: { jobId: string } }>().data;
  const job = await finishedJob(app, client, jobId);
  expect(job, JSON.stringify(job)).toMatchObject({ status: 'succeeded', errorCode: null });
  expect(job.progress).toBe(job.total);
  return job;
}

/** A succeeded job's file as `client` downloads it (200 expected). */
export async function downloadedFile(client: TestClient, job: Job) {
  const response = await client.get(job.downloadUrl ?? `/api/jobs/${job.id}/download`);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return response;
}
