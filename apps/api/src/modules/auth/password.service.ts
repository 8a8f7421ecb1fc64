import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, MoreThan } from 'typeorm';
import { AppConfig } from '../../config/app.config';
import type { Principal } from '../../infra/auth/principal';
import { RateLimitService } from '../../infra/http/rate-limit.service';
import { MailService } from '../../infra/mail/mail.service';
import { UserEntity, UserService } from '../user';
import { AccountLimits } from './account.limits';
import { AuthErrors } from './auth.errors';
import { passwordResetMail } from './auth.mails';
import { AuthLimits, AuthService, HASH_OPTIONS } from './auth.service';
import { AuthSessionEntity } from './entities/auth-session.entity';
import { EmailVerificationEntity } from './entities/email-verification.entity';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { assertPasswordAllowed, isCommonPassword } from './password.policy';
import { newLinkToken, sha256Hex } from './token-crypto';

/** Forgot / reset / change password, and the password check other account actions share. */
@Injectable()
export class PasswordService {
  private readonly logger = new Logger(PasswordService.name);

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(UserService) private readonly users: UserService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
  ) {}

  /**
   * Mails a reset link when the address belongs to an account and its mail budget allows.
   * The caller answers the same either way; the mail is not awaited so timing tells nothing.
   */
  async forgot(email: string, ip: string): Promise<void> {
    if (this.limits.enabled) {
      RateLimitService.assertWithin(
        await this.limits.hit(AccountLimits.mailPerIpDay, ip),
        'Too many mails from this address today.',
      );
      const hour = await this.limits.hit(AccountLimits.resetMailPerAddressHour, email);
      const day = await this.limits.hit(AccountLimits.resetMailPerAddressDay, email);
      if (hour.exceeded || day.exceeded) return;
    }
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const token = newLinkToken();
    const ttlSec = this.config.env.PASSWORD_RESET_TTL_SEC;
    await this.db.getRepository(PasswordResetEntity).insert({
      userId: user.id,
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + ttlSec * 1000),
    });
    const link = `${this.config.env.PUBLIC_ORIGIN}/reset-password?${new URLSearchParams({ token })}`;
    void this.mail
      .send(
        passwordResetMail({
          to: user.email,
          nickname: user.nickname,
          link,
          ttlMin: Math.max(1, Math.round(ttlSec / 60)),
        }),
      )
      .catch((err: unknown) => this.logger.error({ err, userId: user.id }, 'reset mail failed'));
  }

  /**
   * Sets a new password from a single-use link, ends every session (their sockets drop) and marks
   * the email verified: following the link proved control of the inbox.
   */
  async reset(token: string, newPassword: string): Promise<void> {
    // A common password is refused before the token is even looked at.
    if (isCommonPassword(newPassword)) throw AuthErrors.passwordTooCommon('newPassword');
    const pending = await this.db
      .getRepository(PasswordResetEntity)
      .findOne({ where: { tokenHash: sha256Hex(token), expiresAt: MoreThan(new Date()) } });
    const owner = pending && (await this.users.findById(pending.userId));
    if (!owner) throw AuthErrors.resetTokenInvalid();
    assertPasswordAllowed(newPassword, owner, 'newPassword');
    const passwordHash = await argon2.hash(newPassword, HASH_OPTIONS);
    const { email, userId } = await this.db.transaction(async (tx) => {
      const resets = tx.getRepository(PasswordResetEntity);
      const row = await resets.findOne({
        where: { tokenHash: sha256Hex(token), expiresAt: MoreThan(new Date()) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) throw AuthErrors.resetTokenInvalid();
      const users = tx.getRepository(UserEntity);
      const user = await users.findOne({ where: { id: row.userId } });
      if (!user) throw AuthErrors.resetTokenInvalid();
      user.passwordHash = passwordHash;
      user.emailVerifiedAt ??= new Date();
      await users.save(user);
      await resets.delete({ userId: user.id });
      await tx.getRepository(EmailVerificationEntity).delete({ userId: user.id });
      await this.auth.revokeUserSessions(tx, user.id, 'password_reset');
      return { email: user.email, userId: user.id };
    });
    if (this.limits.enabled) {
      await this.limits.reset(AuthLimits.loginFailuresPerAccount, email);
      await this.limits.reset(AccountLimits.passwordFailuresPerAccount, userId);
    }
  }

  /** Changes a known password; the other sessions end, this one stays. */
  async change(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.users.findById(principal.userId);
    if (account && !account.passwordHash) throw AuthErrors.passwordNotSet();
    const user = await this.confirm(principal, currentPassword, 'currentPassword');
    assertPasswordAllowed(newPassword, user, 'newPassword');
    const passwordHash = await argon2.hash(newPassword, HASH_OPTIONS);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(UserEntity).update({ id: user.id }, { passwordHash });
      await this.auth.revokeUserSessions(tx, user.id, 'password_changed', principal.sessionId);
    });
  }

  /**
   * Re-authentication for sensitive actions: checks the password when the account has one (wrong
   * guesses count like login failures). An account without a password has nothing to type, so
   * its session must come from a sign-in within REAUTH_MAX_AGE_SEC (a refresh is not a sign-in).
   */
  async confirm(
    principal: Pick<Principal, 'sessionId' | 'userId'>,
    password: string | undefined,
    field: string,
  ): Promise<UserEntity> {
    const user = await this.users.findById(principal.userId);
    if (!user) throw AuthErrors.unauthenticated();
    if (!user.passwordHash) {
      const session = await this.db
        .getRepository(AuthSessionEntity)
        .findOne({ where: { id: principal.sessionId, userId: user.id } });
      const maxAgeMs = this.config.env.REAUTH_MAX_AGE_SEC * 1000;
      if (!session || Date.now() - session.createdAt.getTime() > maxAgeMs)
        throw AuthErrors.reauthRequired();
      return user;
    }
    if (!password) throw AuthErrors.passwordRequired(field);
    const rule = AccountLimits.passwordFailuresPerAccount;
    // Charged before the hash and refunded by a success, like login attempts.
    if (this.limits.enabled)
      RateLimitService.assertWithin(
        await this.limits.hit(rule, user.id),
        'Too many wrong passwords. Try again later.',
      );
    const ok = await argon2.verify(user.passwordHash, password).catch(() => false);
    if (!ok) throw AuthErrors.passwordIncorrect(field);
    if (this.limits.enabled) await this.limits.reset(rule, user.id);
    return user;
  }
}
