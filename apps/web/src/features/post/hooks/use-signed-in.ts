import { useSyncExternalStore } from 'react';
import { authSession } from '@/lib/auth-session';

const subscribe = (onChange: () => void) => authSession.subscribe(onChange);
const signedIn = () => authSession.getState().status === 'authenticated';

/** Whether someone is signed in: anonymous visitors read posts but cannot like, save or write. */
export function useSignedIn(): boolean {
  return useSyncExternalStore(subscribe, signedIn);
}
