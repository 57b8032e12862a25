import { describe, expect, it } from 'vitest';
import { currentUserSchema } from './current-user';

describe('currentUserSchema', () => {
  it('accepts an account whose optional fields are missing or null', () => {
    const minimal = currentUserSchema.parse({
      id: 'a1',
      username: 'admin',
      role: 'admin',
      enabled: true,
      createdAt: '2026-11-26T08:00:00Z',
    });
    expect(minimal.email).toBeNull();
    expect(minimal.displayName).toBeNull();
    expect(minimal.lastLoginAt).toBeNull();

    const withNulls = currentUserSchema.parse({ ...minimal, email: null, lastLoginAt: null });
    expect(withNulls.email).toBeNull();
  });

  it('refuses an answer without a username', () => {
    expect(() =>
      currentUserSchema.parse({ id: 'a1', role: 'user', enabled: true, createdAt: 'x' }),
    ).toThrow();
  });
});
