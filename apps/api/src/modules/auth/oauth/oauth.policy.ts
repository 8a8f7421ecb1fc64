import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256Hex } from '../token-crypto';

export const OAUTH_PROVIDERS = ['github', 'google'] as const;
export type OAuthProviderName = (typeof OAUTH_PROVIDERS)[number];

export function isOAuthProviderName(value: string): value is OAuthProviderName {
  return (OAUTH_PROVIDERS as readonly string[]).includes(value);
}

export type AccountDecision =
  | { kind: 'login'; userId: string }
  | { kind: 'link'; userId: string }
  | { kind: 'create' }
  | { kind: 'refuse'; reason: 'emailUnverified' | 'linkRequiresVerified' };

/**
 * Which account a provider identity signs in to. The identity (provider, provider user id) wins;
 * an email only links or creates when the provider verified it, and linking also needs the
 * local account's own address verified, so nobody can take over an account by its email.
 */
export function decideAccount(input: {
  identityUserId: string | null;
  providerEmailVerified: boolean;
  localAccount: { id: string; emailVerified: boolean } | null;
}): AccountDecision {
  if (input.identityUserId) return { kind: 'login', userId: input.identityUserId };
  if (!input.providerEmailVerified) return { kind: 'refuse', reason: 'emailUnverified' };
  if (!input.localAccount) return { kind: 'create' };
  if (!input.localAccount.emailVerified) return { kind: 'refuse', reason: 'linkRequiresVerified' };
  return { kind: 'link', userId: input.localAccount.id };
}

/** 256-bit URL-safe random value (state, nonce, PKCE verifier, browser binding, one-time code). */
export function newFlowSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** RFC 7636 S256 code challenge. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Compares a presented secret with a stored digest in constant time. */
export function matchesDigest(presented: string | undefined, storedDigest: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(sha256Hex(presented), 'hex');
  const b = Buffer.from(storedDigest, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
