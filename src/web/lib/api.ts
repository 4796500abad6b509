import type { ErrorResponse } from '@shared/contracts/common';

/** An API failure: the server's `{ error: { code, message, details } }`, or a network / parse failure. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get isNotFound(): boolean {
    return this.status === 404 || this.code === 'NOT_FOUND';
  }
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) {
    return false;
  }
  const error: unknown = body.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

function hasData<T>(body: unknown): body is { data: T } {
  return typeof body === 'object' && body !== null && 'data' in body;
}

async function request(path: string, init: RequestInit = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError('NETWORK_ERROR', cause instanceof Error ? cause.message : 'Network error', 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorResponse(body)) {
      throw new ApiError(body.error.code, body.error.message, response.status, body.error.details);
    }
    throw new ApiError(
      response.status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR',
      response.statusText,
      response.status,
    );
  }
  if (body === undefined) {
    throw new ApiError('INVALID_RESPONSE', 'The response is not JSON', response.status);
  }
  return body;
}

/** GETs an endpoint that answers `{ data }` and returns the data. */
export async function apiGet<T>(path: string, init?: RequestInit): Promise<T> {
  const body = await request(path, init);
  if (!hasData<T>(body)) {
    throw new ApiError('INVALID_RESPONSE', 'The response has no data', 200);
  }
  return body.data;
}

/** GETs an endpoint that answers a bare JSON document (e.g. GeoJSON). */
export async function apiGetRaw<T>(path: string, init?: RequestInit): Promise<T> {
  return (await request(path, init)) as T;
}

/** Builds `path?key=value` from the defined parameters. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      search.set(key, String(value));
    }
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** Turns anything thrown into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return new ApiError('UNKNOWN', error instanceof Error ? error.message : String(error), 0);
}
