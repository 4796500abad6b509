import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Gauge, type Registry } from 'prom-client';
import type { DatabaseHandle } from '@server/db/client';
import {
  HealthResponseSchema,
  LivenessResponseSchema,
  ReadinessResponseSchema,
} from '@shared/contracts/system';
import { AppError } from '@server/lib/errors';
import { hashToken, safeEqual } from '@server/lib/crypto';
import { errorResponses } from '@server/lib/http';
import {
  countJobs,
  countOutboxEmails,
  getHealth,
  getReadiness,
  isDatabaseUp,
  readJournalTimes,
} from './system.service';

export interface SystemRoutesOptions {
  migrationsDir: string;
  version: string;
  /** Bearer token for `/api/metrics`; without it only direct loopback requests are answered. */
  metricsToken?: string | undefined;
}

const tags = ['system'];

export const systemRoutes: FastifyPluginAsyncZod<SystemRoutesOptions> = async (app, opts) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Liveness and database status',
        response: { 200: HealthResponseSchema, ...errorResponses(503) },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return getHealth(app.database, opts.migrationsDir, opts.version);
    },
  );

  app.get(
    '/health/live',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Liveness probe: the process answers (no database round trip); restart the instance when it fails',
        response: { 200: LivenessResponseSchema },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return { status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) };
    },
  );

  let journal: number[] | undefined;
  app.get(
    '/health/ready',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Readiness probe: 200 when the database answers and every migration of this version is applied, 503 otherwise; send no traffic while it fails',
        response: { 200: ReadinessResponseSchema, 503: ReadinessResponseSchema },
      },
    },
    async (_request, reply) => {
      journal ??= readJournalTimes(opts.migrationsDir);
      const readiness = await getReadiness(app.database, journal);
      void reply.header('cache-control', 'no-store');
      return reply.code(readiness.status === 'ready' ? 200 : 503).send(readiness);
    },
  );

  registerQueueGauges(app.metrics.registry, app.database);
  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Prometheus metrics (text format): process, HTTP requests by route pattern, work queues. Bearer METRICS_TOKEN, or direct loopback requests when it is unset',
        response: { 200: z.string().describe('text/plain; version=0.0.4'), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      assertMayScrape(request, opts.metricsToken);
      const { body, contentType } = await app.metrics.scrape();
      return reply.type(contentType).header('cache-control', 'no-store').send(body);
    },
  );
};

/**
 * With a token configured, a scraper must send `Authorization: Bearer <token>` (compared in constant time). Without
 * one, only requests made on this machine straight to the server are answered: the socket's peer is a loopback
 * address and no proxy header says the request came from elsewhere (a proxy on the same machine would otherwise
 * publish the metrics).
 */
function assertMayScrape(request: FastifyRequest, token: string | undefined): void {
  if (token !== undefined) {
    const header = request.headers.authorization;
    const given = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!given || !safeEqual(hashToken(given), hashToken(token))) {
      throw new AppError('UNAUTHENTICATED');
    }
    return;
  }
  const peer = request.socket.remoteAddress ?? '';
  const loopback = peer.startsWith('127.') || peer === '::1' || peer.startsWith('::ffff:127.');
  const proxied = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some(
    (name) => request.headers[name] !== undefined,
  );
  if (!loopback || proxied) {
    throw new AppError('FORBIDDEN');
  }
}

/** Gauges of the work queues and the database, each read from the database at scrape time. */
function registerQueueGauges(registry: Registry, database: DatabaseHandle): void {
  new Gauge({
    name: 'si_database_up',
    help: 'Whether the database answered the scrape (1) or not (0)',
    registers: [registry],
    async collect() {
      this.set((await isDatabaseUp(database)) ? 1 : 0);
    },
  });
  // With the database down the queue gauges report nothing; si_database_up says why.
  new Gauge({
    name: 'si_jobs',
    help: 'Background jobs (exports, imports) waiting or running, by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await countJobs(database).catch(() => null);
      if (counts) {
        this.set({ status: 'queued' }, counts.queued);
        this.set({ status: 'running' }, counts.running);
      }
    },
  });
  new Gauge({
    name: 'si_email_outbox',
    help: 'Emails in the outbox waiting to be sent (pending) or given up on (failed)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const counts = await countOutboxEmails(database).catch(() => null);
      if (counts) {
        this.set({ status: 'pending' }, counts.pending);
        this.set({ status: 'failed' }, counts.failed);
      }
    },
  });
}
