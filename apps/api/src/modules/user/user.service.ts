import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, QueryFailedError, Repository } from 'typeorm';
import { MeDto, toMeDto } from './dto/me.dto';
import { UserEntity } from './entities/user.entity';
import { defaultNickname } from './nickname';
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

  /** A social sign-in account: no password, email already verified by the provider. */
  createSocial(manager: EntityManager, input: { email: string }): Promise<UserEntity | null> {
    return this.createWithPassword(manager, {
      email: input.email,
      passwordHash: null,
      emailVerifiedAt: new Date(),
    });
  }
}
