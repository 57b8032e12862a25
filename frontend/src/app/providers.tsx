import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { PageSpinner } from '@/components/spinner';
import { Toaster } from '@/components/toaster';
import { ApiError } from '@/lib/api-client';
import { session } from '@/lib/auth/session';
import { useSession } from '@/lib/auth/use-session';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retry only what may pass on a second try: the network or a struggling server.
        retry: (failureCount, error) =>
          failureCount < 2 &&
          error instanceof ApiError &&
          (error.status === 0 || error.status >= 500),
      },
      mutations: { retry: false },
    },
  });
}

/** Everything the app needs around its routes: data cache, session, toasts. */
export function AppProviders({
  children,
  queryClient,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());

  useEffect(() => {
    // Nothing one user loaded may be shown to the next one.
    return session.subscribe(() => {
      if (session.getSnapshot().status === 'anonymous') {
        client.clear();
      }
    });
  }, [client]);

  return (
    <QueryClientProvider client={client}>
      <SessionGate>{children}</SessionGate>
      <Toaster />
    </QueryClientProvider>
  );
}

/** Holds the routes back until we know whether the refresh cookie still signs someone in. */
function SessionGate({ children }: { children: ReactNode }) {
  const { status } = useSession();
  if (status === 'restoring') {
    return <PageSpinner label="Restoring your session…" />;
  }
  return children;
}
