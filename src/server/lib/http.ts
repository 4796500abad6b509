import type { FastifyReply } from 'fastify';
import { ErrorResponseSchema } from '@shared/contracts/common';

/** Documents the error responses a route can give, all in the one error shape. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponseSchema]));
}

/**
 * A per-route rate limit: `max` requests per `timeWindow` and client IP, counted in the database (every instance
 * shares the count), scaled by the RATE_LIMIT_FACTOR setting.
 */
export function rateLimit(max: number, timeWindow: string) {
  return {
    max: (request: { server: { rateLimitFactor: number } }) =>
      Math.max(1, Math.round(max * request.server.rateLimitFactor)),
    timeWindow,
  };
}

/** Sends a file only the signed-in user may see: its type as detected, never sniffed by the browser, never cached. */
export function sendPrivateFile(reply: FastifyReply, contentType: string, disposition: string, body: Buffer) {
  return reply
    .header('Content-Type', contentType)
    .header('Content-Disposition', disposition)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(body);
}
