import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, QueryFailedError, Repository } from 'typeorm';
import { MeDto, toMeDto } from './dto/me.dto';
import { UserEntity } from './entities/user.entity';
import { defaultNickname } from './nickname';
import type { ContentPolicy } from './user.events';
import { UserErrors } from './user.errors';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UserService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.findById(userId);
    if (!user) throw UserErrors.notFound();
    return toMeDto(user);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id, deletedAt: IsNull() } });
  }

  /** Which of these media keys are some account's current avatar. */
  async avatarKeysInUse(keys: string[]): Promise<Set<string>> {
    const rows = await this.users.find({
      select: { avatarKey: true },
      where: { avatarKey: In(keys) },
    });
    return new Set(rows.map((r) => r.avatarKey!));
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { email: email.toLowerCase(), deletedAt: IsNull() } });
  }

  /**
   * Creates an account inside the caller's transaction. Returns null when the email is taken;
   * a chosen nickname that is taken is an error, a generated one is retried.
   */
  async createWithPassword(
    manager: EntityManager,
    input: {
      email: string;
      passwordHash: string | null;
      nickname?: string;
      emailVerifiedAt?: Date | null;
    },
  ): Promise<UserEntity | null> {
    const repo = manager.getRepository(UserEntity);
    if (await repo.exists({ where: { email: input.email } })) return null;
    for (let attempt = 0; attempt < 8; attempt++) {
      const nickname = input.nickname ?? defaultNickname(attempt);
      if (await repo.exists({ where: { nickname } })) {
        if (input.nickname) throw UserErrors.nicknameTaken();
        continue;
      }
      try {
        const user = repo.create({
          email: input.email,
          passwordHash: input.passwordHash,
          nickname,
          emailVerifiedAt: input.emailVerifiedAt ?? null,
        });
        // A savepoint keeps the outer transaction usable when a concurrent insert wins the race.
        return await manager.transaction((tx) => tx.getRepository(UserEntity).save(user));
      } catch (err) {
        if (
          !(err instanceof QueryFailedError) ||
          (err.driverError as { code?: string }).code !== UNIQUE_VIOLATION
        )
          throw err;
        const constraint = (err.driverError as { constraint?: string }).constraint;
        if (constraint === 'uq_app_user_email') return null;
        if (input.nickname) throw UserErrors.nicknameTaken();
      }
    }
    throw UserErrors.nicknameTaken();
  }

  /** Swaps the avatar key under a row lock, so concurrent uploads each learn the key they replaced. */
  async setAvatarKey(
    userId: string,
    key: string | null,
  ): Promise<{ user: UserEntity; previousKey: string | null }> {
    return this.users.manager.transaction(async (tx) => {
      const repo = tx.getRepository(UserEntity);
      const user = await repo.findOne({
        where: { id: userId, deletedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw UserErrors.notFound();
      const previousKey = user.avatarKey;
      await repo.update({ id: userId }, { avatarKey: key });
      user.avatarKey = key;
      return { user, previousKey };
    });
  }

  /**
   * Withdrawal inside the caller's transaction: the row stays (content may still point at it) but
   * every personal field is scrubbed, and the email and nickname become unique tombstones so both
   * can be taken again. The subscriber publishes `user.account.deleted` after commit.
   */
  async deleteAccount(
    manager: EntityManager,
    userId: string,
    contentPolicy: ContentPolicy,
  ): Promise<void> {
    const repo = manager.getRepository(UserEntity);
    const user = await repo.findOne({
      where: { id: userId, deletedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!user) throw UserErrors.notFound();
    Object.assign(user, tombstone(user.id), {
      passwordHash: null,
      emailVerifiedAt: null,
      about: '',
      links: [],
      avatarKey: null,
      deletedAt: new Date(),
      deletionContentPolicy: contentPolicy,
    });
    await repo.save(user);
  }

  /** A social sign-in account: no password, email already verified by the provider. */
  createSocial(manager: EntityManager, input: { email: string }): Promise<UserEntity | null> {
    return this.createWithPassword(manager, {
      email: input.email,
      passwordHash: null,
      emailVerifiedAt: new Date(),
    });
  }
}

/** `deleted+<id>@invalid` can never receive mail (RFC 6761 .invalid); the nickname fits 20 chars. */
export function tombstone(id: string): { email: string; nickname: string } {
  return {
    email: `deleted+${id}@invalid`,
    nickname: `${DELETED_NICKNAME}${id.replace(/-/g, '').slice(0, 12)}`,
  };
}

export const DELETED_NICKNAME = '탈퇴한사용자';
