import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, InsertEvent, RemoveEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import '../chat.events';
import { ChatReactionEntity } from '../entities/chat-reaction.entity';

@Injectable()
export class ChatReactionSubscriber implements EntitySubscriberInterface<ChatReactionEntity> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return ChatReactionEntity;
  }

  afterInsert(event: InsertEvent<ChatReactionEntity>): void {
    this.events.record(event.manager, 'chat.reaction.added', pick(event.entity));
  }

  afterRemove(event: RemoveEvent<ChatReactionEntity>): void {
    const row = event.databaseEntity ?? event.entity;
    if (row) this.events.record(event.manager, 'chat.reaction.removed', pick(row));
  }
}

function pick(r: ChatReactionEntity) {
  return { roomId: r.roomId, messageId: r.messageId, userId: r.userId, emoji: r.emoji };
}
