import { useSyncExternalStore } from 'react';
import { authSession, type AuthState } from '@/lib/auth-session';

const subscribe = (onChange: () => void) => authSession.subscribe(onChange);

export function useAuth(): AuthState {
  return useSyncExternalStore(subscribe, authSession.getState);
}
