import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, InsertEvent, UpdateEvent } from 'typeorm';
import { DomainEventsService } from '../../../infra/events/domain-events.service';
import '../auth.events';
import { AuthSessionEntity } from '../entities/auth-session.entity';

@Injectable()
export class AuthSessionSubscriber implements EntitySubscriberInterface<AuthSessionEntity> {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo() {
    return AuthSessionEntity;
  }

  afterInsert(event: InsertEvent<AuthSessionEntity>): void {
    const s = event.entity;
    this.events.record(event.manager, 'auth.session.created', {
      sessionId: s.id,
      userId: s.userId,
      userAgent: s.userAgent,
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
    });
  }

  afterUpdate(event: UpdateEvent<AuthSessionEntity>): void {
    const after = event.entity as AuthSessionEntity | undefined;
    const before = event.databaseEntity as AuthSessionEntity | undefined;
    if (!after?.revokedAt || before?.revokedAt) return;
    this.events.record(event.manager, 'auth.session.revoked', {
      sessionId: before?.id ?? after.id,
      userId: before?.userId ?? after.userId,
      reason: after.revokedReason ?? 'revoked',
    });
  }
}
