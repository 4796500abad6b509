import { expect, inject } from 'vitest';

/** The demo accounts' password (development and test data only). */
export const DEMO_PASSWORD = 'demo-password-2569';
export const OFFICER_EMAIL = 'officer@demo.si-platform.test';
export const ADMIN_EMAIL = 'admin@demo.si-platform.test';

/** A signed-in API session of the running server: its cookie and CSRF token. */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

/** Signs in through the API of the running server. */
export async function apiLogin(email: string, password: string): Promise<ApiSession> {
  const baseUrl = inject('baseUrl');
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as { data: { csrfToken: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.data.csrfToken };
}

/** Sends a request as `session`, expects a 2xx answer and returns its `data`. */
export async function api<T>(session: ApiSession, method: string, url: string, body?: unknown): Promise<T> {
  const response = await apiResponse(session, method, url, body);
  const text = await response.text();
  expect(response.ok, `${method} ${url}: ${response.status} ${text}`).toBe(true);
  return (JSON.parse(text) as { data: T }).data;
}

/** Sends a request as `session` and returns the raw response, whatever its status. */
export async function apiResponse(
  session: ApiSession,
  method: string,
  url: string,
  body?: unknown,
): Promise<Response> {
  const baseUrl = inject('baseUrl');
  return fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      origin: baseUrl,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Calendar instant `days` from now at 23:59:59 Bangkok time. */
export function bangkokEndOfDay(days: number): string {
  const day = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T23:59:59+07:00`;
}
