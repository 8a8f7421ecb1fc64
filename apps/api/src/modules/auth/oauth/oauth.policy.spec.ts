import { sha256Hex } from '../token-crypto';
import {
  decideAccount,
  isOAuthProviderName,
  matchesDigest,
  newFlowSecret,
  pkceChallenge,
} from './oauth.policy';

describe('decideAccount', () => {
  const verifiedLocal = { id: 'local', emailVerified: true };
  const unverifiedLocal = { id: 'local', emailVerified: false };

  it('signs in to the account that owns the identity, whatever the emails say', () => {
    expect(
      decideAccount({
        identityUserId: 'owner',
        providerEmailVerified: false,
        localAccount: verifiedLocal,
      }),
    ).toEqual({ kind: 'login', userId: 'owner' });
  });

  it('links only when both sides verified the email', () => {
    expect(
      decideAccount({
        identityUserId: null,
        providerEmailVerified: true,
        localAccount: verifiedLocal,
      }),
    ).toEqual({ kind: 'link', userId: 'local' });
  });

  it('refuses to link to an account whose own email is unverified', () => {
    expect(
      decideAccount({
        identityUserId: null,
        providerEmailVerified: true,
        localAccount: unverifiedLocal,
      }),
    ).toEqual({ kind: 'refuse', reason: 'linkRequiresVerified' });
  });

  it('neither links nor creates on an email the provider did not verify', () => {
    for (const localAccount of [null, verifiedLocal, unverifiedLocal]) {
      expect(
        decideAccount({ identityUserId: null, providerEmailVerified: false, localAccount }),
      ).toEqual({ kind: 'refuse', reason: 'emailUnverified' });
    }
  });

  it('creates an account for a new verified email', () => {
    expect(
      decideAccount({ identityUserId: null, providerEmailVerified: true, localAccount: null }),
    ).toEqual({ kind: 'create' });
  });
});

describe('flow secrets', () => {
  it('makes 256-bit URL-safe values that differ', () => {
    const a = newFlowSecret();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newFlowSecret()).not.toBe(a);
  });

  it('derives the RFC 7636 S256 challenge (appendix B vector)', () => {
    expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('matches a presented secret against its digest only when equal', () => {
    const stored = sha256Hex('browser-secret');
    expect(matchesDigest('browser-secret', stored)).toBe(true);
    expect(matchesDigest('other', stored)).toBe(false);
    expect(matchesDigest(undefined, stored)).toBe(false);
    expect(matchesDigest('', stored)).toBe(false);
  });

  it('knows exactly the supported providers', () => {
    expect(isOAuthProviderName('github')).toBe(true);
    expect(isOAuthProviderName('google')).toBe(true);
    expect(isOAuthProviderName('facebook')).toBe(false);
    expect(isOAuthProviderName('__proto__')).toBe(false);
  });
});
