import { createHash, generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { Events, OAuth2Server, type MutableToken } from 'oauth2-mock-server';
import { Client } from 'pg';
import { markEmailVerified } from '../factories';
import { ApiProcess, startApi } from '../support/api-process';
import { eventually } from '../support/db';
import { ApiClient, cookieValue, HttpResult } from '../support/client';
import { readState } from '../support/env';

// Two stand-in providers in this process (real HTTP on their own ports): the hooks that shape
// each ID token and GitHub answer only work in-process, so the shared one on 28080 cannot be used.
let google: OAuth2Server;
let github: OAuth2Server;
let api: ApiProcess;
let db: Client;

const GOOGLE_CLIENT_ID = 'orgo-google-client';
const GITHUB_CLIENT_ID = 'orgo-github-client';
const FLOW_COOKIE = '__Host-oauth';

/** Claims merged into the next Google ID token (set per test). */
let googleClaims: Record<string, unknown> = {};

interface FakeGitHubUser {
  id: number;
  login: string;
  /** The public profile email, which the API must not rely on. */
  email: string | null;
  emails: { email: string; primary: boolean; verified: boolean; visibility: string | null }[];
}
const githubUsers = new Map<string, FakeGitHubUser>();
/** The GitHub user the next access token belongs to (set per test). */
let githubNext: FakeGitHubUser | null = null;
let githubApiFailure: number | null = null;

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

const isAccessToken = (token: MutableToken) => 'scope' in token.payload;

beforeAll(async () => {
  google = new OAuth2Server();
  await google.issuer.keys.add(signingKey('google-test'));
  await google.start(0, '127.0.0.1');
  google.service.on(Events.BeforeTokenSigning, (token: MutableToken) => {
    if (!isAccessToken(token)) Object.assign(token.payload, googleClaims);
  });

  github = new OAuth2Server();
  await github.issuer.keys.add(signingKey('github-test'));
  await github.start(0, '127.0.0.1');
  github.service.on(Events.BeforeTokenSigning, (token: MutableToken) => {
    if (isAccessToken(token) && githubNext) token.payload.sub = `gh-${githubNext.id}`;
  });
  github.service.addRoute('GET', '/user', (req, res) =>
    githubApi(req, res, (u) => ({ id: u.id, login: u.login, email: u.email })),
  );
  github.service.addRoute('GET', '/user/emails', (req, res) =>
    githubApi(req, res, (u) => u.emails),
  );

  db = new Client({ connectionString: readState().databaseUrl });
  await db.connect();
  api = await startApi(providerEnv());
});

afterAll(async () => {
  await api?.stop();
  await db?.end();
  await google?.stop();
  await github?.stop();
});

// keys.generate() trips over jest's separate realm (its plain-object check); add() copies the key.
function signingKey(kid: string) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' };
}

function providerEnv(): Record<string, string> {
  const gh = github.issuer.url!;
  return {
    GITHUB_CLIENT_ID,
    GITHUB_CLIENT_SECRET: 'github-secret',
    GITHUB_AUTHORIZE_URL: `${gh}/authorize`,
    GITHUB_TOKEN_URL: `${gh}/token`,
    GITHUB_API_URL: gh,
    GOOGLE_CLIENT_ID,
    GOOGLE_CLIENT_SECRET: 'google-secret',
    GOOGLE_ISSUER: google.issuer.url!,
  };
}

/** A fake api.github.com that answers for whoever the bearer token (signed by the mock) names. */
async function githubApi(
  req: IncomingMessage,
  res: ServerResponse,
  pick: (user: FakeGitHubUser) => unknown,
): Promise<void> {
  const send = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (githubApiFailure) return send(githubApiFailure, { message: 'Server Error' });
  const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!token || !req.headers['user-agent']) return send(401, { message: 'Bad credentials' });
  try {
    const { payload } = await jwtVerify(
      token,
      createLocalJWKSet({ keys: github.issuer.keys.toJSON() }),
      {
        issuer: github.issuer.url,
      },
    );
    const user = githubUsers.get(String(payload.sub));
    return user ? send(200, pick(user)) : send(401, { message: 'Bad credentials' });
  } catch {
    return send(401, { message: 'Bad credentials' });
  }
}

function githubUser(
  primaryEmail: string,
  opts: { verified?: boolean; publicEmail?: string | null } = {},
): FakeGitHubUser {
  const id = 100_000 + seq++;
  const user: FakeGitHubUser = {
    id,
    login: `octo${id}`,
    email: opts.publicEmail === undefined ? null : opts.publicEmail,
    emails: [
      { email: `other-${unique()}@example.com`, primary: false, verified: true, visibility: null },
      { email: primaryEmail, primary: true, verified: opts.verified ?? true, visibility: null },
    ],
  };
  githubUsers.set(`gh-${id}`, user);
  return user;
}

function googleUser(email: string, extra: Record<string, unknown> = {}) {
  return { sub: `g-${unique()}`, email, email_verified: true, ...extra };
}

interface Flow {
  client: ApiClient;
  start: HttpResult;
  authorizeUrl: URL;
  flowCookie: string;
  callbackPath: string;
}

/** What a browser does up to the provider's redirect back to us. */
async function beginFlow(
  provider: 'github' | 'google',
  client = new ApiClient(api.url),
): Promise<Flow> {
  const start = await client.get(`/api/auth/oauth/${provider}/start`);
  expect(start.status).toBe(302);
  const flowCookie = cookieValue(start.headers, FLOW_COOKIE) ?? '';
  expect(flowCookie).toMatch(/^[\w-]{43}$/);
  const authorizeUrl = new URL(start.headers.get('location')!);
  const atProvider = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('location')!);
  expect(back.origin).toBe(api.origin);
  return { client, start, authorizeUrl, flowCookie, callbackPath: back.pathname + back.search };
}

function callback(flow: Flow, opts: { path?: string; cookie?: string | null } = {}) {
  const cookie = opts.cookie === undefined ? flow.flowCookie : opts.cookie;
  return flow.client.get(
    opts.path ?? flow.callbackPath,
    cookie === null ? {} : { cookie: `${FLOW_COOKIE}=${cookie}` },
  );
}

/** Where the API sent the browser: the SPA callback with a one-time code, or /login with an error. */
function landing(res: HttpResult): { code?: string; error?: string; location: string } {
  expect(res.status).toBe(302);
  const location = res.headers.get('location')!;
  const url = new URL(location);
  expect(url.origin).toBe(api.origin);
  if (url.pathname === '/auth/callback') {
    expect(url.search).toBe('');
    return { code: new URLSearchParams(url.hash.slice(1)).get('code') ?? undefined, location };
  }
  expect(url.pathname).toBe('/login');
  return { error: url.searchParams.get('error') ?? undefined, location };
}

function exchange(flow: Flow, code: string, opts: { useCookie?: boolean; cookie?: string } = {}) {
  const cookie = opts.cookie ?? flow.flowCookie;
  return flow.client.post(
    '/api/auth/oauth/exchange',
    { code, ...(opts.useCookie === undefined ? {} : { useCookie: opts.useCookie }) },
    cookie ? { cookie: `${FLOW_COOKIE}=${cookie}` } : {},
  );
}

/** The whole round trip; returns the exchange answer. */
async function signIn(provider: 'github' | 'google', client?: ApiClient) {
  const flow = await beginFlow(provider, client);
  const land = landing(await callback(flow));
  expect(land.error).toBeUndefined();
  const res = await exchange(flow, land.code!);
  expect(res.status).toBe(200);
  return { flow, land, res };
}

async function expectRefused(provider: 'github' | 'google', code: string) {
  const flow = await beginFlow(provider);
  const land = landing(await callback(flow));
  expect(land).toEqual({ error: code, location: `${api.origin}/login?error=${code}` });
}

async function userRow(email: string) {
  const { rows } = await db.query<{
    id: string;
    password_hash: string | null;
    email_verified_at: Date | null;
  }>('SELECT id, password_hash, email_verified_at FROM app_user WHERE email = $1', [email]);
  return rows[0];
}

async function identities(userId: string) {
  const { rows } = await db.query<{ provider: string; provider_user_id: string; email: string }>(
    'SELECT provider, provider_user_id, email FROM auth_identity WHERE user_id = $1 ORDER BY provider',
    [userId],
  );
  return rows;
}

function expectProblem(res: HttpResult, status: number, code: string) {
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
}

describe('configuration', () => {
  it('tells the SPA which providers are configured', async () => {
    const res = await new ApiClient(api.url).get('/api/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ github: true, google: true });
  });

  it('answers 404 AUTH_PROVIDER_UNAVAILABLE for an unknown provider', async () => {
    const c = new ApiClient(api.url);
    expectProblem(await c.get('/api/auth/oauth/facebook/start'), 404, 'AUTH_PROVIDER_UNAVAILABLE');
    expectProblem(await c.get('/api/auth/oauth/__proto__/start'), 404, 'AUTH_PROVIDER_UNAVAILABLE');
    // The callback of an unknown provider is still a redirect, never an error page.
    expect(landing(await c.get('/api/auth/oauth/facebook/callback?code=x&state=y')).error).toBe(
      'AUTH_PROVIDER_UNAVAILABLE',
    );
  });
});

describe('start', () => {
  it('sends Google an authorization-code request with S256 PKCE, state and nonce', async () => {
    const { authorizeUrl, start } = await beginFlow('google');
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${google.issuer.url}/authorize`);
    const q = authorizeUrl.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe(GOOGLE_CLIENT_ID);
    expect(q.get('redirect_uri')).toBe(`${api.origin}/api/auth/oauth/google/callback`);
    expect(q.get('scope')).toBe('openid email profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toMatch(/^[\w-]{43}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{43}$/);
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith(`${FLOW_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=600/);
  });

  it('asks GitHub for read:user user:email with S256 PKCE and state', async () => {
    const { authorizeUrl } = await beginFlow('github');
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe(`${github.issuer.url}/authorize`);
    const q = authorizeUrl.searchParams;
    expect(q.get('client_id')).toBe(GITHUB_CLIENT_ID);
    expect(q.get('scope')).toBe('read:user user:email');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toMatch(/^[\w-]{43}$/);
    expect(q.get('redirect_uri')).toBe(`${api.origin}/api/auth/oauth/github/callback`);
  });

  it('limits sign-in starts per address', async () => {
    const c = new ApiClient(api.url);
    let last: HttpResult | undefined;
    for (let i = 0; i < 31; i++) last = await c.get('/api/auth/oauth/github/start');
    expectProblem(last!, 429, 'COMMON_RATE_LIMITED');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('Google', () => {
  it('creates a verified, password-less account and signs in without a token in any URL', async () => {
    const email = `g-${unique()}@example.com`;
    googleClaims = googleUser(email);
    let tokenRequest: Record<string, unknown> | undefined;
    google.service.once(Events.BeforeResponse, (_res, req) => {
      tokenRequest = req.body as Record<string, unknown>;
    });

    const { flow, land, res } = await signIn('google');

    // PKCE really ran: the token request carried the verifier of the challenge we sent.
    expect(tokenRequest?.code_verifier).toMatch(/^[\w-]{43}$/);
    expect(
      createHash('sha256').update(String(tokenRequest!.code_verifier)).digest('base64url'),
    ).toBe(flow.authorizeUrl.searchParams.get('code_challenge'));
    expect(tokenRequest?.redirect_uri).toBe(`${api.origin}/api/auth/oauth/google/callback`);

    for (const url of [flow.authorizeUrl.href, flow.callbackPath, land.location]) {
      expect(url).not.toContain(email);
      expect(url).not.toContain(res.body.accessToken);
    }
    expect(land.code).toMatch(/^[\w-]{43}$/);
    expect(res.body.refreshToken).toMatch(/^[\w-]{43}$/);
    expect(res.body.user.email).toBe(email);
    expect(res.body.user.nickname).toMatch(/^[가-힣]+\d*$/);

    flow.client.accessToken = res.body.accessToken;
    const me = await flow.client.get('/api/users/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.user.id);

    const row = await userRow(email);
    expect(row.id).toBe(res.body.user.id);
    expect(row.password_hash).toBeNull();
    expect(row.email_verified_at).not.toBeNull();
    expect(await identities(row.id)).toEqual([
      { provider: 'google', provider_user_id: googleClaims.sub, email },
    ]);
    // A password login is impossible for an account without a password.
    const login = await new ApiClient(api.url).post('/api/auth/login', {
      email,
      password: 'whatever-password',
    });
    expectProblem(login, 401, 'AUTH_CREDENTIALS_INVALID');
  });

  it('signs the same identity in to the same account next time, even with a changed email', async () => {
    const claims = googleUser(`g-${unique()}@example.com`);
    googleClaims = claims;
    const first = await signIn('google');
    googleClaims = { ...claims, email: `changed-${unique()}@example.com`, email_verified: false };
    const second = await signIn('google');
    expect(second.res.body.user.id).toBe(first.res.body.user.id);
    expect(second.res.body.accessToken).not.toBe(first.res.body.accessToken);
    expect(await identities(first.res.body.user.id)).toHaveLength(1);
  });

  it('refuses an email the provider did not verify, and creates nothing', async () => {
    const email = `g-${unique()}@example.com`;
    googleClaims = googleUser(email, { email_verified: false });
    await expectRefused('google', 'AUTH_OAUTH_EMAIL_UNVERIFIED');
    googleClaims = googleUser(email, { email_verified: 'true' });
    await expectRefused('google', 'AUTH_OAUTH_EMAIL_UNVERIFIED');
    googleClaims = { sub: `g-${unique()}` };
    await expectRefused('google', 'AUTH_OAUTH_EMAIL_UNVERIFIED');
    expect(await userRow(email)).toBeUndefined();
  });

  it.each([
    ['another issuer', { iss: 'https://accounts.google.com' }],
    ['another audience', { aud: 'someone-elses-client' }],
    ['a second audience without azp', { aud: [GOOGLE_CLIENT_ID, 'other-client'] }],
    ['a nonce we did not send', { nonce: 'not-the-nonce-we-sent' }],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 3600 }],
  ])('refuses an ID token with %s', async (_name, forged) => {
    const email = `g-${unique()}@example.com`;
    googleClaims = { ...googleUser(email), ...forged };
    await expectRefused('google', 'AUTH_OAUTH_ID_TOKEN_INVALID');
    expect(await userRow(email)).toBeUndefined();
  });

  it('refuses an authorization response that names another issuer (mix-up)', async () => {
    googleClaims = googleUser(`g-${unique()}@example.com`);
    google.service.once(Events.BeforeAuthorizeRedirect, (redirect) => {
      redirect.url.searchParams.set('iss', github.issuer.url!);
    });
    await expectRefused('google', 'AUTH_OAUTH_PROVIDER_ERROR');
  });

  it('accepts the authorization response iss when it is the configured issuer', async () => {
    googleClaims = googleUser(`g-${unique()}@example.com`);
    google.service.once(Events.BeforeAuthorizeRedirect, (redirect) => {
      redirect.url.searchParams.set('iss', google.issuer.url!);
    });
    await signIn('google');
  });
});

describe('the state', () => {
  beforeEach(() => {
    googleClaims = googleUser(`g-${unique()}@example.com`);
  });

  it('refuses a state that does not match the one we issued', async () => {
    const flow = await beginFlow('google');
    const path = flow.callbackPath.replace(/state=[^&]+/, 'state=forged-state-value');
    expect(landing(await callback(flow, { path })).error).toBe('AUTH_OAUTH_STATE_INVALID');
  });

  it('refuses a missing state', async () => {
    const flow = await beginFlow('google');
    const path = flow.callbackPath.replace(/&?state=[^&]+/, '');
    expect(landing(await callback(flow, { path })).error).toBe('AUTH_OAUTH_STATE_INVALID');
  });

  it('refuses a callback in a browser that did not start the sign-in (login CSRF)', async () => {
    const noCookie = await beginFlow('google');
    expect(landing(await callback(noCookie, { cookie: null })).error).toBe(
      'AUTH_OAUTH_STATE_INVALID',
    );
    // The attacker's own valid callback, opened in the victim's browser.
    const attacker = await beginFlow('google');
    const victim = await beginFlow('google');
    expect(landing(await callback(victim, { path: attacker.callbackPath })).error).toBe(
      'AUTH_OAUTH_STATE_INVALID',
    );
    expect(landing(await callback(victim)).code).toBeDefined();
  });

  it('refuses a replayed state', async () => {
    const flow = await beginFlow('google');
    expect(landing(await callback(flow)).code).toBeDefined();
    expect(landing(await callback(flow)).error).toBe('AUTH_OAUTH_STATE_INVALID');
  });

  it('refuses a state issued for the other provider', async () => {
    const flow = await beginFlow('google');
    const path = flow.callbackPath.replace('/google/', '/github/');
    expect(landing(await callback(flow, { path })).error).toBe('AUTH_OAUTH_STATE_INVALID');
  });

  it('answers a missing code with a provider error, not a 500', async () => {
    const flow = await beginFlow('google');
    const path = flow.callbackPath.replace(/code=[^&]+&?/, '');
    expect(path).not.toContain('code=');
    expect(landing(await callback(flow, { path })).error).toBe('AUTH_OAUTH_PROVIDER_ERROR');
  });
});

describe('provider failures', () => {
  it('reports denied consent', async () => {
    google.service.once(Events.BeforeAuthorizeRedirect, (redirect) => {
      redirect.url.searchParams.delete('code');
      redirect.url.searchParams.set('error', 'access_denied');
    });
    await expectRefused('google', 'AUTH_OAUTH_DENIED');
  });

  it('reports a token endpoint failure', async () => {
    googleClaims = googleUser(`g-${unique()}@example.com`);
    google.service.once(Events.BeforeResponse, (response) => {
      response.statusCode = 400;
      response.body = { error: 'invalid_grant' };
    });
    await expectRefused('google', 'AUTH_OAUTH_PROVIDER_ERROR');
  });

  it("reports GitHub's 200-with-error token answer", async () => {
    githubNext = githubUser(`h-${unique()}@example.com`);
    github.service.once(Events.BeforeResponse, (response) => {
      response.statusCode = 200;
      response.body = { error: 'bad_verification_code' };
    });
    await expectRefused('github', 'AUTH_OAUTH_PROVIDER_ERROR');
  });

  it('reports a failing GitHub API', async () => {
    githubNext = githubUser(`h-${unique()}@example.com`);
    githubApiFailure = 502;
    try {
      await expectRefused('github', 'AUTH_OAUTH_PROVIDER_ERROR');
    } finally {
      githubApiFailure = null;
    }
  });
});

describe('GitHub', () => {
  it('signs in a user with no public email through the verified primary address', async () => {
    const email = `h-${unique()}@example.com`;
    githubNext = githubUser(email, { publicEmail: null });
    const { res } = await signIn('github');
    expect(res.body.user.email).toBe(email);
    const row = await userRow(email);
    expect(row.password_hash).toBeNull();
    expect(row.email_verified_at).not.toBeNull();
    expect(await identities(row.id)).toEqual([
      { provider: 'github', provider_user_id: String(githubNext.id), email },
    ]);
  });

  it('uses the primary address, not the public one', async () => {
    const email = `h-${unique()}@example.com`;
    githubNext = githubUser(email, { publicEmail: `public-${unique()}@example.com` });
    expect((await signIn('github')).res.body.user.email).toBe(email);
  });

  it('refuses when the primary address is not verified', async () => {
    const email = `h-${unique()}@example.com`;
    githubNext = githubUser(email, { verified: false });
    await expectRefused('github', 'AUTH_OAUTH_EMAIL_UNVERIFIED');
    expect(await userRow(email)).toBeUndefined();
  });

  it('reuses the account on the next sign-in', async () => {
    githubNext = githubUser(`h-${unique()}@example.com`);
    const first = await signIn('github');
    const second = await signIn('github');
    expect(second.res.body.user.id).toBe(first.res.body.user.id);
  });
});

describe('linking', () => {
  it('links to an existing local account when both emails are verified', async () => {
    const local = await new ApiClient(api.url).signup();
    await markEmailVerified({ email: local.email });
    githubNext = githubUser(local.email);
    const viaGithub = await signIn('github');
    expect(viaGithub.res.body.user.id).toBe(local.userId);

    googleClaims = googleUser(local.email);
    const viaGoogle = await signIn('google');
    expect(viaGoogle.res.body.user.id).toBe(local.userId);

    expect((await identities(local.userId)).map((i) => i.provider)).toEqual(['github', 'google']);
    // The password still works and nothing else changed.
    const login = await new ApiClient(api.url).post('/api/auth/login', {
      email: local.email,
      password: local.password,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(local.userId);
  });

  it('refuses to link to (or take over) an account whose email is unverified', async () => {
    const local = await new ApiClient(api.url).signup();
    githubNext = githubUser(local.email);
    await expectRefused('github', 'AUTH_OAUTH_LINK_REQUIRES_VERIFIED');
    googleClaims = googleUser(local.email);
    await expectRefused('google', 'AUTH_OAUTH_LINK_REQUIRES_VERIFIED');

    expect(await identities(local.userId)).toEqual([]);
    const row = await userRow(local.email);
    expect(row.id).toBe(local.userId);
    expect(row.password_hash).not.toBeNull();
    expect(row.email_verified_at).toBeNull();
  });

  it('matches the local email case-insensitively', async () => {
    const local = await new ApiClient(api.url).signup();
    await markEmailVerified({ email: local.email });
    googleClaims = googleUser(local.email.toUpperCase());
    expect((await signIn('google')).res.body.user.id).toBe(local.userId);
  });
});

describe('the one-time code', () => {
  beforeEach(() => {
    googleClaims = googleUser(`g-${unique()}@example.com`);
  });

  it('works once', async () => {
    const flow = await beginFlow('google');
    const { code } = landing(await callback(flow));
    expect((await exchange(flow, code!)).status).toBe(200);
    expectProblem(await exchange(flow, code!), 401, 'AUTH_OAUTH_CODE_INVALID');
  });

  it('only in the browser that started the sign-in', async () => {
    const flow = await beginFlow('google');
    const other = await beginFlow('google');
    const { code } = landing(await callback(flow));
    expectProblem(
      await exchange(flow, code!, { cookie: other.flowCookie }),
      401,
      'AUTH_OAUTH_CODE_INVALID',
    );
  });

  it('refuses unknown codes and malformed bodies', async () => {
    const flow = await beginFlow('google');
    expectProblem(await exchange(flow, 'x'.repeat(43)), 401, 'AUTH_OAUTH_CODE_INVALID');
    expectProblem(await exchange(flow, 'short'), 400, 'COMMON_VALIDATION_FAILED');
    expectProblem(
      await flow.client.post('/api/auth/oauth/exchange', { code: 'x'.repeat(43), extra: 1 }),
      400,
      'COMMON_VALIDATION_FAILED',
    );
  });

  it('puts the refresh token in the httpOnly cookie when asked, like login', async () => {
    const flow = await beginFlow('google');
    const { code } = landing(await callback(flow));
    const res = await exchange(flow, code!, { useCookie: true });
    expect(res.status).toBe(200);
    expect(res.body.refreshToken).toBeUndefined();
    const raw = res.headers.getSetCookie().find((c) => c.startsWith('__Host-rt='))!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Strict/i);
    // The flow cookie is spent.
    expect(res.headers.getSetCookie().some((c) => c.startsWith(`${FLOW_COOKIE}=;`))).toBe(true);

    const refreshed = await flow.client.post('/api/auth/refresh', undefined, {
      cookie: `__Host-rt=${cookieValue(res.headers, '__Host-rt')}`,
      'x-csrf': '1',
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.id).toBe(res.body.user.id);
  });
});

describe('account deletion', () => {
  it('drops the provider links, so the same Google account later starts a new account', async () => {
    const email = `gone-${unique()}@example.com`;
    googleClaims = googleUser(email);
    const first = await signIn('google');
    const userId = first.res.body.user.id as string;
    expect(await identities(userId)).toHaveLength(1);

    first.flow.client.accessToken = first.res.body.accessToken;
    const gone = await first.flow.client.request('DELETE', '/api/users/me', {
      body: { contentPolicy: 'anonymize' },
    });
    expect(gone.status).toBe(204);
    // The links go after commit, with the rest of the account's after-effects.
    await eventually(async () => (await identities(userId)).length === 0, 'the links to go');

    const again = await signIn('google');
    expect(again.res.status).toBe(200);
    expect(again.res.body.user.id).not.toBe(userId);
    expect(again.res.body.user.email).toBe(email);
  });
});

describe('with only GitHub configured and a one-second code', () => {
  let small: ApiProcess;

  beforeAll(async () => {
    const { GOOGLE_CLIENT_ID: _id, GOOGLE_CLIENT_SECRET: _secret, ...env } = providerEnv();
    small = await startApi({ ...env, OAUTH_EXCHANGE_CODE_TTL_SEC: '1' });
  });

  afterAll(async () => {
    await small?.stop();
  });

  it('hides Google and answers its start with 404', async () => {
    const c = new ApiClient(small.url);
    expect((await c.get('/api/auth/providers')).body).toEqual({ github: true, google: false });
    expectProblem(await c.get('/api/auth/oauth/google/start'), 404, 'AUTH_PROVIDER_UNAVAILABLE');
  });

  it('lets the one-time code expire', async () => {
    githubNext = githubUser(`h-${unique()}@example.com`);
    const c = new ApiClient(small.url);
    const start = await c.get('/api/auth/oauth/github/start');
    const flowCookie = cookieValue(start.headers, FLOW_COOKIE)!;
    const atProvider = await fetch(start.headers.get('location')!, { redirect: 'manual' });
    const back = new URL(atProvider.headers.get('location')!);
    const cb = await c.get(back.pathname + back.search, { cookie: `${FLOW_COOKIE}=${flowCookie}` });
    const code = new URLSearchParams(new URL(cb.headers.get('location')!).hash.slice(1)).get(
      'code',
    );
    expect(code).toBeTruthy();
    await new Promise((r) => setTimeout(r, 1600));
    const res = await c.post(
      '/api/auth/oauth/exchange',
      { code },
      { cookie: `${FLOW_COOKIE}=${flowCookie}` },
    );
    expectProblem(res, 401, 'AUTH_OAUTH_CODE_INVALID');
  });
});
