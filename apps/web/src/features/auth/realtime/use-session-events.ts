import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authSession } from '@/lib/auth-session';
import { useSocket } from '@/lib/realtime-provider';
import { authKeys } from '../api/auth-keys';
import { sessionsQueryOptions } from '../api/get-sessions';

/** Keeps the sessions list live; a revocation of this very session logs the tab out. */
export function useSessionEvents() {
  const queryClient = useQueryClient();
  const socket = useSocket('/user');

  useEffect(() => {
    const invalidate = () => void queryClient.invalidateQueries({ queryKey: authKeys.sessions() });
    const onRevoked = ({ id }: { id: string }) => {
      const state = authSession.getState();
      const sessions = queryClient.getQueryData(sessionsQueryOptions().queryKey);
      const isCurrent =
        (state.status === 'authenticated' && state.sessionId === id) ||
        sessions?.some((session) => session.id === id && session.current);
      if (isCurrent) {
        authSession.signOut();
        return;
      }
      invalidate();
    };
    socket.on('session.created', invalidate);
    socket.on('session.revoked', onRevoked);
    return () => {
      socket.off('session.created', invalidate);
      socket.off('session.revoked', onRevoked);
    };
  }, [queryClient, socket]);
}
