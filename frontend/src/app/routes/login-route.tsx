import { Navigate, useLocation } from 'react-router';
import { Alert } from '@/components/alert';
import { Logo } from '@/components/logo';
import { SignInForm } from '@/features/auth/components/sign-in-form';
import type { SignInRedirectState } from '@/lib/auth/require-auth';
import { useSession } from '@/lib/auth/use-session';

export function LoginRoute() {
  const { status } = useSession();
  const location = useLocation();
  const state = (location.state ?? {}) as SignInRedirectState;

  if (status === 'authenticated') {
    return <Navigate to={safeTarget(state.from)} replace />;
  }

  return (
    <div className="auth-page">
      <title>Sign in · Cloud Workspace</title>
      <main className="auth-page__panel">
        <div className="auth-page__brand">
          <Logo size="large" />
        </div>
        <h1 className="auth-page__title">Sign in</h1>
        <p className="auth-page__subtitle">Use your workspace account to continue.</p>
        {state.sessionEnded === true && (
          <Alert kind="info">Your session has ended — please sign in again.</Alert>
        )}
        <SignInForm />
      </main>
    </div>
  );
}

/** Only paths inside this app; anything else goes home. */
function safeTarget(from: string | undefined): string {
  return from !== undefined &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    !from.startsWith('/login')
    ? from
    : '/';
}
