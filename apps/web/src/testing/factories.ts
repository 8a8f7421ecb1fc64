import type { AuthTokens, Me, Session } from '@/lib/api-types';

export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    avatarUrl: null,
    createdAt: '2025-01-02T03:04:05.000Z',
    email: 'jiwoo@example.com',
    emailVerified: true,
    hasPassword: true,
    id: '1',
    nickname: '지우',
    ...overrides,
  };
}

export function buildTokens(overrides: Partial<AuthTokens> = {}): AuthTokens {
  return { accessToken: 'access-1', expiresIn: 900, user: buildMe(), ...overrides };
}

export function buildSession(overrides: Partial<Session> = {}): Session {
  return {
    createdAt: '2025-01-02T03:04:05.000Z',
    current: false,
    id: 's1',
    ip: '127.0.0.1',
    lastUsedAt: '2025-01-02T04:04:05.000Z',
    userAgent:
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/126.0 Safari/537.36',
    ...overrides,
  };
}
