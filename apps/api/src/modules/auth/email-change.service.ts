import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AppConfig } from '../../config/app.config';
import { AppError } from '../../infra/http/app-error';
import { RateLimitRule, RateLimitService } from '../../infra/http/rate-limit.service';
import { MailService } from '../../infra/mail/mail.service';
import type { Principal } from '../../infra/auth/principal';
import { MeDto, toMeDto, UserEntity } from '../user';
import { AccountLimits } from './account.limits';
import { AuthErrors } from './auth.errors';
import { emailChangeCodeMail, emailChangedNoticeMail } from './auth.mails';
import type { ChangeEmailPendingDto, SignInMethodsDto } from './dto/account.dto';
import { EmailChangeEntity } from './entities/email-change.entity';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { MAX_CODE_ATTEMPTS } from './email-verification.service';
import { PasswordService } from './password.service';
import { digestsEqual, keyedHashHex, newNumericCode } from './token-crypto';

/**
 * Codes to a new address: one a minute, five requests a day per account (taken addresses
 * included), plus the per-IP mail limit.
 */
export const EmailChangeLimits = {
  cooldown: { name: 'email-change-cooldown', limit: 1, windowSec: 60 },
  perAccountDay: { name: 'email-change-account-day', limit: 5, windowSec: 24 * 3600 },
} satisfies Record<string, RateLimitRule>;

type ConfirmOutcome =
  | { kind: 'changed'; user: UserEntity; oldEmail: string }
  | { kind: 'expired' }
  | { kind: 'locked' }
  | { kind: 'taken' }
  | { kind: 'wrong'; attemptsLeft: number };

const unchanged = () =>
  new AppError('COMMON_VALIDATION_FAILED', 400, 'The request has invalid fields.', [
    { field: 'newEmail', code: 'unchanged', message: 'newEmail is already the account email' },
  ]);

/**
 * Changing the sign-in email: the current password (or a recent sign-in) asks for it, a code
 * mailed to the new address proves it is reachable, and the old address is told afterwards.
 * Sessions stay signed in; the new address counts as verified.
 */
@Injectable()
export class EmailChangeService {
  private readonly logger = new Logger(EmailChangeService.name);

  constructor(
    @Inject(AppConfig) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PasswordService) private readonly passwords: PasswordService,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
  ) {}

  async request(
    principal: Pick<Principal, 'sessionId' | 'userId'>,
    input: { newEmail: string; password?: string },
    ip: string,
  ): Promise<ChangeEmailPendingDto> {
    const user = await this.passwords.confirm(principal, input.password, 'password');
    const { newEmail } = input;
    if (newEmail === user.email) throw unchanged();
    // Charged before the address is looked up: "taken" tells whether an address is registered,
    // so an account may ask that only as often as it may ask for codes (five a day).
    await this.limitHit(
      EmailChangeLimits.perAccountDay,
      user.id,
      'Too many codes today. Try again tomorrow.',
    );
    if (
      await this.db
        .getRepository(UserEntity)
        .exists({ where: { email: newEmail }, withDeleted: true })
    )
      throw AuthErrors.emailTaken();
    await this.limitHit(EmailChangeLimits.cooldown, user.id, 'Wait before asking again.');
    await this.limitHit(AccountLimits.mailPerIpDay, ip, 'Too many mails from this address today.');

    const code = newNumericCode();
    const ttlSec = this.config.env.EMAIL_CODE_TTL_SEC;
    const expiresAt = new Date(Date.now() + ttlSec * 1000);
    // A new request replaces the previous one, its address and its attempt count.
    await this.db.getRepository(EmailChangeEntity).upsert(
      {
        userId: user.id,
        newEmail,
        codeHash: this.hashCode(user.id, newEmail, code),
        attempts: 0,
        expiresAt,
      },
      ['userId'],
    );
    await this.mail.send(
      emailChangeCodeMail({
        to: newEmail,
        nickname: user.nickname,
        code,
        ttlMin: Math.round(ttlSec / 60),
      }),
    );
    return { newEmail, expiresAt: expiresAt.toISOString() };
  }

  async confirm(userId: string, code: string): Promise<MeDto> {
    let outcome: ConfirmOutcome;
    try {
      outcome = await this.db.transaction(async (tx): Promise<ConfirmOutcome> => {
        const users = tx.getRepository(UserEntity);
        const user = await users.findOne({
          where: { id: userId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!user) throw AuthErrors.unauthenticated();
        const repo = tx.getRepository(EmailChangeEntity);
        const pending = await repo.findOne({ where: { userId } });
        if (!pending || pending.expiresAt.getTime() <= Date.now()) return { kind: 'expired' };
        if (pending.attempts >= MAX_CODE_ATTEMPTS) return { kind: 'locked' };
        if (!digestsEqual(this.hashCode(userId, pending.newEmail, code), pending.codeHash)) {
          pending.attempts += 1;
          await repo.save(pending);
          return { kind: 'wrong', attemptsLeft: MAX_CODE_ATTEMPTS - pending.attempts };
        }
        if (await users.exists({ where: { email: pending.newEmail }, withDeleted: true }))
          return { kind: 'taken' };
        const oldEmail = user.email;
        user.email = pending.newEmail;
        user.emailVerifiedAt = new Date();
        await users.save(user);
        await repo.delete({ userId });
        // A code for the old address verifies nothing any more, and a reset link mailed to the
        // old address (whoever reads it now) can no longer take the account.
        await tx.query('DELETE FROM auth_email_verification WHERE user_id = $1', [userId]);
        await tx.getRepository(PasswordResetEntity).delete({ userId });
        return { kind: 'changed', user, oldEmail };
      });
    } catch (err) {
      // Someone signed up with the address between the check and the write.
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === '23505'
      )
        throw AuthErrors.emailTaken();
      throw err;
    }
    if (outcome.kind === 'expired') throw AuthErrors.emailCodeExpired();
    if (outcome.kind === 'locked') throw AuthErrors.emailCodeLocked();
    if (outcome.kind === 'wrong') throw AuthErrors.emailCodeInvalid(outcome.attemptsLeft);
    if (outcome.kind === 'taken') throw AuthErrors.emailTaken();
    const { user, oldEmail } = outcome;
    void this.mail
      .send(emailChangedNoticeMail({ to: oldEmail, nickname: user.nickname, newEmail: user.email }))
      .catch((err: unknown) => this.logger.error({ err, userId }, 'email change notice failed'));
    return toMeDto(user);
  }

  async cancel(userId: string): Promise<void> {
    await this.db.getRepository(EmailChangeEntity).delete({ userId });
  }

  async methods(userId: string): Promise<SignInMethodsDto> {
    const [user, identities, pending] = await Promise.all([
      this.db.getRepository(UserEntity).findOne({ where: { id: userId } }),
      this.db.query(
        `SELECT provider,
                to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS linked_at
           FROM auth_identity WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      ) as Promise<{ provider: string; linked_at: string }[]>,
      this.db.getRepository(EmailChangeEntity).findOne({ where: { userId } }),
    ]);
    if (!user) throw AuthErrors.unauthenticated();
    const isPending = pending !== null && pending.expiresAt.getTime() > Date.now();
    return {
      password: user.passwordHash !== null,
      providers: identities.map((i) => ({ provider: i.provider, linkedAt: i.linked_at })),
      pendingEmailChange: isPending
        ? { newEmail: pending.newEmail, expiresAt: pending.expiresAt.toISOString() }
        : null,
    };
  }

  private hashCode(userId: string, newEmail: string, code: string): string {
    return keyedHashHex(this.config.jwtSecret, `email-change:${userId}:${newEmail}`, code);
  }

  private async limitHit(rule: RateLimitRule, subject: string, message: string): Promise<void> {
    if (!this.limits.enabled) return;
    RateLimitService.assertWithin(await this.limits.hit(rule, subject), message);
  }
}
