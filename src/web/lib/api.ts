import type { ErrorResponse, FieldIssue } from '@shared/contracts/common';
import { PAGE_DATA_ELEMENT_ID, pageDataKey } from '@shared/contracts/page-data';

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

/**
 * The signed-in session's CSRF token, set by the auth state (from GET /api/auth/me or the login answer) and sent
 * as `x-csrf-token` with every state-changing request.
 */
let csrfToken: string | null = null;

export const CSRF_HEADER = 'x-csrf-token';

/** Sets (or clears, with null) the CSRF token sent with POST/PUT/PATCH/DELETE. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type ApiErrorListener = (error: ApiError, path: string) => void;
const errorListeners = new Set<ApiErrorListener>();

/**
 * Calls `listener` with every error answer of the API (the auth state uses it to notice an ended session or a
 * second factor that must be set up first). Returns the unsubscribe function.
 */
export function onApiError(listener: ApiErrorListener): () => void {
  errorListeners.add(listener);
  return () => {
    errorListeners.delete(listener);
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The API answers the server put in the page's HTML (@shared/contracts/page-data), read on first use. */
let pageData: Map<string, unknown> | null = null;

function readPageData(): Map<string, unknown> {
  const answers = new Map<string, unknown>();
  const element = typeof document === 'undefined' ? null : document.getElementById(PAGE_DATA_ELEMENT_ID);
  if (element?.textContent) {
    try {
      const parsed: unknown = JSON.parse(element.textContent);
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [key, value] of Object.entries(parsed)) {
          answers.set(key, value);
        }
      }
    } catch {
      // Unreadable: the page asks the API instead.
    }
  }
  element?.remove();
  return answers;
}

/**
 * The answer to a GET of `path` that came with the page, if any; each serves once, so asking again (a retry, a
 * return to the page) reaches the API.
 */
function takePageData(path: string): unknown {
  pageData ??= readPageData();
  if (pageData.size === 0) {
    return undefined;
  }
  const key = pageDataKey(path);
  const answer = pageData.get(key);
  pageData.delete(key);
  return answer;
}

export interface RequestOptions extends Omit<RequestInit, 'body'> {
  /** A JSON body, serialised with its content type. */
  json?: unknown;
}

async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const { json, headers, ...init } = options;
  const method = (init.method ?? 'GET').toUpperCase();
  if (method === 'GET') {
    const answer = takePageData(path);
    if (answer !== undefined) {
      return answer;
    }
  }
  const sent: Record<string, string> = { accept: 'application/json' };
  // Answer in the interface's language (the `lang` cookie, when set, says the same and wins on the server).
  const lang = typeof document === 'undefined' ? '' : document.documentElement.lang;
  if (lang) {
    sent['accept-language'] = lang;
  }
  if (json !== undefined) {
    sent['content-type'] = 'application/json';
  }
  if (!SAFE_METHODS.has(method) && csrfToken) {
    sent[CSRF_HEADER] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      method,
      credentials: 'same-origin',
      headers: { ...sent, ...(headers as Record<string, string> | undefined) },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
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
    const error = isErrorResponse(body)
      ? new ApiError(body.error.code, body.error.message, response.status, body.error.details)
      : new ApiError(
          response.status === 404 ? 'NOT_FOUND' : 'HTTP_ERROR',
          response.statusText,
          response.status,
        );
    for (const listener of errorListeners) {
      listener(error, path);
    }
    throw error;
  }
  if (body === undefined) {
    throw new ApiError('INVALID_RESPONSE', 'The response is not JSON', response.status);
  }
  return body;
}

/** GETs an endpoint that answers `{ data }` and returns the data. */
export async function apiGet<T>(path: string, init?: RequestOptions): Promise<T> {
  const body = await request(path, init);
  if (!hasData<T>(body)) {
    throw new ApiError('INVALID_RESPONSE', 'The response has no data', 200);
  }
  return body.data;
}

/** GETs an endpoint that answers a bare JSON document (e.g. GeoJSON). */
export async function apiGetRaw<T>(path: string, init?: RequestOptions): Promise<T> {
  return (await request(path, init)) as T;
}

export type SendMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends a state change with an optional JSON body (and the CSRF token once known). Answers `{ data }` yield the
 * data; others (e.g. `{ ok: true }`) are returned whole.
 */
export async function apiSend<T = unknown>(method: SendMethod, path: string, body?: unknown): Promise<T> {
  const answer = await request(path, { method, json: body });
  return (hasData<T>(answer) ? answer.data : answer) as T;
}

/** The field problems of a validation error (`details.issues`), when it has any. */
export function fieldIssues(error: ApiError): FieldIssue[] {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('issues' in details)) {
    return [];
  }
  const issues: unknown = details.issues;
  if (!Array.isArray(issues)) {
    return [];
  }
  return issues.filter(
    (issue): issue is FieldIssue =>
      typeof issue === 'object' &&
      issue !== null &&
      typeof (issue as { field?: unknown }).field === 'string' &&
      typeof (issue as { message?: unknown }).message === 'string',
  );
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

export interface UploadOptions {
  /** Form fields sent before the file (e.g. which question it answers). */
  fields?: Record<string, string>;
  /** Told the share sent so far (0–1) as the upload goes. */
  onProgress?: (fraction: number) => void;
}

/**
 * POSTs one file as multipart form data (`file`, after `fields`) with the session's CSRF token and the interface's
 * language; resolves with the answer's `data` or rejects with the server's error (wrong content, too big …).
 */
export function uploadFile<T>(path: string, file: File, options: UploadOptions = {}): Promise<T> {
  const { fields = {}, onProgress } = options;
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.responseType = 'json';
    request.setRequestHeader('accept', 'application/json');
    const lang = document.documentElement.lang;
    if (lang) {
      request.setRequestHeader('accept-language', lang);
    }
    if (csrfToken) {
      request.setRequestHeader(CSRF_HEADER, csrfToken);
    }
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress?.(event.loaded / event.total);
      }
    };
    request.onload = () => {
      const body: unknown = request.response;
      if (
        request.status >= 200 &&
        request.status < 300 &&
        typeof body === 'object' &&
        body !== null &&
        'data' in body
      ) {
        onProgress?.(1);
        resolve((body as { data: T }).data);
        return;
      }
      const error = isErrorResponse(body)
        ? new ApiError(body.error.code, body.error.message, request.status, body.error.details)
        : new ApiError(
            request.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'HTTP_ERROR',
            `HTTP ${request.status}`,
            request.status,
          );
      for (const listener of errorListeners) {
        listener(error, path);
      }
      reject(error);
    };
    request.onerror = () => reject(new ApiError('NETWORK_ERROR', 'Network error', 0));
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      form.append(name, value);
    }
    form.append('file', file, file.name);
    request.send(form);
  });
}
