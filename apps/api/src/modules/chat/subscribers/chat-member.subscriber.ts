import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import { actorOf } from '../../../infra/events/event-actor';
import { toUserSummary } from '../../user';
import '../chat.events';
import { ChatMemberEntity } from '../entities/chat-member.entity';

/**
 * Joins, leaves and read positions; a joined member must be saved with `user` loaded, and joins
 * and leaves with `byActor(who)`.
 */
@Injectable()
export class ChatMemberSubscriber implements EntitySubscriberInterface<ChatMemberEntity> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return ChatMemberEntity;
  }

  afterInsert(event: InsertEvent<ChatMemberEntity>): void {
    if (event.entity.leftAt === null) this.joined(event, event.entity);
  }

  afterUpdate(event: UpdateEvent<ChatMemberEntity>): void {
    const after = event.entity as ChatMemberEntity | undefined;
    const before = event.databaseEntity as ChatMemberEntity | undefined;
    if (!after || !before) return;
    const { roomId, userId } = before;
    if (before.leftAt === null && after.leftAt) {
      this.events.record(event.manager, 'chat.member.left', {
        roomId,
        userId,
        actorId: actorOf(event),
      });
    } else if (before.leftAt && after.leftAt === null) {
      this.joined(event, after);
    } else if (after.lastReadSeq > before.lastReadSeq) {
      this.events.record(event.manager, 'chat.room.read', {
        roomId,
        userId,
        lastReadSeq: after.lastReadSeq,
      });
    }
  }

  private joined(
    event: InsertEvent<ChatMemberEntity> | UpdateEvent<ChatMemberEntity>,
    member: ChatMemberEntity,
  ): void {
    if (!member.user) throw new Error('chat member joined without its user loaded');
    this.events.record(event.manager, 'chat.member.joined', {
      roomId: member.roomId,
      member: {
        user: toUserSummary(member.user),
        role: member.role,
        lastReadSeq: member.lastReadSeq,
        joinedAt: member.joinedAt.toISOString(),
      },
      actorId: actorOf(event),
    });
  }
}
