import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { ErrorScreen } from '@/components/error-screen';
import { LoadingScreen } from '@/components/loading-screen';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { browserStorage, watchOutboxOwner } from '@/features/chat/store/outbox';
import { I18nProvider } from '@/i18n/i18n-provider';
import { authSession, type AuthState } from '@/lib/auth-session';
import { createQueryClient } from '@/lib/query-client';
import { RealtimeProvider } from '@/lib/realtime-provider';

function userIdOf(state: AuthState): string | null {
  return state.status === 'authenticated' ? state.user.id : null;
}

/** Waits for the boot-time refresh so routes never flash a logged-out state. */
function AuthGate({ children }: { children: ReactNode }) {
  const auth = useAuth();
  return auth.status === 'loading' ? <LoadingScreen /> : children;
}

export function AppProvider({
  children,
  queryClient: providedClient,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
}) {
  const [queryClient] = useState(() => providedClient ?? createQueryClient());

  // Cached data belongs to one user: drop it when that user leaves or another one arrives.
  useEffect(
    () =>
      authSession.subscribe((state, previous) => {
        const previousUser = userIdOf(previous);
        if (previousUser && previousUser !== userIdOf(state)) queryClient.clear();
      }),
    [queryClient],
  );
  // So are unsent chat messages kept in storage.
  useEffect(() => watchOutboxOwner(authSession, browserStorage()), []);

  return (
    <I18nProvider>
      <ErrorBoundary fallback={<ErrorScreen />}>
        <QueryClientProvider client={queryClient}>
          <RealtimeProvider>
            <AuthGate>{children}</AuthGate>
          </RealtimeProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </I18nProvider>
  );
}
