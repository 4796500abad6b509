import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldIssue } from '@server/lib/errors';
import { translate, translateZodIssue } from '@server/lib/i18n';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

const CONTEXT_FIELD: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'params',
  headers: 'headers',
};

/**
 * The one error handler: AppError → its status and code; request-schema failures → 400 VALIDATION_FAILED with
 * one entry per field; unique violations → 409 CONFLICT; Fastify's own 4xx (bad JSON, body too large, wrong
 * content type) → their codes; anything else → 500 "Internal error", logged with the request id and never leaked.
 */
export const errorHandlerPlugin = fp(
  (app, _opts, done) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const body = toErrorBody(error, request);
      const status = ERROR_STATUS[body.error.code];
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
      } else {
        request.log.info({ code: body.error.code, status }, 'request rejected');
      }
      if (body.error.code === 'RATE_LIMITED' && 'headers' in error) {
        void reply.headers((error as { headers?: Record<string, string> }).headers ?? {});
      }
      return sendError(reply, status, body);
    });
    done();
  },
  { name: 'error-handler' },
);

function sendError(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

function toErrorBody(error: FastifyError, request: FastifyRequest): ErrorBody {
  const lang = request.lang;
  if (error instanceof AppError) {
    return {
      error: {
        code: error.code,
        message: translate(lang, error.message, localiseParams(lang, error.params)),
        details: localiseIssues(lang, error.details),
      },
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    const source: unknown = (request as unknown as Record<string, unknown>)[
      context === 'querystring' ? 'query' : context
    ];
    const issues: FieldIssue[] = error.validation.map((v) => {
      const path = v.instancePath.split('/').filter(Boolean);
      const issue = { ...v.params, code: v.keyword, path, input: valueAt(source, path) };
      return {
        field: [CONTEXT_FIELD[context] ?? context, ...path].join('.'),
        code: v.keyword,
        message: catalogueMessage(lang, v.message) ?? translateZodIssue(lang, issue),
        messageEn: catalogueMessage('en', v.message) ?? translateZodIssue('en', issue),
      };
    });
    return {
      error: {
        code: 'VALIDATION_FAILED',
        message: translate(lang, 'errors.VALIDATION_FAILED'),
        details: { issues },
      },
    };
  }
  if (isResponseSerializationError(error)) {
    return internal(lang);
  }
  if (isUniqueViolation(error)) {
    return { error: { code: 'CONFLICT', message: translate(lang, 'errors.CONFLICT') } };
  }
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return { error: { code: 'RATE_LIMITED', message: translate(lang, 'errors.RATE_LIMITED') } };
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    (status === 400 && error instanceof SyntaxError)
  ) {
    return {
      error: {
        code: 'VALIDATION_FAILED',
        message: translate(lang, 'errors.MALFORMED_JSON'),
        details: {
          issues: [
            {
              field: 'body',
              code: 'malformed_json',
              message: translate(lang, 'errors.MALFORMED_JSON'),
              messageEn: translate('en', 'errors.MALFORMED_JSON'),
            },
          ],
        },
      },
    };
  }
  if (status === 413) {
    return { error: { code: 'PAYLOAD_TOO_LARGE', message: translate(lang, 'errors.PAYLOAD_TOO_LARGE') } };
  }
  if (status === 415) {
    return {
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: translate(lang, 'errors.UNSUPPORTED_MEDIA_TYPE') },
    };
  }
  if (status === 404) {
    return { error: { code: 'NOT_FOUND', message: translate(lang, 'errors.NOT_FOUND') } };
  }
  if (status >= 400 && status < 500) {
    return { error: { code: 'VALIDATION_FAILED', message: translate(lang, 'errors.VALIDATION_FAILED') } };
  }
  return internal(lang);
}

function internal(lang: FastifyRequest['lang']): ErrorBody {
  return { error: { code: 'INTERNAL', message: translate(lang, 'errors.INTERNAL') } };
}

/** Entity names in parameters are catalogue keys under `entities.` when they exist there. */
function localiseParams(lang: FastifyRequest['lang'], params: Record<string, unknown> | undefined) {
  if (!params || typeof params.entity !== 'string') {
    return params;
  }
  return { ...params, entity: translate(lang, `entities.${params.entity}`) };
}

function valueAt(source: unknown, path: string[]): unknown {
  let current = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A unique-key violation (SQLSTATE 23505), raised by the driver or wrapped by Drizzle in a query error's `cause`. */
export function isUniqueViolation(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 3; depth += 1) {
    if ((current as { code?: unknown }).code === '23505') {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** A catalogue key of an error message: `errors.…`, or a module's own `<module>.errors.…`. */
const ERROR_KEY = /^(?:[a-z][a-zA-Z]*\.)?errors\./;

/** A schema's own message when it is a catalogue key the catalogue knows (e.g. a refinement's), else null. */
function catalogueMessage(lang: FastifyRequest['lang'], message: unknown): string | null {
  if (typeof message !== 'string' || !ERROR_KEY.test(message)) {
    return null;
  }
  const text = translate(lang, message);
  return text === message ? null : text;
}

/** Issues whose message is a catalogue key get the text in the request's language and in English. */
function localiseIssues(lang: FastifyRequest['lang'], details: unknown): unknown {
  if (!details || typeof details !== 'object' || !Array.isArray((details as { issues?: unknown }).issues)) {
    return details;
  }
  const issues = (details as { issues: Array<Record<string, unknown>> }).issues.map((issue) => {
    const { params, ...rest } = issue as { message?: unknown; params?: Record<string, unknown> };
    if (typeof rest.message !== 'string' || !ERROR_KEY.test(rest.message)) {
      return issue;
    }
    return {
      ...rest,
      message: translate(lang, rest.message, params),
      messageEn: translate('en', rest.message, params),
    };
  });
  return { ...details, issues };
}
