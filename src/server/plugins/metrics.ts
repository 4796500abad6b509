import fp from 'fastify-plugin';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** Prometheus metrics of this app: HTTP requests and the gauges modules add; process metrics are merged in. */
    metrics: AppMetrics;
  }
}

export interface AppMetrics {
  /** This app's own metrics; modules register gauges here (read at scrape time). */
  registry: Registry;
  /** The text exposition of this app's and the process's metrics, and its content type. */
  scrape(): Promise<{ body: string; contentType: string }>;
}

/** Route label of a request no route matched: raw URLs never become labels. */
export const UNMATCHED_ROUTE = 'unmatched';

let processRegistry: Registry | undefined;

/**
 * Process metrics (CPU, memory, event-loop lag, GC, handles) once per process, whatever the number of apps built in it
 * (the tests build many): they describe the process, not an app.
 */
function getProcessRegistry(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * Prometheus metrics: the default process metrics and `http_request_duration_seconds` by method, route pattern and
 * status code. Labels carry no URL, query, id or person: the route is the pattern (`/api/calls/:id`).
 */
export const metricsPlugin = fp(
  (app, _opts, done) => {
    const registry = new Registry();
    const requests = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer HTTP requests, by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    app.decorate('metrics', {
      registry,
      async scrape() {
        const merged = Registry.merge([getProcessRegistry(), registry]);
        return { body: await merged.metrics(), contentType: merged.contentType };
      },
    });
    app.addHook('onResponse', (request, reply, next) => {
      requests.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? UNMATCHED_ROUTE,
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      next();
    });
    done();
  },
  { name: 'metrics' },
);
