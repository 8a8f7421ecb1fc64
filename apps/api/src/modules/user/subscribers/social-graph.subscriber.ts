import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, InsertEvent, RemoveEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import { actorOf } from '../../../infra/events/event-actor';
import { UserBlockEntity } from '../entities/user-block.entity';
import { UserFollowEntity } from '../entities/user-follow.entity';
import '../user.events';

type Edge = UserFollowEntity | UserBlockEntity;

/** Records follow and block changes with their actor (`byActor` on the save or remove). */
@Injectable()
export class SocialGraphSubscriber implements EntitySubscriberInterface<Edge> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<Edge>): void {
    const edge = event.entity;
    if (edge instanceof UserFollowEntity) {
      this.events.record(event.manager, 'user.follow.created', {
        followerId: edge.followerId,
        followeeId: edge.followeeId,
        actorId: actorOf(event),
        createdAt: (edge.createdAt ?? new Date()).toISOString(),
      });
    } else if (edge instanceof UserBlockEntity) {
      this.events.record(event.manager, 'user.block.created', {
        blockerId: edge.blockerId,
        blockedId: edge.blockedId,
        actorId: actorOf(event),
      });
    }
  }

  afterRemove(event: RemoveEvent<Edge>): void {
    // After a remove TypeORM may clear the entity's key columns; the identifier keeps them.
    const sources = [event.entityId, event.databaseEntity, event.entity] as
      Record<string, string | undefined>[] | undefined[];
    const key = (name: string): string =>
      sources.map((s) => s?.[name]).find((v): v is string => typeof v === 'string') ?? '';
    if (event.metadata.target === UserFollowEntity) {
      this.events.record(event.manager, 'user.follow.deleted', {
        followerId: key('followerId'),
        followeeId: key('followeeId'),
        actorId: actorOf(event),
      });
    } else if (event.metadata.target === UserBlockEntity) {
      this.events.record(event.manager, 'user.block.deleted', {
        blockerId: key('blockerId'),
        blockedId: key('blockedId'),
        actorId: actorOf(event),
      });
    }
  }
}
