import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter } from '@/lib/api-error';
import { problem } from '@/testing/mock-api';

describe('ApiError.fromResponse', () => {
  it('reads the problem details the server sent', async () => {
    const error = await ApiError.fromResponse(
      problem(400, {
        title: 'Bad Request',
        detail: 'The new password was refused.',
        errors: [{ field: 'newPassword', message: 'This password is too common.' }],
      }),
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.title).toBe('Bad Request');
    expect(error.detail).toBe('The new password was refused.');
    expect(error.userMessage).toBe('The new password was refused.');
    expect(error.fieldErrors).toEqual([
      { field: 'newPassword', message: 'This password is too common.' },
    ]);
    expect(error.fieldError('newPassword')).toBe('This password is too common.');
  });

  it('finds field errors reported with a Bean Validation path', async () => {
    const error = await ApiError.fromResponse(
      problem(400, {
        errors: [
          { field: 'changePassword.request.newPassword', message: 'size must be at least 8' },
        ],
      }),
    );

    expect(error.fieldError('newPassword')).toBe('size must be at least 8');
    expect(error.fieldError('currentPassword')).toBeUndefined();
  });

  it('keeps the readable members when some are malformed', async () => {
    const response = new Response(
      JSON.stringify({
        title: 42,
        detail: 'Username is required.',
        errors: [{ field: 'username', message: 'must not be blank' }, { nonsense: true }, 'text'],
      }),
      { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
    );

    const error = await ApiError.fromResponse(response);

    expect(error.title).toBe('The request was not valid');
    expect(error.detail).toBe('Username is required.');
    expect(error.fieldErrors).toEqual([{ field: 'username', message: 'must not be blank' }]);
  });

  it('gives a readable title when the body is not problem details', async () => {
    const error = await ApiError.fromResponse(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        headers: { 'Content-Type': 'text/html' },
      }),
    );

    expect(error.status).toBe(502);
    expect(error.title).toBe('The server is not reachable right now');
    expect(error.detail).toBeUndefined();
    expect(error.fieldErrors).toEqual([]);
  });

  it('reads Retry-After in seconds', async () => {
    const error = await ApiError.fromResponse(
      problem(429, { detail: 'Too many sign-in attempts.' }, { 'Retry-After': '42' }),
    );

    expect(error.retryAfter).toBe(42);
  });
});

describe('parseRetryAfter', () => {
  it('reads an HTTP date as seconds from now', () => {
    const now = Date.parse('2025-11-26T10:00:00Z');
    expect(parseRetryAfter('Wed, 26 Nov 2025 10:00:30 GMT', now)).toBe(30);
  });

  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
