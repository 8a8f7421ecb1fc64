import { describe, expect, it, vi } from 'vitest';
import { buildMe, buildTokens } from '@/testing/factories';
import { createAuthSession, sessionIdOf } from './auth-session';

const jwt = (payload: object) =>
  ['e30', btoa(JSON.stringify(payload)).replace(/=+$/, ''), 'signature'].join('.');

describe('auth session store', () => {
  it('keeps the token in memory with its expiry and session id, and notifies listeners', () => {
    const session = createAuthSession(() => 1_000);
    const listener = vi.fn();
    session.subscribe(listener);

    session.signIn(buildTokens({ accessToken: jwt({ sid: 'session-7' }), expiresIn: 60 }));

    expect(session.getState()).toMatchObject({
      status: 'authenticated',
      expiresAt: 61_000,
      sessionId: 'session-7',
    });
    expect(listener).toHaveBeenCalledWith(session.getState(), { status: 'loading' });
  });

  it('updates the signed-in user only', () => {
    const session = createAuthSession();
    session.updateUser(buildMe({ emailVerified: true }));
    expect(session.getState().status).toBe('loading');

    session.signIn(buildTokens({ user: buildMe({ id: '1', emailVerified: false }) }));
    const listener = vi.fn();
    session.subscribe(listener);
    session.updateUser(buildMe({ id: '2', emailVerified: true }));
    expect(listener).not.toHaveBeenCalled();
    session.updateUser(buildMe({ id: '1', emailVerified: true }));
    expect(session.getState()).toMatchObject({ user: { id: '1', emailVerified: true } });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('signs out once', () => {
    const session = createAuthSession();
    const listener = vi.fn();
    session.subscribe(listener);
    session.signOut();
    session.signOut();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(session.getAccessToken()).toBeNull();
  });
});

describe('sessionIdOf', () => {
  it('reads the sid claim and tolerates tokens without one', () => {
    expect(sessionIdOf(jwt({ sid: 'abc', sub: '1' }))).toBe('abc');
    expect(sessionIdOf(jwt({ sub: '1' }))).toBeNull();
    expect(sessionIdOf('not-a-jwt')).toBeNull();
  });
});
