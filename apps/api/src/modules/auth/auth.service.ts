import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppConfig } from '../../config/app.config';
import type { Principal } from '../../infra/auth/principal';
import type { SessionVerifier } from '../../infra/auth/session-verifier';
import { failClosed, RateLimitRule, RateLimitService } from '../../infra/http/rate-limit.service';
import type { SocketAuthenticator, SocketPrincipal } from '../../infra/realtime/socket-auth';
import { toMeDto, UserEntity, UserService } from '../user';
import { AuthErrors } from './auth.errors';
import { isSessionId, SessionPrincipals } from './session-principals';
import { isSessionUsable, isWithinGrace } from './auth.policy';
import { AuthTokensDto, LoginDto, SessionDto, SignupDto } from './dto/auth.dto';
import { EmailVerificationService } from './email-verification.service';
import { AuthSessionEntity } from './entities/auth-session.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { assertPasswordAllowed } from './password.policy';
import { newRefreshToken, sha256Hex, TokenSealer } from './token-crypto';

export interface ClientMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface AccessClaims {
  sub: string;
  sid: string;
  typ: string;
  exp?: number;
}

export interface IssuedTokens extends Omit<AuthTokensDto, 'refreshToken'> {
  refreshToken: string;
}

// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
export const HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export const AuthLimits = {
  loginPerIp: { name: 'login-ip', limit: 25, windowSec: 5 * 60 },
  loginFailuresPerAccount: { name: 'login-fail-account', limit: 5, windowSec: 30 * 60 },
} satisfies Record<string, RateLimitRule>;
// Counted per instance while Redis is down they would multiply: refuse (503) instead.
failClosed(AuthLimits);

/** Sign-up bars from the environment: high per address (classrooms), low per email. */
export function signupLimits(env: AppConfig['env']) {
  return {
    perIp: { name: 'signup-ip', limit: env.SIGNUP_PER_IP_PER_HOUR, windowSec: 3600 },
    perEmail: { name: 'signup-email', limit: env.SIGNUP_PER_EMAIL_PER_HOUR, windowSec: 3600 },
  } satisfies Record<string, RateLimitRule>;
}

@Injectable()
export class AuthService implements SessionVerifier, SocketAuthenticator {
  private readonly sealer: TokenSealer;
  private readonly principals: SessionPrincipals;
  private dummyHash: Promise<string> | undefined;

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UserService) private readonly users: UserService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(EmailVerificationService) private readonly verification: EmailVerificationService,
  ) {
    this.sealer = new TokenSealer(config.jwtSecret);
    this.principals = new SessionPrincipals(db, config.perf.preparedStatements);
  }

  async signup(dto: SignupDto, meta: ClientMeta): Promise<IssuedTokens> {
    const limits = signupLimits(this.config.env);
    await this.limitHit(
      limits.perIp,
      meta.ip ?? 'unknown',
      'Too many sign-ups from this address. Try again later.',
    );
    await this.limitHit(
      limits.perEmail,
      dto.email,
      'Too many sign-ups with this email. Try again later.',
    );
    assertPasswordAllowed(dto.password, { email: dto.email, nickname: dto.nickname });
    const passwordHash = await argon2.hash(dto.password, HASH_OPTIONS);
    const { user, tokens } = await this.db.transaction(async (tx) => {
      const user = await this.users.createWithPassword(tx, {
        email: dto.email,
        passwordHash,
        nickname: dto.nickname,
      });
      if (!user) throw AuthErrors.emailTaken();
      return { user, tokens: await this.openSession(tx, user, meta) };
    });
    await this.verification.sendAfterSignup(user);
    return tokens;
  }

  async login(dto: LoginDto, meta: ClientMeta): Promise<IssuedTokens> {
    await this.limitHit(
      AuthLimits.loginPerIp,
      meta.ip ?? 'unknown',
      'Too many login attempts from this address. Try again later.',
    );
    // Every attempt is charged before the hash, atomically, and refunded by a success: concurrent
    // guesses cannot all pass a check that runs before any of them has been counted.
    await this.limitHit(
      AuthLimits.loginFailuresPerAccount,
      dto.email,
      'Too many failed logins for this account. Try again later.',
    );
    const user = await this.users.findByEmail(dto.email);
    // Verify against a dummy hash for unknown emails so timing does not reveal which accounts exist.
    const ok = await argon2
      .verify(user?.passwordHash ?? (await this.getDummyHash()), dto.password)
      .catch(() => false);
    if (!user || !user.passwordHash || !ok) throw AuthErrors.credentialsInvalid();
    if (this.limits.enabled) await this.limits.reset(AuthLimits.loginFailuresPerAccount, dto.email);
    return this.db.transaction((tx) => this.openSession(tx, user, meta));
  }

  /** Opens a session for a user proven by other means (social sign-in); null when the account is gone. */
  async openSessionFor(userId: string, meta: ClientMeta): Promise<IssuedTokens | null> {
    return this.db.transaction(async (tx) => {
      const user = await tx
        .getRepository(UserEntity)
        .findOne({ where: { id: userId, deletedAt: IsNull() } });
      return user ? this.openSession(tx, user, meta) : null;
    });
  }

  /** Rotates a refresh token; a rotated token inside the grace window yields the same successor. */
  async refresh(token: string, meta: ClientMeta): Promise<IssuedTokens> {
    const tokenHash = sha256Hex(token);
    const outcome = await this.db.transaction(async (tx) => {
      const row = await tx
        .getRepository(RefreshTokenEntity)
        .findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw AuthErrors.refreshInvalid();
      const session = await tx
        .getRepository(AuthSessionEntity)
        .findOne({ where: { id: row.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || !isSessionUsable(session, this.config.env.REFRESH_IDLE_TTL_SEC))
        throw AuthErrors.refreshInvalid();
      const user = await tx
        .getRepository(UserEntity)
        .findOne({ where: { id: session.userId, deletedAt: IsNull() } });
      if (!user) throw AuthErrors.refreshInvalid();

      if (row.rotatedAt) {
        const successor = row.successorSealed ? this.sealer.open(row.successorSealed) : null;
        if (successor && isWithinGrace(row.rotatedAt, this.config.env.REFRESH_GRACE_SEC)) {
          return { kind: 'ok' as const, tokens: this.issue(user, session, successor) };
        }
        await this.revokeSessions(tx, [session], 'refresh_reuse');
        return { kind: 'reused' as const };
      }

      const successor = newRefreshToken();
      row.rotatedAt = new Date();
      row.successorSealed = this.sealer.seal(successor);
      await tx.save(row);
      await tx
        .getRepository(RefreshTokenEntity)
        .insert({ sessionId: session.id, tokenHash: sha256Hex(successor) });
      session.lastUsedAt = new Date();
      session.ip = meta.ip;
      session.userAgent = meta.userAgent;
      await tx.save(session);
      return { kind: 'ok' as const, tokens: this.issue(user, session, successor) };
    });
    // The revocation above must commit, so the error is thrown outside the transaction.
    if (outcome.kind === 'reused') throw AuthErrors.refreshReused();
    return outcome.tokens;
  }

  /** Resolves the session a refresh token belongs to (for logout by cookie). */
  async sessionOfRefreshToken(token: string): Promise<string | null> {
    const row = await this.db
      .getRepository(RefreshTokenEntity)
      .findOne({ where: { tokenHash: sha256Hex(token) } });
    return row?.sessionId ?? null;
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const session = await tx
        .getRepository(AuthSessionEntity)
        .findOne({ where: { id: sessionId, revokedAt: IsNull() } });
      if (session) await this.revokeSessions(tx, [session], 'logout');
    });
  }

  async logoutAll(userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const sessions = await tx
        .getRepository(AuthSessionEntity)
        .find({ where: { userId, revokedAt: IsNull() } });
      await this.revokeSessions(tx, sessions, 'logout_all');
    });
  }

  async revokeSession(principal: Principal, sessionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Another user's session id answers exactly like a missing one.
      const session = await tx
        .getRepository(AuthSessionEntity)
        .findOne({ where: { id: sessionId, userId: principal.userId, revokedAt: IsNull() } });
      if (!session) throw AuthErrors.sessionNotFound();
      await this.revokeSessions(tx, [session], 'revoked');
    });
  }

  async listSessions(principal: Omit<Principal, 'emailVerified'>): Promise<SessionDto[]> {
    const sessions = await this.db.getRepository(AuthSessionEntity).find({
      where: { userId: principal.userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC' },
    });
    return sessions
      .filter((s) => isSessionUsable(s, this.config.env.REFRESH_IDLE_TTL_SEC))
      .map((s) => ({
        id: s.id,
        userAgent: s.userAgent,
        ip: s.ip,
        createdAt: s.createdAt.toISOString(),
        lastUsedAt: s.lastUsedAt.toISOString(),
        current: s.id === principal.sessionId,
      }));
  }

  /** Checks verified access-token claims against the live session row (revocation is immediate). */
  async principalFromClaims(claims: AccessClaims): Promise<Principal> {
    if (claims.typ !== 'access' || typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
      throw AuthErrors.tokenInvalid();
    if (!isSessionId(claims.sid)) throw AuthErrors.tokenInvalid();
    const row = await this.principals.find(claims.sid);
    if (!row || row.user_id !== claims.sub) throw AuthErrors.tokenInvalid();
    const session = {
      revokedAt: row.revoked_at,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
    };
    if (
      !row.user_present ||
      row.deleted_at ||
      !isSessionUsable(session, this.config.env.REFRESH_IDLE_TTL_SEC)
    )
      throw AuthErrors.sessionRevoked();
    return {
      userId: row.user_id,
      sessionId: claims.sid,
      emailVerified: row.email_verified_at !== null,
    };
  }

  async verifyAccessToken(token: string): Promise<Principal> {
    return this.principalFromClaims(await this.verifiedClaims(token));
  }

  async authenticateSocket(token: unknown): Promise<SocketPrincipal> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096)
      throw AuthErrors.unauthenticated();
    const claims = await this.verifiedClaims(token);
    const { userId, sessionId } = await this.principalFromClaims(claims);
    return {
      userId,
      sessionId,
      expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
    };
  }

  /** Signature, algorithm, issuer, audience and expiry (JwtModule's verify options). */
  private async verifiedClaims(token: string): Promise<AccessClaims> {
    try {
      return await this.jwt.verifyAsync<AccessClaims>(token);
    } catch {
      throw AuthErrors.tokenInvalid();
    }
  }

  private async openSession(
    tx: EntityManager,
    user: UserEntity,
    meta: ClientMeta,
  ): Promise<IssuedTokens> {
    const now = new Date();
    const session = await tx.getRepository(AuthSessionEntity).save(
      tx.getRepository(AuthSessionEntity).create({
        userId: user.id,
        userAgent: meta.userAgent?.slice(0, 512) ?? null,
        ip: meta.ip,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.config.env.REFRESH_ABSOLUTE_TTL_SEC * 1000),
        revokedAt: null,
        revokedReason: null,
      }),
    );
    const refreshToken = newRefreshToken();
    await tx
      .getRepository(RefreshTokenEntity)
      .insert({ sessionId: session.id, tokenHash: sha256Hex(refreshToken) });
    return this.issue(user, session, refreshToken);
  }

  private issue(user: UserEntity, session: AuthSessionEntity, refreshToken: string): IssuedTokens {
    const accessToken = this.jwt.sign({ typ: 'access', sid: session.id }, { subject: user.id });
    return {
      accessToken,
      expiresIn: this.config.env.ACCESS_TOKEN_TTL_SEC,
      refreshToken,
      user: toMeDto(user),
    };
  }

  /** Ends every live session of the user inside the caller's transaction, except `keep`. */
  async revokeUserSessions(
    tx: EntityManager,
    userId: string,
    reason: string,
    keep?: string,
  ): Promise<void> {
    const sessions = await tx
      .getRepository(AuthSessionEntity)
      .find({ where: { userId, revokedAt: IsNull() } });
    await this.revokeSessions(
      tx,
      sessions.filter((s) => s.id !== keep),
      reason,
    );
  }

  private async revokeSessions(
    tx: EntityManager,
    sessions: AuthSessionEntity[],
    reason: string,
  ): Promise<void> {
    if (sessions.length === 0) return;
    const now = new Date();
    for (const s of sessions) {
      s.revokedAt = now;
      s.revokedReason = reason;
    }
    await tx.getRepository(AuthSessionEntity).save(sessions);
  }

  private async limitHit(rule: RateLimitRule, subject: string, message: string): Promise<void> {
    if (!this.limits.enabled) return;
    RateLimitService.assertWithin(await this.limits.hit(rule, subject), message);
  }

  private getDummyHash(): Promise<string> {
    this.dummyHash ??= argon2.hash('orgo-dummy-password-for-timing', HASH_OPTIONS);
    return this.dummyHash;
  }
}
