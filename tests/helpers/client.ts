import type { FastifyInstance, InjectOptions } from 'fastify';

/** A browser-like client over `app.inject`: keeps cookies and sends the CSRF token it learns from /api/auth/me. */
export class TestClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.inject({
      method,
      url,
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      headers: {
        ...(this.cookies.size > 0
          ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
          : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
    });
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) {
        this.cookies.delete(cookie.name);
      } else {
        this.cookies.set(cookie.name, cookie.value);
      }
    }
    return response;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /** Reads /api/auth/me and remembers its CSRF token. */
  async refreshMe() {
    const response = await this.get('/api/auth/me');
    if (response.statusCode === 200) {
      this.csrfToken = response.json<{ data: { csrfToken: string } }>().data.csrfToken;
    }
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Signs in with a password, and a TOTP code when the account asks for one; remembers the CSRF token. */
  async signIn(email: string, password: string, totp?: () => Promise<string>) {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.statusCode !== 200) {
      return response;
    }
    const { status, csrfToken } = response.json<{ data: { status: string; csrfToken: string } }>().data;
    this.csrfToken = csrfToken;
    if (status === 'totp_required' && totp) {
      return this.post('/api/auth/login/totp', { code: await totp() });
    }
    return response;
  }
}
