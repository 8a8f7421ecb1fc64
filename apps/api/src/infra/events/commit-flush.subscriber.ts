import { Inject, Injectable } from '@nestjs/common';
import {
  DataSource,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { DomainEventsService } from './domain-events.service';

/**
 * Runs the in-transaction listeners just before COMMIT (TypeORM awaits this hook, and a throw
 * makes `manager.transaction()` roll back), then releases or drops the events buffered for a
 * transaction when it ends.
 */
@Injectable()
export class CommitFlushSubscriber implements EntitySubscriberInterface {
  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    dataSource.subscribers.push(this);
  }

  beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    return this.events.beforeCommit(event.queryRunner);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    this.events.committed(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.events.rolledBack(event.queryRunner);
  }
}
