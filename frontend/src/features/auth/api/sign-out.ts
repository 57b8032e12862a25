import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { session } from '@/lib/auth/session';

/**
 * POST /api/auth/logout revokes the refresh token and clears its cookie. The tab forgets its
 * tokens whatever the server answers: a person who asked to sign out must end up signed out.
 */
export async function signOut(): Promise<void> {
  try {
    await api.post('/api/auth/logout', undefined, {
      refreshOnUnauthorized: false,
      notifyOnError: false,
    });
  } catch {
    // The cookie may already be gone or the server unreachable; signing out locally still holds.
  } finally {
    session.end('signed-out');
  }
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}
