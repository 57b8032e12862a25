import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '@/lib/auth/session';
import { deferred, mockApi, problem, tokens } from '@/testing/mock-api';

describe('Session', () => {
  let session: Session;

  beforeEach(() => {
    session = new Session();
  });

  afterEach(() => {
    session.end('signed-out');
  });

  it('starts as restoring and becomes signed in when the refresh cookie is accepted', async () => {
    const api = mockApi().on('POST', '/api/auth/refresh', tokens('restored'));
    expect(session.getSnapshot().status).toBe('restoring');

    await session.restore();

    expect(session.getSnapshot()).toEqual({ status: 'authenticated', endReason: null });
    expect(session.getAccessToken()).toBe('restored');
    expect(api.calls('POST', '/api/auth/refresh')[0]?.headers.get('Authorization')).toBeNull();
  });

  it('shows sign-in without a "session ended" message when there is nothing to restore', async () => {
    mockApi().on('POST', '/api/auth/refresh', problem(401, { detail: 'No refresh token.' }));

    await session.restore();

    expect(session.getSnapshot()).toEqual({ status: 'anonymous', endReason: null });
  });

  it('sends one refresh request for concurrent callers', async () => {
    const response = deferred<Response>();
    const api = mockApi().on('POST', '/api/auth/refresh', () => response.promise);

    const results = [session.refresh(), session.refresh(), session.refresh()];
    response.resolve(tokens('fresh'));

    await expect(Promise.all(results)).resolves.toEqual([true, true, true]);
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(session.getAccessToken()).toBe('fresh');
  });

  it('starts a new refresh once the previous one has finished', async () => {
    const api = mockApi()
      .on('POST', '/api/auth/refresh', tokens('first'))
      .on('POST', '/api/auth/refresh', tokens('second'));

    await session.refresh();
    await session.refresh();

    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(2);
    expect(session.getAccessToken()).toBe('second');
  });

  it('refreshes silently 60 seconds before the access token expires', async () => {
    vi.useFakeTimers();
    const api = mockApi().on('POST', '/api/auth/refresh', tokens('renewed', 900));
    session.accept({ accessToken: 'initial', expiresIn: 900 });

    await vi.advanceTimersByTimeAsync(839_000);
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(session.getAccessToken()).toBe('renewed');

    // The renewed token is renewed in turn.
    await vi.advanceTimersByTimeAsync(840_000);
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(2);
  });

  it('ends the session as expired when the silent refresh is refused', async () => {
    vi.useFakeTimers();
    mockApi().on('POST', '/api/auth/refresh', problem(401, { detail: 'Refresh token revoked.' }));
    session.accept({ accessToken: 'initial', expiresIn: 120 });

    await vi.advanceTimersByTimeAsync(60_000);

    expect(session.getSnapshot()).toEqual({ status: 'anonymous', endReason: 'expired' });
    expect(session.getAccessToken()).toBeNull();
  });

  it('keeps the session and tries again later when the server cannot be reached', async () => {
    vi.useFakeTimers();
    const api = mockApi()
      .on('POST', '/api/auth/refresh', () => Promise.reject(new TypeError('Failed to fetch')))
      .on('POST', '/api/auth/refresh', tokens('renewed'));
    session.accept({ accessToken: 'initial', expiresIn: 900 });

    await vi.advanceTimersByTimeAsync(840_000);
    expect(session.getSnapshot().status).toBe('authenticated');
    expect(session.getAccessToken()).toBe('initial');

    await vi.advanceTimersByTimeAsync(30_000);
    expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(2);
    expect(session.getAccessToken()).toBe('renewed');
  });

  it('does not come back to life when a refresh finishes after sign-out', async () => {
    const response = deferred<Response>();
    mockApi().on('POST', '/api/auth/refresh', () => response.promise);
    session.accept({ accessToken: 'initial', expiresIn: 900 });

    const refreshing = session.refresh();
    session.end('signed-out');
    response.resolve(tokens('late'));

    await expect(refreshing).resolves.toBe(false);
    expect(session.getAccessToken()).toBeNull();
    expect(session.getSnapshot()).toEqual({ status: 'anonymous', endReason: 'signed-out' });
  });
});
