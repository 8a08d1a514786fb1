import { vi } from 'vitest';

export type MockRequest = { method: string; path: string; url: URL; body: unknown; headers: Headers; credentials?: RequestCredentials };
type Handler = (request: MockRequest) => Response | Promise<Response>;

export function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

export function problem(status: number, code: string, detail: string, title = code): Response {
  return json(status, { type: `https://duodi.example/problems/${code}`, title, status, detail, code }, 'application/problem+json');
}

/**
 * Replaces fetch with a tiny router keyed by "METHOD /path" and records every request, so tests
 * can assert on what the app sent (headers, bodies) as well as on what it shows.
 */
export function mockApi(routes: Record<string, Handler>) {
  const requests: MockRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const request: MockRequest = {
      method,
      path: url.pathname,
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
      credentials: init.credentials,
    };
    requests.push(request);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) return problem(404, 'not_found', `no mock for ${method} ${url.pathname}`);
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}
