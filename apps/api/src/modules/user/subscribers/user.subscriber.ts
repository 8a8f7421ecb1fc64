import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, UpdateEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import { UserEntity } from '../entities/user.entity';
import '../user.events';

@Injectable()
export class UserSubscriber implements EntitySubscriberInterface<UserEntity> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return UserEntity;
  }

  afterUpdate(event: UpdateEvent<UserEntity>): void {
    const after = event.entity as UserEntity | undefined;
    const before = event.databaseEntity as UserEntity | undefined;
    if (!after?.deletedAt || before?.deletedAt || !after.deletionContentPolicy) return;
    this.events.record(event.manager, 'user.account.deleted', {
      userId: before?.id ?? after.id,
      contentPolicy: after.deletionContentPolicy,
      avatarKey: before?.avatarKey ?? null,
    });
  }
}
