import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserSummary } from '@orgo/contracts';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { toUserSummary, UserEntity } from '../user';
import type { ChatUserRow, ChatUsers } from './chat-users.port';

/** Chat's view of users on the user module's entity and summary rule. */
@Injectable()
export class UserModuleChatUsers implements ChatUsers {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findActive(ids: string[], manager: EntityManager = this.db.manager): Promise<ChatUserRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return manager.find(UserEntity, {
      select: { id: true, nickname: true, avatarKey: true, deletedAt: true },
      where: { id: In(ids), deletedAt: IsNull() },
    });
  }

  async summaries(ids: string[]): Promise<Map<string, UserSummary>> {
    if (!ids.length) return new Map();
    const users = await this.db.getRepository(UserEntity).find({
      select: { id: true, nickname: true, avatarKey: true, deletedAt: true },
      where: { id: In(ids) },
      withDeleted: true,
    });
    return new Map(users.map((u) => [u.id, toUserSummary(u)]));
  }

  summary(row: ChatUserRow): UserSummary {
    return toUserSummary(row);
  }
}
