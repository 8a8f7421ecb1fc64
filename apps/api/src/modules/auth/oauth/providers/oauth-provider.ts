import type { OAuthProviderName } from '../oauth.policy';

/** Who the provider says signed in; `email` is lower-cased, or null when none is usable. */
export interface ProviderIdentity {
  providerUserId: string;
  email: string | null;
  emailVerified: boolean;
}

export interface AuthorizationRequest {
  state: string;
  nonce: string;
  codeChallenge: string;
  redirectUri: string;
}

export interface CodeRedemption {
  code: string;
  codeVerifier: string;
  nonce: string;
  redirectUri: string;
}

/** One sign-in provider; failures are thrown as OAuthErrors so the callback can name them. */
export interface OAuthProvider {
  readonly name: OAuthProviderName;
  readonly isConfigured: boolean;
  /** Expected `iss` of the authorization response (RFC 9207), when the provider has one. */
  readonly issuer: string | null;
  authorizationUrl(request: AuthorizationRequest): Promise<string>;
  redeem(redemption: CodeRedemption): Promise<ProviderIdentity>;
}

export const OAUTH_PROVIDER_LIST = Symbol('OAUTH_PROVIDER_LIST');
