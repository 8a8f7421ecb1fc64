import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import { MediaUrls } from '../../media/media-urls';
import '../chat.events';
import { toMessage } from '../dto/message.dto';
import { ChatMessageEntity } from '../entities/chat-message.entity';

@Injectable()
export class ChatMessageSubscriber implements EntitySubscriberInterface<ChatMessageEntity> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return ChatMessageEntity;
  }

  afterInsert(event: InsertEvent<ChatMessageEntity>): void {
    this.events.record(
      event.queryRunner,
      'chat.message.created',
      toMessage(event.entity, this.urls),
    );
  }

  afterUpdate(event: UpdateEvent<ChatMessageEntity>): void {
    const after = event.entity as ChatMessageEntity | undefined;
    const before = event.databaseEntity as ChatMessageEntity | undefined;
    if (!after || !before) return;
    const base = { id: before.id, roomId: before.roomId, seq: before.seq };
    if (after.deletedAt && !before.deletedAt) {
      this.events.record(event.queryRunner, 'chat.message.deleted', {
        ...base,
        deletedAt: after.deletedAt.toISOString(),
      });
    } else if (!after.deletedAt && after.editedAt && after.text !== before.text) {
      this.events.record(event.queryRunner, 'chat.message.updated', {
        ...base,
        text: after.text ?? '',
        editedAt: after.editedAt.toISOString(),
      });
    }
  }
}
