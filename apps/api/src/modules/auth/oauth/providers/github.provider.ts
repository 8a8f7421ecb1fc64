import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../../config/app.config';
import { OAuthErrors } from '../oauth.errors';
import type {
  AuthorizationRequest,
  CodeRedemption,
  OAuthProvider,
  ProviderIdentity,
} from './oauth-provider';
import { errorField, formPost, providerJson } from './provider-http';

interface GitHubUser {
  id?: unknown;
}

interface GitHubEmail {
  email?: unknown;
  primary?: unknown;
  verified?: unknown;
}

/** GitHub OAuth2 (not OIDC): identity from `GET /user`, address from `GET /user/emails`. */
@Injectable()
export class GitHubProvider implements OAuthProvider {
  readonly name = 'github' as const;
  readonly issuer = null;
  private readonly log = new Logger('OAuth');

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  get isConfigured(): boolean {
    return Boolean(this.config.env.GITHUB_CLIENT_ID && this.config.env.GITHUB_CLIENT_SECRET);
  }

  authorizationUrl(request: AuthorizationRequest): Promise<string> {
    const url = new URL(this.config.env.GITHUB_AUTHORIZE_URL);
    const params = {
      response_type: 'code',
      client_id: this.config.env.GITHUB_CLIENT_ID!,
      redirect_uri: request.redirectUri,
      scope: 'read:user user:email',
      state: request.state,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
      allow_signup: 'true',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return Promise.resolve(url.toString());
  }

  async redeem(redemption: CodeRedemption): Promise<ProviderIdentity> {
    const env = this.config.env;
    // GitHub answers a bad code with 200 and an `error` field, so the token itself is checked.
    const tokens = await providerJson<{ access_token?: unknown; error?: unknown }>(
      'GitHub token endpoint',
      env.GITHUB_TOKEN_URL,
      formPost({
        grant_type: 'authorization_code',
        client_id: env.GITHUB_CLIENT_ID!,
        client_secret: env.GITHUB_CLIENT_SECRET!,
        code: redemption.code,
        redirect_uri: redemption.redirectUri,
        code_verifier: redemption.codeVerifier,
      }),
    );
    if (typeof tokens.access_token !== 'string' || tokens.access_token === '') {
      this.log.warn(`GitHub token endpoint gave no access token${errorField(tokens)}`);
      throw OAuthErrors.providerError();
    }
    const init: RequestInit = {
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${tokens.access_token}`,
        'User-Agent': 'OrGo',
        'X-GitHub-Api-Version': '2022-11-28',
      },
    };
    const api = env.GITHUB_API_URL.replace(/\/+$/, '');
    const [user, emails] = await Promise.all([
      providerJson<GitHubUser>('GitHub /user', `${api}/user`, init),
      providerJson<GitHubEmail[]>('GitHub /user/emails', `${api}/user/emails`, init),
    ]);
    const id = user.id;
    if (!(typeof id === 'number' && Number.isSafeInteger(id)) && !isShortString(id)) {
      this.log.warn('GitHub /user had no usable id');
      throw OAuthErrors.providerError();
    }
    // Only the primary address, and only when GitHub verified it; the public profile email is ignored.
    const primary = Array.isArray(emails)
      ? emails.find((e) => e?.primary === true && e.verified === true && isShortString(e.email))
      : undefined;
    const email = primary ? (primary.email as string).trim().toLowerCase() : null;
    return { providerUserId: String(id), email, emailVerified: email !== null };
  }
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 254;
}
