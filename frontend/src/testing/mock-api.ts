import { vi } from 'vitest';

/** A request the code under test sent through fetch. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string, e.g. `?page=0&size=50` (empty when there is none). */
  search: string;
  headers: Headers;
  body: unknown;
}

type Handler = (request: RecordedRequest) => Response | Promise<Response>;

/**
 * Replaces fetch with a tiny in-memory server. Handlers answer in the order they were added for
 * a route; the last one repeats. A request nobody handles fails the test.
 */
export function mockApi() {
  const routes = new Map<string, Handler[]>();
  const requests: RecordedRequest[] = [];

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const rawBody = init?.body;
    const request: RecordedRequest = {
      method,
      path: url.pathname,
      search: url.search,
      headers: new Headers(init?.headers),
      body: typeof rawBody === 'string' ? JSON.parse(rawBody) : undefined,
    };
    requests.push(request);
    const handlers = routes.get(`${method} ${url.pathname}`);
    const handler = handlers && handlers.length > 1 ? handlers.shift() : handlers?.[0];
    if (handler === undefined) {
      throw new Error(`Unexpected request ${method} ${url.pathname}`);
    }
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);

  return {
    requests,
    /** Adds an answer for one route; several answers are used in turn. */
    on(method: string, path: string, handler: Handler | Response) {
      const key = `${method} ${path}`;
      const list = routes.get(key) ?? [];
      list.push(typeof handler === 'function' ? handler : () => handler.clone());
      routes.set(key, list);
      return this;
    },
    calls(method: string, path: string): RecordedRequest[] {
      return requests.filter((r) => r.method === method && r.path === path);
    },
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  fields: { title?: string; detail?: string; errors?: unknown[] } = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', status, ...fields }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export function tokens(accessToken: string, expiresIn = 900): Response {
  return json({ accessToken, tokenType: 'Bearer', expiresIn });
}

export const adminUser = {
  id: 1,
  username: 'admin',
  email: 'admin@example.org',
  displayName: 'Ada Lovelace',
  role: 'admin',
  enabled: true,
  createdAt: '2025-01-15T09:30:00Z',
  lastLoginAt: '2025-11-25T17:02:00Z',
};

/** A promise with its resolve exposed, to hold a response back. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
