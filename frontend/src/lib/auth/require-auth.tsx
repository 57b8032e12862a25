import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '@/lib/auth/use-session';

/** What the sign-in page is told when it was reached by a redirect. */
export interface SignInRedirectState {
  from?: string;
  sessionEnded?: boolean;
}

/** Renders its children for a signed-in user and sends everyone else to sign-in. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, endReason } = useSession();
  const location = useLocation();
  if (status === 'authenticated') {
    return children;
  }
  // After an explicit sign-out the next person starts from home, not from the previous page.
  const state: SignInRedirectState =
    endReason === 'signed-out'
      ? {}
      : {
          from: location.pathname + location.search + location.hash,
          sessionEnded: endReason === 'expired',
        };
  return <Navigate to="/login" replace state={state} />;
}
