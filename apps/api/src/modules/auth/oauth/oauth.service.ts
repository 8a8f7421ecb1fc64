import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ErrorCode } from '@orgo/contracts';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppConfig } from '../../../config/app.config';
import { AppError } from '../../../infra/http/app-error';
import {
  failClosed,
  RateLimitRule,
  RateLimitService,
} from '../../../infra/http/rate-limit.service';
import { UserEntity, UserService } from '../../user';
import { AuthService, ClientMeta, IssuedTokens } from '../auth.service';
import { AuthIdentityEntity } from './entities/auth-identity.entity';
import { OAuthFlowStore } from './oauth-flow.store';
import { OAuthErrors } from './oauth.errors';
import {
  decideAccount,
  isOAuthProviderName,
  matchesDigest,
  newFlowSecret,
  OAuthProviderName,
  pkceChallenge,
} from './oauth.policy';
import { OAUTH_PROVIDER_LIST, OAuthProvider, ProviderIdentity } from './providers/oauth-provider';
import { sha256Hex } from '../token-crypto';

/** Lifetime of a pending authorisation (and of the cookie that binds it to the browser). */
export const OAUTH_FLOW_TTL_SEC = 10 * 60;

export const OAuthLimits = {
  startPerIp: { name: 'oauth-start-ip', limit: 30, windowSec: 5 * 60 },
} satisfies Record<string, RateLimitRule>;
failClosed(OAuthLimits);

interface PendingFlow {
  provider: OAuthProviderName;
  verifier: string;
  nonce: string;
  /** SHA-256 of the browser-binding secret held in the flow cookie. */
  binding: string;
}

interface Handoff {
  userId: string;
  binding: string;
}

export interface CallbackQuery {
  code?: unknown;
  state?: unknown;
  error?: unknown;
  iss?: unknown;
}

const UNIQUE_VIOLATION = '23505';

/**
 * Social sign-in: authorisation code + PKCE + state (+ nonce for OIDC), bound to the browser by a
 * cookie, then a one-time code the SPA exchanges by POST, so tokens never travel in a URL.
 */
@Injectable()
export class OAuthService {
  private readonly log = new Logger('OAuth');
  private readonly providers: Map<OAuthProviderName, OAuthProvider>;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(UserService) private readonly users: UserService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(OAuthFlowStore) private readonly store: OAuthFlowStore,
    @Inject(OAUTH_PROVIDER_LIST) providers: OAuthProvider[],
  ) {
    this.providers = new Map(providers.map((p) => [p.name, p]));
  }

  availability(): Record<OAuthProviderName, boolean> {
    return {
      github: this.providers.get('github')?.isConfigured ?? false,
      google: this.providers.get('google')?.isConfigured ?? false,
    };
  }

  /** Where to send the browser, and the secret the flow cookie must carry back. */
  async start(name: string, meta: ClientMeta): Promise<{ url: string; binding?: string }> {
    const provider = this.provider(name);
    if (!provider) throw OAuthErrors.providerUnavailable();
    if (this.limits.enabled) {
      const budget = await this.limits.hit(OAuthLimits.startPerIp, meta.ip ?? 'unknown');
      RateLimitService.assertWithin(budget, 'Too many sign-in attempts. Try again later.');
    }
    const state = newFlowSecret();
    const binding = newFlowSecret();
    const flow: PendingFlow = {
      provider: provider.name,
      verifier: newFlowSecret(),
      nonce: newFlowSecret(),
      binding: sha256Hex(binding),
    };
    try {
      const url = await provider.authorizationUrl({
        state,
        nonce: flow.nonce,
        codeChallenge: pkceChallenge(flow.verifier),
        redirectUri: this.redirectUri(provider.name),
      });
      await this.store.put('flow', state, flow, OAUTH_FLOW_TTL_SEC);
      return { url, binding };
    } catch (err) {
      return { url: this.failureUrl(this.codeOf(err)) };
    }
  }

  /** Finishes the provider round trip; always answers with a URL of the SPA, never throws. */
  async callback(
    name: string,
    query: CallbackQuery,
    bindingCookie: string | undefined,
  ): Promise<string> {
    try {
      const provider = this.provider(name);
      if (!provider) throw OAuthErrors.providerUnavailable();
      const state = typeof query.state === 'string' && query.state.length <= 128 ? query.state : '';
      const flow = state ? await this.store.take<PendingFlow>('flow', state) : null;
      if (!flow || flow.provider !== provider.name || !matchesDigest(bindingCookie, flow.binding))
        throw OAuthErrors.stateInvalid();
      if (query.error !== undefined)
        throw query.error === 'access_denied' ? OAuthErrors.denied() : OAuthErrors.providerError();
      // RFC 9207: an authorization response naming another issuer is a mix-up attempt.
      if (provider.issuer && query.iss !== undefined && query.iss !== provider.issuer)
        throw OAuthErrors.providerError();
      if (typeof query.code !== 'string' || query.code === '' || query.code.length > 2048)
        throw OAuthErrors.providerError();

      const identity = await provider.redeem({
        code: query.code,
        codeVerifier: flow.verifier,
        nonce: flow.nonce,
        redirectUri: this.redirectUri(provider.name),
      });
      const userId = await this.resolveAccount(provider.name, identity);
      const code = newFlowSecret();
      const handoff: Handoff = { userId, binding: flow.binding };
      await this.store.put('handoff', code, handoff, this.config.env.OAUTH_EXCHANGE_CODE_TTL_SEC);
      // The fragment never reaches a server log or a Referer header.
      return `${this.origin}/auth/callback#${new URLSearchParams({ code })}`;
    } catch (err) {
      return this.failureUrl(this.codeOf(err));
    }
  }

  /** Trades the one-time code for a session, in the browser that started the sign-in. */
  async exchange(
    code: string,
    bindingCookie: string | undefined,
    meta: ClientMeta,
  ): Promise<IssuedTokens> {
    const handoff = await this.store.take<Handoff>('handoff', code);
    if (!handoff || !matchesDigest(bindingCookie, handoff.binding)) throw OAuthErrors.codeInvalid();
    const tokens = await this.auth.openSessionFor(handoff.userId, meta);
    if (!tokens) throw OAuthErrors.codeInvalid();
    return tokens;
  }

  private async resolveAccount(
    provider: OAuthProviderName,
    identity: ProviderIdentity,
  ): Promise<string> {
    try {
      return await this.resolveAccountOnce(provider, identity);
    } catch (err) {
      // Two first sign-ins of one identity (or email) raced; the winner's rows now decide.
      if (err instanceof AccountRace || isUniqueViolation(err))
        return this.resolveAccountOnce(provider, identity);
      throw err;
    }
  }

  private resolveAccountOnce(
    provider: OAuthProviderName,
    identity: ProviderIdentity,
  ): Promise<string> {
    return this.db.transaction(async (tx) => {
      const identities = tx.getRepository(AuthIdentityEntity);
      const existing = await identities.findOne({
        where: { provider, providerUserId: identity.providerUserId },
      });
      const owner = existing ? await this.users.findById(existing.userId) : null;
      // An identity left behind by a deleted account no longer signs anyone in.
      if (existing && !owner) await identities.delete({ id: existing.id });
      const local =
        !owner && identity.email
          ? await tx.getRepository(UserEntity).findOne({ where: { email: identity.email } })
          : null;
      const decision = decideAccount({
        identityUserId: owner?.id ?? null,
        providerEmailVerified: identity.emailVerified && identity.email !== null,
        localAccount: local
          ? { id: local.id, emailVerified: local.emailVerifiedAt !== null }
          : null,
      });
      switch (decision.kind) {
        case 'login':
          return decision.userId;
        case 'refuse':
          throw decision.reason === 'emailUnverified'
            ? OAuthErrors.emailUnverified()
            : OAuthErrors.linkRequiresVerified();
        case 'link':
          await identities.insert({
            ...this.identityRow(provider, identity),
            userId: decision.userId,
          });
          this.log.log(`linked a ${provider} identity to an existing account`);
          return decision.userId;
        case 'create': {
          const user = await this.users.createSocial(tx, { email: identity.email! });
          if (!user) throw new AccountRace();
          await identities.insert({ ...this.identityRow(provider, identity), userId: user.id });
          return user.id;
        }
      }
    });
  }

  /**
   * A withdrawn account keeps no provider links: they hold the provider's email and user id.
   * Idempotent (an account follow-up, see OAuthAccountFollowup).
   */
  async onAccountDeleted(event: { userId: string }): Promise<void> {
    await this.db.getRepository(AuthIdentityEntity).delete({ userId: event.userId });
  }

  private identityRow(provider: OAuthProviderName, identity: ProviderIdentity) {
    return {
      provider,
      providerUserId: identity.providerUserId,
      email: identity.emailVerified ? identity.email : null,
    };
  }

  private get origin(): string {
    return this.config.env.PUBLIC_ORIGIN.replace(/\/+$/, '');
  }

  private provider(name: string): OAuthProvider | undefined {
    if (!isOAuthProviderName(name)) return undefined;
    const provider = this.providers.get(name);
    return provider?.isConfigured ? provider : undefined;
  }

  private redirectUri(provider: OAuthProviderName): string {
    return `${this.origin}/api/auth/oauth/${provider}/callback`;
  }

  private failureUrl(code: ErrorCode): string {
    return `${this.origin}/login?${new URLSearchParams({ error: code })}`;
  }

  private codeOf(err: unknown): ErrorCode {
    if (err instanceof AppError) return err.code;
    this.log.error(`social sign-in failed: ${(err as Error)?.stack ?? String(err)}`);
    return 'COMMON_INTERNAL';
  }
}

class AccountRace extends Error {}

function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof QueryFailedError &&
    (err.driverError as { code?: string }).code === UNIQUE_VIOLATION
  );
}
