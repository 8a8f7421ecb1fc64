import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { QueryRunner } from 'typeorm';
import { DomainEvent, DomainEventMap, DomainEventName } from './domain-event-map';

interface Pending {
  depth: number;
  event: DomainEvent;
}

/**
 * Holds domain events recorded inside a transaction and releases them only after COMMIT.
 * TypeORM runs entity `after*` hooks before the commit, so recording must not publish.
 */
@Injectable()
export class DomainEventsService {
  private readonly logger = new Logger(DomainEventsService.name);
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(@Inject(EventEmitter2) private readonly emitter: EventEmitter2) {}

  record<N extends DomainEventName>(
    queryRunner: QueryRunner | undefined,
    name: N,
    payload: DomainEventMap[N],
  ): void {
    const event = { name, payload } as DomainEvent;
    if (!queryRunner || !queryRunner.isTransactionActive) {
      this.release([event]);
      return;
    }
    const list = this.pending.get(queryRunner) ?? [];
    list.push({ depth: this.depthOf(queryRunner), event });
    this.pending.set(queryRunner, list);
  }

  /** Called after COMMIT or RELEASE SAVEPOINT. */
  committed(queryRunner: QueryRunner): void {
    const list = this.pending.get(queryRunner);
    if (!list) return;
    if (queryRunner.isTransactionActive) {
      const depth = this.depthOf(queryRunner);
      for (const p of list) if (p.depth > depth) p.depth = depth;
      return;
    }
    this.pending.delete(queryRunner);
    this.release(list.map((p) => p.event));
  }

  /** Called after ROLLBACK or ROLLBACK TO SAVEPOINT: the rolled-back part's events never happened. */
  rolledBack(queryRunner: QueryRunner): void {
    const list = this.pending.get(queryRunner);
    if (!list) return;
    if (!queryRunner.isTransactionActive) {
      this.pending.delete(queryRunner);
      return;
    }
    const depth = this.depthOf(queryRunner);
    this.pending.set(
      queryRunner,
      list.filter((p) => p.depth <= depth),
    );
  }

  /** For events that are not a row change (timers, kill switches); same pipe as the subscribers. */
  publish<N extends DomainEventName>(name: N, payload: DomainEventMap[N]): void {
    this.release([{ name, payload } as DomainEvent]);
  }

  private release(events: DomainEvent[]): void {
    for (const event of events) {
      try {
        this.emitter.emit(event.name, event.payload);
      } catch (err) {
        this.logger.error({ err, event: event.name }, 'domain event listener failed');
      }
    }
  }

  private depthOf(queryRunner: QueryRunner): number {
    return (queryRunner as unknown as { transactionDepth: number }).transactionDepth;
  }
}
