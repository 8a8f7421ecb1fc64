import type { Namespace } from '@orgo/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { refreshSession } from './api-client';
import { authSession, type AuthState } from './auth-session';
import { createSocketManager, type NamespaceSocket, type SocketManager } from './socket';

const RealtimeContext = createContext<SocketManager | null>(null);

function tokenOf(state: AuthState): string | null {
  return state.status === 'authenticated' ? state.accessToken : null;
}

/** Connects the namespaces while logged in; after a drop, refetches active queries to catch up. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [sockets] = useState(() =>
    createSocketManager({
      url: window.location.origin,
      getAccessToken: () => authSession.getAccessToken(),
      refreshSession,
      onReconnect: () => void queryClient.invalidateQueries({ type: 'active' }),
    }),
  );

  useEffect(() => {
    const sync = (state: AuthState, previous: AuthState) => {
      const token = tokenOf(state);
      const previousToken = tokenOf(previous);
      if (!token) sockets.disconnect();
      else if (!previousToken) sockets.connect();
      else if (token !== previousToken) sockets.reauthenticate();
    };
    sync(authSession.getState(), { status: 'anonymous' });
    const unsubscribe = authSession.subscribe(sync);
    return () => {
      unsubscribe();
      sockets.disconnect();
    };
  }, [sockets]);

  return <RealtimeContext value={sockets}>{children}</RealtimeContext>;
}

export function useSocket<N extends Namespace>(namespace: N): NamespaceSocket<N> {
  const sockets = useContext(RealtimeContext);
  if (!sockets) throw new Error('useSocket must be used inside <RealtimeProvider>');
  return sockets.socket(namespace);
}
