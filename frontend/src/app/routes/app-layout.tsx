import { Outlet, useOutletContext } from 'react-router';
import { navigationFor } from '@/app/navigation';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { AppShell } from '@/components/layout/app-shell';
import { PageSpinner } from '@/components/spinner';
import { useSignOut } from '@/features/auth/api/sign-out';
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

/** The signed-in account, for pages inside AppLayout. */
export function useSignedInUser(): CurrentUser {
  return useOutletContext<CurrentUser>();
}
