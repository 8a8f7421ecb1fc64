import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, UpdateEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import '../chat.events';
import { ChatMessageEntity } from '../entities/chat-message.entity';

/**
 * Edits and deletes of messages become events after commit. New messages are written in one
 * statement by ChatMessagesService.postMessage (chat_post_messages), which publishes `chat.message.created`.
 */
@Injectable()
export class ChatMessageSubscriber implements EntitySubscriberInterface<ChatMessageEntity> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return ChatMessageEntity;
  }

  afterUpdate(event: UpdateEvent<ChatMessageEntity>): void {
    const after = event.entity as ChatMessageEntity | undefined;
    const before = event.databaseEntity as ChatMessageEntity | undefined;
    if (!after || !before) return;
    const base = { id: before.id, roomId: before.roomId, seq: before.seq };
    if (after.deletedAt && !before.deletedAt) {
      this.events.record(event.manager, 'chat.message.deleted', {
        ...base,
        deletedAt: after.deletedAt.toISOString(),
      });
    } else if (!after.deletedAt && after.editedAt && after.text !== before.text) {
      this.events.record(event.manager, 'chat.message.updated', {
        ...base,
        text: after.text ?? '',
        editedAt: after.editedAt.toISOString(),
      });
    }
  }
}
