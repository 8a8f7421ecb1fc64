import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, UpdateEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import { actorOf } from '../../../infra/events/event-actor';
import '../chat.events';
import { ChatRoomEntity } from '../entities/chat-room.entity';

@Injectable()
export class ChatRoomSubscriber implements EntitySubscriberInterface<ChatRoomEntity> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return ChatRoomEntity;
  }

  afterUpdate(event: UpdateEvent<ChatRoomEntity>): void {
    const after = event.entity as ChatRoomEntity | undefined;
    const before = event.databaseEntity as ChatRoomEntity | undefined;
    if (!after || !before) return;
    if (after.name === before.name && after.ownerId === before.ownerId) return;
    this.events.record(event.manager, 'chat.room.updated', {
      roomId: before.id,
      name: after.name,
      ownerId: after.ownerId,
      actorId: actorOf(event),
    });
  }
}
