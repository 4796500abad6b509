import type { FastifyReply, FastifyRequest } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { ReadCache } from './read-cache';
import { AppError, fieldIssue, invalidField } from './errors';
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

/** A multipart body read into memory: the first file of each field name and the last value of each text field. */
export interface MultipartForm {
  files: Map<string, UploadInput>;
  fields: Map<string, string>;
}

/**
 * Reads a multipart body; a file past the size limit comes back truncated. A body that is not well-formed multipart
 * (no or another boundary, cut short) is VALIDATION_FAILED on `body`, and a text field holding a NUL character is
 * VALIDATION_FAILED on that field; the multipart plugin's own errors (limits 413, not multipart) keep their status.
 */
export async function readMultipartForm(request: FastifyRequest): Promise<MultipartForm> {
  const form: MultipartForm = { files: new Map(), fields: new Map() };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (!form.files.has(part.fieldname)) {
          form.files.set(part.fieldname, { fileName: part.filename, bytes, truncated: part.file.truncated });
        }
      } else if (typeof part.value === 'string') {
        form.fields.set(part.fieldname, part.value);
      }
    }
  } catch (error) {
    if (error instanceof AppError || typeof (error as { statusCode?: unknown }).statusCode === 'number') {
      throw error;
    }
    throw new AppError('VALIDATION_FAILED', 'errors.MALFORMED_MULTIPART', {
      issues: [fieldIssue('body', 'malformed_multipart', 'errors.MALFORMED_MULTIPART')],
    });
  }
  for (const [name, value] of form.fields) {
    if (value.includes('\u0000')) {
      throw invalidField(`body.${name}`, 'errors.NUL_CHARACTER');
    }
  }
  return form;
}

/** Reads the one `file` part of a multipart upload; a file past the size limit comes back truncated. */
export async function readFileUpload(request: FastifyRequest): Promise<UploadInput> {
  const file = (await readMultipartForm(request)).files.get('file');
  if (!file) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
    });
  }
  return file;
}

const serializers = new WeakMap<z.ZodType, (data: unknown) => string>();

/** The JSON text of `data` as a route with this response schema sends it (Fastify's own zod serializer). */
function serializeAs(schema: z.ZodType, data: unknown): string {
  let serialize = serializers.get(schema);
  if (!serialize) {
    serialize = serializerCompiler({ schema, method: 'GET', url: 'read-cache', httpStatus: '200' }) as (
      data: unknown,
    ) => string;
    serializers.set(schema, serialize);
  }
  return serialize(data);
}

/**
 * Answers from the read cache (`src/server/lib/read-cache.ts`): the answer is encoded through the route's response
 * schema once, when computed, exactly as Fastify would, and its JSON text is reused until the data changes — a cached
 * answer costs neither the schema's checks nor serialization again. `schema` is the route's 200 response schema;
 * `headers` go with a successful answer only. An answer that depends on the time says until when it holds
 * (`expiresAt`, on the clock that gives `now`).
 */
export async function sendCached<S extends z.ZodType>(
  reply: FastifyReply,
  cache: ReadCache,
  key: readonly unknown[],
  schema: S,
  compute: () => Promise<z.input<S>>,
  options: {
    headers?: Record<string, string>;
    now?: Date;
    expiresAt?: (data: z.input<S>) => Date | null;
  } = {},
): Promise<FastifyReply> {
  const answer = await cache.get(
    key,
    async () => {
      const data = await compute();
      return { json: serializeAs(schema, data), expiresAt: options.expiresAt?.(data)?.getTime() ?? null };
    },
    { now: options.now?.getTime(), expiresAt: (computed) => computed.expiresAt },
  );
  return reply
    .headers(options.headers ?? {})
    .type('application/json; charset=utf-8')
    .send(answer.json);
}
