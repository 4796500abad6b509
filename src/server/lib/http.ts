import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldIssue } from './errors';
import type { UploadInput } from './files';
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

/** Reads the one `file` part of a multipart upload; a file past the size limit comes back truncated. */
export async function readFileUpload(request: FastifyRequest): Promise<UploadInput> {
  let file: UploadInput | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file' && !file) {
        file = { fileName: part.filename, bytes, truncated: part.file.truncated };
      }
    }
  }
  if (!file) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
    });
  }
  return file;
}
