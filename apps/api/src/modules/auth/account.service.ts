import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../../infra/auth/principal';
import { AccountFollowups, type ContentPolicy, UserService } from '../user';
import { AuthService } from './auth.service';
import { EmailChangeEntity } from './entities/email-change.entity';
import { EmailVerificationEntity } from './entities/email-verification.entity';
import { PasswordResetEntity } from './entities/password-reset.entity';
import { PasswordService } from './password.service';

/** Withdrawal: lives in auth because it needs the password check and ends every session. */
@Injectable()
export class AccountService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(UserService) private readonly users: UserService,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(PasswordService) private readonly passwords: PasswordService,
    @Inject(AccountFollowups) private readonly followups: AccountFollowups,
  ) {}

  /**
   * Scrubs the account and ends all its sessions in one transaction; after commit the sockets drop
   * (`auth.session.revoked`) and content modules apply the policy (`user.account.deleted`), each
   * through a durable follow-up row written here, retried until the module marks it done.
   */
  async deleteAccount(
    principal: Principal,
    input: { password?: string; contentPolicy: ContentPolicy },
  ): Promise<void> {
    await this.passwords.confirm(principal, input.password, 'password');
    await this.db.transaction(async (tx) => {
      await this.auth.revokeUserSessions(tx, principal.userId, 'account_deleted');
      await tx.getRepository(EmailVerificationEntity).delete({ userId: principal.userId });
      await tx.getRepository(PasswordResetEntity).delete({ userId: principal.userId });
      await tx.getRepository(EmailChangeEntity).delete({ userId: principal.userId });
      await this.users.deleteAccount(tx, principal.userId, input.contentPolicy);
      await this.followups.enqueue(tx, {
        userId: principal.userId,
        contentPolicy: input.contentPolicy,
      });
    });
  }
}
