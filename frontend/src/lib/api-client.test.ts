import { beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiClient, ApiError } from '@/lib/api-client';
import { Session } from '@/lib/auth/session';
import { getNotifications } from '@/lib/notifications';
import { deferred, json, mockApi, problem, tokens } from '@/testing/mock-api';

const itemSchema = z.object({ name: z.string() });

describe('ApiClient', () => {
  let session: Session;
  let client: ApiClient;

  beforeEach(() => {
    session = new Session();
    client = new ApiClient(session);
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('sends the access token and validates the response', async () => {
    const api = mockApi().on('GET', '/api/items/1', json({ name: 'report.odt' }));

    const item = await client.get('/api/items/1', itemSchema);

    expect(item).toEqual({ name: 'report.odt' });
    expect(api.requests[0]?.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('turns problem details into an ApiError and shows a toast', async () => {
    mockApi().on(
      'GET',
      '/api/items/1',
      problem(404, { title: 'Not Found', detail: 'No file 1 in your storage' }),
    );

    const error = await client.get('/api/items/1', itemSchema).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).detail).toBe('No file 1 in your storage');
    expect(getNotifications()).toEqual([
      expect.objectContaining({
        kind: 'error',
        title: 'Not Found',
        message: 'No file 1 in your storage',
      }),
    ]);
  });

  it('does not toast when the caller shows the error itself', async () => {
    mockApi().on('POST', '/api/things', problem(400, { detail: 'Name is required.' }));

    await expect(client.post('/api/things', {}, { notifyOnError: false })).rejects.toThrow(
      'Name is required.',
    );
    expect(getNotifications()).toEqual([]);
  });

  it('reports an unreachable server as a readable error', async () => {
    mockApi().on('GET', '/api/items/1', () => Promise.reject(new TypeError('Failed to fetch')));

    const error = (await client
      .get('/api/items/1', itemSchema)
      .catch((e: unknown) => e)) as ApiError;

    expect(error.status).toBe(0);
    expect(error.userMessage).toMatch(/Cannot reach the server/);
  });

  it('rejects a response that does not match the schema', async () => {
    mockApi().on('GET', '/api/items/1', json({ title: 'not a name' }));

    await expect(client.get('/api/items/1', itemSchema)).rejects.toMatchObject({
      title: 'Unexpected response',
    });
  });

  it('on 401 refreshes once and retries the request with the new token', async () => {
    const api = mockApi()
      .on('GET', '/api/items/1', problem(401, { detail: 'The access token has expired.' }))
      .on('GET', '/api/items/1', json({ name: 'report.odt' }))
      .on('POST', '/api/auth/refresh', tokens('token-2'));

    const item = await client.get('/api/items/1', itemSchema);

    expect(item).toEqual({ name: 'report.odt' });
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    const attempts = api.calls('GET', '/api/items/1');
    expect(attempts.map((r) => r.headers.get('Authorization'))).toEqual([
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(session.getSnapshot().status).toBe('authenticated');
  });

  it('retries only once and then ends the session', async () => {
    const api = mockApi()
      .on('GET', '/api/items/1', problem(401, { detail: 'The access token was revoked.' }))
      .on('POST', '/api/auth/refresh', tokens('token-2'));

    await expect(client.get('/api/items/1', itemSchema)).rejects.toMatchObject({ status: 401 });

    expect(api.calls('GET', '/api/items/1')).toHaveLength(2);
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(session.getSnapshot()).toEqual({ status: 'anonymous', endReason: 'expired' });
    expect(session.getAccessToken()).toBeNull();
    expect(getNotifications()).toEqual([]);
  });

  it('ends the session without retrying when the refresh is refused', async () => {
    const api = mockApi()
      .on('GET', '/api/items/1', problem(401, { detail: 'The access token has expired.' }))
      .on('POST', '/api/auth/refresh', problem(401, { detail: 'The refresh token was revoked.' }));

    await expect(client.get('/api/items/1', itemSchema)).rejects.toMatchObject({ status: 401 });

    expect(api.calls('GET', '/api/items/1')).toHaveLength(1);
    expect(session.getSnapshot()).toEqual({ status: 'anonymous', endReason: 'expired' });
  });

  it('shares one refresh between requests that fail together', async () => {
    const refreshResponse = deferred<Response>();
    const api = mockApi()
      .on('GET', '/api/a', (request) =>
        request.headers.get('Authorization') === 'Bearer token-2'
          ? json({ name: 'a' })
          : problem(401),
      )
      .on('GET', '/api/b', (request) =>
        request.headers.get('Authorization') === 'Bearer token-2'
          ? json({ name: 'b' })
          : problem(401),
      )
      .on('GET', '/api/c', (request) =>
        request.headers.get('Authorization') === 'Bearer token-2'
          ? json({ name: 'c' })
          : problem(401),
      )
      .on('POST', '/api/auth/refresh', () => refreshResponse.promise);

    const results = Promise.all([
      client.get('/api/a', itemSchema),
      client.get('/api/b', itemSchema),
      client.get('/api/c', itemSchema),
    ]);
    await waitUntil(() => api.calls('POST', '/api/auth/refresh').length === 1);
    refreshResponse.resolve(tokens('token-2'));

    await expect(results).resolves.toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(1);
  });

  it('leaves the session alone when the caller handles 401 itself', async () => {
    const api = mockApi().on(
      'POST',
      '/api/me/password',
      problem(401, { detail: 'The current password is not correct.' }),
    );

    await expect(
      client.post('/api/me/password', {}, { refreshOnUnauthorized: false }),
    ).rejects.toMatchObject({ status: 401 });

    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(0);
    expect(session.getSnapshot().status).toBe('authenticated');
  });

  it('sends no token and never refreshes for unauthenticated calls', async () => {
    const api = mockApi().on(
      'POST',
      '/api/auth/login',
      problem(401, { detail: 'Invalid username or password.' }),
    );

    await expect(
      client.post('/api/auth/login', { username: 'a', password: 'b' }, { authenticated: false }),
    ).rejects.toThrow('Invalid username or password.');

    expect(api.requests[0]?.headers.get('Authorization')).toBeNull();
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(0);
  });
});

/** Polls until a condition holds (the requests are issued across several microtasks). */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  expect(condition()).toBe(true);
}
