import type { AuthTokens, Me } from './api-types';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | {
      status: 'authenticated';
      accessToken: string;
      expiresAt: number;
      /** The server-side session behind the token (`sid` claim), when the token names one. */
      sessionId: string | null;
      user: Me;
    };

export type AuthListener = (state: AuthState, previous: AuthState) => void;

export interface AuthSessionStore {
  getState(): AuthState;
  getAccessToken(): string | null;
  signIn(tokens: AuthTokens): void;
  signOut(): void;
  /** Replaces the signed-in user's data (after verifying the email or editing the profile); ignored for anyone else. */
  updateUser(user: Me): void;
  subscribe(listener: AuthListener): () => void;
}

/** Reads the `sid` claim without verifying: only used to recognise our own session in events. */
export function sessionIdOf(accessToken: string): string | null {
  try {
    const payload = accessToken.split('.')[1];
    if (!payload) return null;
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const sid = (JSON.parse(json) as { sid?: unknown }).sid;
    return typeof sid === 'string' ? sid : null;
  } catch {
    return null;
  }
}

/** In-memory only: the access token never touches storage; the refresh token lives in an httpOnly cookie. */
export function createAuthSession(now: () => number = Date.now): AuthSessionStore {
  let state: AuthState = { status: 'loading' };
  const listeners = new Set<AuthListener>();

  const set = (next: AuthState) => {
    const previous = state;
    state = next;
    listeners.forEach((listener) => listener(next, previous));
  };

  return {
    getState: () => state,
    getAccessToken: () => (state.status === 'authenticated' ? state.accessToken : null),
    signIn: (tokens) =>
      set({
        status: 'authenticated',
        accessToken: tokens.accessToken,
        expiresAt: now() + tokens.expiresIn * 1000,
        sessionId: sessionIdOf(tokens.accessToken),
        user: tokens.user,
      }),
    signOut: () => {
      if (state.status !== 'anonymous') set({ status: 'anonymous' });
    },
    updateUser: (user) => {
      if (state.status === 'authenticated' && state.user.id === user.id) set({ ...state, user });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const authSession = createAuthSession();
