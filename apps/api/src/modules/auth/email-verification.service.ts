import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app.config';
import { RateLimitRule, RateLimitService } from '../../infra/http/rate-limit.service';
import { MailMessage, MailService } from '../../infra/mail/mail.service';
import { MeDto, toMeDto, UserEntity, UserService } from '../user';
import { AccountLimits, verifyMailCooldown } from './account.limits';
import { AuthErrors } from './auth.errors';
import { verificationMail } from './auth.mails';
import { EmailVerificationEntity } from './entities/email-verification.entity';
import {
  digestsEqual,
  keyedHashHex,
  newLinkToken,
  newNumericCode,
  sha256Hex,
} from './token-crypto';

export const MAX_CODE_ATTEMPTS = 5;

type CodeOutcome =
  | { kind: 'verified'; user: UserEntity }
  | { kind: 'expired' }
  | { kind: 'locked' }
  | { kind: 'wrong'; attemptsLeft: number };

/** Proves inbox control with a 6-digit code or a link; both are stored only hashed. */
@Injectable()
export class EmailVerificationService {
  private readonly logger = new Logger(EmailVerificationService.name);

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(UserService) private readonly users: UserService,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
  ) {}

  /**
   * The first code after sign-up. It counts toward the resend limits. The mail is not awaited:
   * sign-up does not wait for (or fail with) the mail server; the user can ask for another code.
   */
  async sendAfterSignup(user: UserEntity): Promise<void> {
    if (this.limits.enabled) {
      await this.limits.hit(verifyMailCooldown(this.config.env.EMAIL_RESEND_COOLDOWN_SEC), user.id);
      await this.limits.hit(AccountLimits.verifyMailPerAccountDay, user.id);
    }
    try {
      const mail = await this.issue(user);
      void this.mail.send(mail).catch((err: unknown) => this.mailFailed(err, user.id));
    } catch (err) {
      // The account exists either way; the user can ask for a new code.
      this.mailFailed(err, user.id);
    }
  }

  /** A fresh code and link replace the old ones (and their attempt count). */
  async resend(userId: string, ip: string): Promise<{ cooldownSec: number }> {
    const user = await this.users.findById(userId);
    if (!user) throw AuthErrors.unauthenticated();
    if (user.emailVerifiedAt) throw AuthErrors.emailAlreadyVerified();
    const cooldownSec = this.config.env.EMAIL_RESEND_COOLDOWN_SEC;
    await this.limitHit(verifyMailCooldown(cooldownSec), user.id, 'Wait before asking again.');
    await this.limitHit(
      AccountLimits.verifyMailPerAccountDay,
      user.id,
      'Too many verification mails today. Try again tomorrow.',
    );
    await this.limitHit(AccountLimits.mailPerIpDay, ip, 'Too many mails from this address today.');
    await this.mail.send(await this.issue(user));
    return { cooldownSec };
  }

  async verifyCode(userId: string, code: string): Promise<MeDto> {
    const outcome = await this.db.transaction(async (tx): Promise<CodeOutcome> => {
      const user = await tx
        .getRepository(UserEntity)
        .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw AuthErrors.unauthenticated();
      if (user.emailVerifiedAt) return { kind: 'verified', user };
      const repo = tx.getRepository(EmailVerificationEntity);
      const pending = await repo.findOne({ where: { userId } });
      if (!pending || pending.expiresAt.getTime() <= Date.now()) return { kind: 'expired' };
      if (pending.attempts >= MAX_CODE_ATTEMPTS) return { kind: 'locked' };
      if (!digestsEqual(this.hashCode(userId, code), pending.codeHash)) {
        pending.attempts += 1;
        await repo.save(pending);
        return { kind: 'wrong', attemptsLeft: MAX_CODE_ATTEMPTS - pending.attempts };
      }
      user.emailVerifiedAt = new Date();
      await tx.getRepository(UserEntity).save(user);
      await repo.delete({ userId });
      return { kind: 'verified', user };
    });
    // The attempt count must commit, so errors are thrown outside the transaction.
    if (outcome.kind === 'expired') throw AuthErrors.emailCodeExpired();
    if (outcome.kind === 'locked') throw AuthErrors.emailCodeLocked();
    if (outcome.kind === 'wrong') throw AuthErrors.emailCodeInvalid(outcome.attemptsLeft);
    return toMeDto(outcome.user);
  }

  /** The link works without a session: the token itself proves inbox control. */
  async verifyLink(token: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(EmailVerificationEntity);
      const pending = await repo.findOne({
        where: { tokenHash: sha256Hex(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!pending || pending.expiresAt.getTime() <= Date.now())
        throw AuthErrors.emailLinkInvalid();
      const users = tx.getRepository(UserEntity);
      const user = await users.findOne({ where: { id: pending.userId } });
      if (!user) throw AuthErrors.emailLinkInvalid();
      user.emailVerifiedAt ??= new Date();
      await users.save(user);
      await repo.delete({ userId: user.id });
    });
  }

  /** Stores a fresh code and link (replacing any pending one) and returns the mail that carries them. */
  private async issue(user: UserEntity): Promise<MailMessage> {
    const code = newNumericCode();
    const token = newLinkToken();
    const ttlSec = this.config.env.EMAIL_CODE_TTL_SEC;
    await this.db.getRepository(EmailVerificationEntity).upsert(
      {
        userId: user.id,
        codeHash: this.hashCode(user.id, code),
        tokenHash: sha256Hex(token),
        attempts: 0,
        expiresAt: new Date(Date.now() + ttlSec * 1000),
      },
      ['userId'],
    );
    const link = `${this.config.env.PUBLIC_ORIGIN}/verify-email?${new URLSearchParams({ token })}`;
    return verificationMail({
      to: user.email,
      nickname: user.nickname,
      code,
      link,
      ttlMin: Math.max(1, Math.round(ttlSec / 60)),
    });
  }

  private mailFailed(err: unknown, userId: string): void {
    this.logger.error({ err, userId }, 'verification mail failed');
  }

  private hashCode(userId: string, code: string): string {
    return keyedHashHex(this.config.jwtSecret, userId, code);
  }

  private async limitHit(rule: RateLimitRule, subject: string, message: string): Promise<void> {
    if (!this.limits.enabled) return;
    RateLimitService.assertWithin(await this.limits.hit(rule, subject), message);
  }
}
