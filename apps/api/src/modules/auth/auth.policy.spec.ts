import { isCsrfSafe, isSessionUsable, isWithinGrace } from './auth.policy';

const now = new Date('2026-01-10T00:00:00Z');
const day = 24 * 3600 * 1000;

describe('auth policy', () => {
  it('accepts a live session and refuses revoked, expired and idle ones', () => {
    const live = {
      expiresAt: new Date(now.getTime() + day),
      lastUsedAt: new Date(now.getTime() - 1000),
      revokedAt: null,
    };
    expect(isSessionUsable(live, 7 * 86400, now)).toBe(true);
    expect(isSessionUsable({ ...live, revokedAt: now }, 7 * 86400, now)).toBe(false);
    expect(isSessionUsable({ ...live, expiresAt: now }, 7 * 86400, now)).toBe(false);
    expect(
      isSessionUsable({ ...live, lastUsedAt: new Date(now.getTime() - 8 * day) }, 7 * 86400, now),
    ).toBe(false);
  });

  it('keeps a rotated token usable only inside the grace window', () => {
    expect(isWithinGrace(new Date(now.getTime() - 9_000), 10, now)).toBe(true);
    expect(isWithinGrace(new Date(now.getTime() - 11_000), 10, now)).toBe(false);
  });

  it('requires the CSRF header and an allowed origin when one is sent', () => {
    const allowed = ['http://localhost:3000'];
    expect(isCsrfSafe({ csrf: '1', origin: 'http://localhost:3000' }, allowed)).toBe(true);
    expect(isCsrfSafe({ csrf: '1' }, allowed)).toBe(true);
    expect(isCsrfSafe({ origin: 'http://localhost:3000' }, allowed)).toBe(false);
    expect(isCsrfSafe({ csrf: '1', origin: 'https://evil.example' }, allowed)).toBe(false);
  });
});
