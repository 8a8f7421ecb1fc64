import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { AppConfig } from '../../../../config/app.config';
import { OAuthErrors } from '../oauth.errors';
import type {
  AuthorizationRequest,
  CodeRedemption,
  OAuthProvider,
  ProviderIdentity,
} from './oauth-provider';
import { formPost, providerJson } from './provider-http';

interface Metadata {
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwks: ReturnType<typeof createRemoteJWKSet>;
}

const DISCOVERY_TTL_MS = 60 * 60 * 1000;
// Google signs ID tokens with RS256; an allowlist of one refuses `none` and algorithm swaps.
const ID_TOKEN_ALGORITHMS = ['RS256'];

/** Google through OpenID Connect: discovery, PKCE, and a verified ID token (iss, aud, nonce, exp). */
@Injectable()
export class GoogleProvider implements OAuthProvider {
  readonly name = 'google' as const;
  private readonly log = new Logger('OAuth');
  private cached: { at: number; metadata: Promise<Metadata> } | null = null;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  get isConfigured(): boolean {
    return Boolean(this.config.env.GOOGLE_CLIENT_ID && this.config.env.GOOGLE_CLIENT_SECRET);
  }

  get issuer(): string {
    return this.config.env.GOOGLE_ISSUER;
  }

  async authorizationUrl(request: AuthorizationRequest): Promise<string> {
    const url = new URL((await this.metadata()).authorizationEndpoint);
    const params = {
      response_type: 'code',
      client_id: this.config.env.GOOGLE_CLIENT_ID!,
      redirect_uri: request.redirectUri,
      scope: 'openid email profile',
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      prompt: 'select_account',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  }

  async redeem(redemption: CodeRedemption): Promise<ProviderIdentity> {
    const env = this.config.env;
    const metadata = await this.metadata();
    const tokens = await providerJson<{ id_token?: unknown }>(
      'Google token endpoint',
      metadata.tokenEndpoint,
      formPost({
        grant_type: 'authorization_code',
        client_id: env.GOOGLE_CLIENT_ID!,
        client_secret: env.GOOGLE_CLIENT_SECRET!,
        code: redemption.code,
        redirect_uri: redemption.redirectUri,
        code_verifier: redemption.codeVerifier,
      }),
    );
    if (typeof tokens.id_token !== 'string') {
      this.log.warn('Google token endpoint gave no id_token');
      throw OAuthErrors.providerError();
    }
    const claims = await this.verifyIdToken(tokens.id_token, metadata, redemption.nonce);
    const email =
      typeof claims.email === 'string' && claims.email.length <= 254
        ? claims.email.trim().toLowerCase()
        : null;
    return {
      providerUserId: claims.sub!,
      email,
      emailVerified: email !== null && claims.email_verified === true,
    };
  }

  private async verifyIdToken(token: string, metadata: Metadata, nonce: string) {
    const clientId = this.config.env.GOOGLE_CLIENT_ID!;
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, metadata.jwks, {
        issuer: this.issuer,
        audience: clientId,
        algorithms: ID_TOKEN_ALGORITHMS,
        requiredClaims: ['sub', 'iat', 'exp'],
        clockTolerance: 30,
      }));
    } catch (err) {
      this.log.warn(`Google ID token refused: ${(err as { code?: string }).code ?? 'error'}`);
      throw OAuthErrors.idTokenInvalid();
    }
    const multipleAudiences = Array.isArray(claims.aud) && claims.aud.length > 1;
    const valid =
      claims.nonce === nonce &&
      typeof claims.sub === 'string' &&
      claims.sub.length > 0 &&
      claims.sub.length <= 255 &&
      (!multipleAudiences || claims.azp === clientId);
    if (!valid) {
      this.log.warn('Google ID token refused: nonce, sub or azp');
      throw OAuthErrors.idTokenInvalid();
    }
    return claims;
  }

  private metadata(): Promise<Metadata> {
    if (!this.cached || Date.now() - this.cached.at > DISCOVERY_TTL_MS) {
      const metadata = this.discover();
      const entry = { at: Date.now(), metadata };
      // A failed discovery is retried on the next sign-in rather than cached for an hour.
      metadata.catch(() => {
        if (this.cached === entry) this.cached = null;
      });
      this.cached = entry;
    }
    return this.cached.metadata;
  }

  private async discover(): Promise<Metadata> {
    const issuer = this.issuer;
    const doc = await providerJson<Record<string, unknown>>(
      'Google discovery',
      `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      { headers: { Accept: 'application/json' } },
    );
    const urls = [doc.authorization_endpoint, doc.token_endpoint, doc.jwks_uri];
    if (doc.issuer !== issuer || !urls.every(isHttpUrl)) {
      this.log.warn(`Google discovery at ${issuer} named another issuer or lacked endpoints`);
      throw OAuthErrors.providerError();
    }
    return {
      authorizationEndpoint: doc.authorization_endpoint as string,
      tokenEndpoint: doc.token_endpoint as string,
      jwks: createRemoteJWKSet(new URL(doc.jwks_uri as string)),
    };
  }
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
