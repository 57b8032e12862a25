import type { ReactNode } from 'react';
import { Outlet, useOutletContext } from 'react-router';
import { navigationFor } from '@/app/navigation';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { AppShell } from '@/components/layout/app-shell';
import { Logo } from '@/components/logo';
import { PageSpinner } from '@/components/spinner';
import { useSignOut } from '@/features/auth/api/sign-out';
import { ChangePasswordForm } from '@/features/profile/components/change-password-form';
import { TwoFactorSection } from '@/features/profile/components/two-factor-section';
import { session } from '@/lib/auth/session';
import { nameOf, useCurrentUser, type CurrentUser } from '@/lib/auth/current-user';
import { formatRole } from '@/lib/format';

/** The signed-in frame; its pages read the account through useSignedInUser. */
export function AppLayout() {
  const currentUser = useCurrentUser();
  const signOut = useSignOut();

  if (currentUser.isPending) {
    return <PageSpinner label="Loading your workspace…" />;
  }
  if (currentUser.isError) {
    return (
      <div className="page-center">
        <div className="page-center__panel">
          <Alert kind="error" title="Your workspace could not be loaded">
            {currentUser.error.message}
          </Alert>
          <div className="form__actions">
            <Button
              onClick={() => {
                void currentUser.refetch();
              }}
              busy={currentUser.isFetching}
            >
              Try again
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                signOut.mutate();
              }}
            >
              Sign out
            </Button>
          </div>
        </div>
      </div>
    );
  }

  const user = currentUser.data;
  // A temporary password, or a second factor the settings require: that comes before anything else.
  if (user.mustChangePassword) {
    return (
      <RequiredStep
        title="Choose a new password"
        text="Your password was set by an administrator. Choose your own to continue."
        onSignOut={() => {
          signOut.mutate();
        }}
      >
        <ChangePasswordForm
          onChanged={() => {
            void currentUser.refetch();
          }}
        />
      </RequiredStep>
    );
  }
  if (user.twoFactorRequired && !user.twoFactorEnabled) {
    return (
      <RequiredStep
        title="Set up two-factor sign-in"
        text="Your administrator requires a second factor for your account."
        onSignOut={() => {
          signOut.mutate();
        }}
      >
        <TwoFactorSection
          onEnrolled={() => {
            // The token of this sign-in only allowed enrolling: a refresh brings a full one.
            void session.refresh().finally(() => {
              void currentUser.refetch();
            });
          }}
        />
      </RequiredStep>
    );
  }
  return (
    <AppShell
      navigation={navigationFor(user.role)}
      user={{ name: nameOf(user), detail: `${user.username} · ${formatRole(user.role)}` }}
      onSignOut={() => {
        signOut.mutate();
      }}
      signingOut={signOut.isPending}
    >
      <Outlet context={user} />
    </AppShell>
  );
}

/** A step the user must take before using the workspace, on a page of its own. */
function RequiredStep({
  title,
  text,
  onSignOut,
  children,
}: {
  title: string;
  text: string;
  onSignOut: () => void;
  children: ReactNode;
}) {
  return (
    <div className="auth-page">
      <title>{`${title} · Cloud Workspace`}</title>
      <main className="auth-page__panel" data-testid="required-step">
        <div className="auth-page__brand">
          <Logo size="large" />
        </div>
        <h1 className="auth-page__title">{title}</h1>
        <p className="auth-page__subtitle">{text}</p>
        {children}
        <Button variant="ghost" className="button--block" onClick={onSignOut}>
          Sign out
        </Button>
      </main>
    </div>
  );
}

/** The signed-in account, for pages inside AppLayout. */
export function useSignedInUser(): CurrentUser {
  return useOutletContext<CurrentUser>();
}
