export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  EMAIL_NOT_VERIFIED: 403,
  TOTP_ENROLLMENT_REQUIRED: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  TOKEN_INVALID: 400,
  TOKEN_EXPIRED: 410,
  TOKEN_USED: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DEADLINE_PASSED: 422,
  RATE_LIMITED: 429,
  ACCOUNT_LOCKED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One problem with one field: `field` is a dotted path such as `body.email` or `row 12.province_code`. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
  messageEn?: string;
}

/**
 * The one error type code throws. `message` is an i18n key (`errors.<code>` by default) or literal text; the error
 * handler renders it in the request's language.
 */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly params?: Record<string, unknown>,
  ) {
    super(message ?? `errors.${code}`);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(entity: string, id: string | number): AppError {
  return new AppError('NOT_FOUND', 'errors.NOT_FOUND_ENTITY', { entity, id }, { entity, id });
}

/**
 * A field problem whose message is a catalogue key (`errors.…`): the error handler renders it in the request's
 * language, with the English text beside it.
 */
export function fieldIssue(field: string, code: string, key: string, params?: Record<string, unknown>) {
  return { field, code, message: key, ...(params ? { params } : {}) };
}

/** VALIDATION_FAILED for one field, with a catalogue message. */
export function invalidField(field: string, key: string, params?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', undefined, {
    issues: [fieldIssue(field, 'invalid', key, params)],
  });
}
