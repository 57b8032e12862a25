import { useSyncExternalStore } from 'react';
import { session, type SessionSnapshot } from '@/lib/auth/session';

/** The session status of this tab, re-rendering when it changes. */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot);
}
