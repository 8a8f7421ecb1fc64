import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager, QueryRunner } from 'typeorm';
import type {
  AfterCommitListener,
  DomainEventEnvelope,
  DomainEventMap,
  DomainEventName,
  DomainEventPhase,
  InTransactionListener,
} from './domain-event-map';

interface Recorded {
  /** The savepoint depth it was recorded at; lowered as savepoints are released. */
  depth: number;
  name: DomainEventName;
  payload: unknown;
  envelope: DomainEventEnvelope;
}

type AnyAfterCommit = (payload: unknown, envelope: DomainEventEnvelope) => unknown;
type AnyInTransaction = (payload: unknown, manager: EntityManager) => unknown;

interface Listeners {
  afterCommit: AnyAfterCommit[];
  inTransaction: AnyInTransaction[];
}

const NO_ENVELOPE: DomainEventEnvelope = Object.freeze({});
const NO_LISTENERS: Listeners = Object.freeze({ afterCommit: [], inTransaction: [] });

/**
 * The one way domain events enter and leave. Two ways in:
 * - `record(manager, …)` inside a transaction (subscribers pass `event.manager`, services their
 *   transaction's manager): in-transaction listeners run just before COMMIT through that manager,
 *   after-commit listeners once it committed; a rolled-back transaction or savepoint drops them.
 * - `publish(…)` when the write has already committed (a single SQL statement in autocommit) or
 *   there is no write (presence): after-commit listeners only, at once. An event that needs
 *   in-transaction listeners must be recorded in a transaction.
 * Listeners are methods marked `@OnDomainEvent`, registered at bootstrap by DomainEventsExplorer.
 */
@Injectable()
export class DomainEventsService {
  private readonly logger = new Logger(DomainEventsService.name);
  private readonly pending = new WeakMap<QueryRunner, Recorded[]>();
  private readonly listeners = new Map<DomainEventName, Listeners>();

  /** Registers a listener; `@OnDomainEvent` methods arrive here through the explorer. */
  on<N extends DomainEventName>(name: N, listener: AfterCommitListener<N>): void;
  on<N extends DomainEventName>(
    name: N,
    listener: InTransactionListener<N>,
    phase: 'inTransaction',
  ): void;
  on(
    name: DomainEventName,
    listener: AnyAfterCommit | AnyInTransaction,
    phase: DomainEventPhase = 'afterCommit',
  ): void {
    let entry = this.listeners.get(name);
    if (!entry) {
      entry = { afterCommit: [], inTransaction: [] };
      this.listeners.set(name, entry);
    }
    if (phase === 'inTransaction') entry.inTransaction.push(listener as AnyInTransaction);
    else entry.afterCommit.push(listener as AnyAfterCommit);
  }

  /**
   * Records an event as part of the transaction `manager` belongs to. Calling it with a manager
   * that is not inside a transaction is a programming error: use `publish` after the write.
   */
  record<N extends DomainEventName>(
    manager: EntityManager,
    name: N,
    payload: DomainEventMap[N],
    envelope: DomainEventEnvelope = NO_ENVELOPE,
  ): void {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) {
      throw new Error(`domain event ${name} recorded outside a transaction; publish it instead`);
    }
    const list = this.pending.get(queryRunner);
    const recorded = { depth: depthOf(queryRunner), name, payload, envelope };
    if (list) list.push(recorded);
    else this.pending.set(queryRunner, [recorded]);
  }

  /** For a write that has committed already, or no write at all: after-commit listeners now. */
  publish<N extends DomainEventName>(
    name: N,
    payload: DomainEventMap[N],
    envelope: DomainEventEnvelope = NO_ENVELOPE,
  ): void {
    const listeners = this.listeners.get(name);
    if (listeners) this.release(name, payload, envelope, listeners.afterCommit);
  }

  /**
   * Just before COMMIT (not a savepoint release): runs the in-transaction listeners of every
   * event recorded so far, including events those listeners record. A throw propagates to
   * TypeORM's commit, which rolls the transaction back and rethrows to the caller.
   */
  async beforeCommit(queryRunner: QueryRunner): Promise<void> {
    if (depthOf(queryRunner) > 1) return;
    const list = this.pending.get(queryRunner);
    if (!list) return;
    for (let i = 0; i < list.length; i++) {
      const { name, payload } = list[i];
      const inTransaction = (this.listeners.get(name) ?? NO_LISTENERS).inTransaction;
      for (const listener of inTransaction) await listener(payload, queryRunner.manager);
    }
  }

  /** Called after COMMIT or RELEASE SAVEPOINT. */
  committed(queryRunner: QueryRunner): void {
    const list = this.pending.get(queryRunner);
    if (!list) return;
    if (queryRunner.isTransactionActive) {
      const depth = depthOf(queryRunner);
      for (const p of list) if (p.depth > depth) p.depth = depth;
      return;
    }
    this.pending.delete(queryRunner);
    for (const e of list) {
      const listeners = this.listeners.get(e.name);
      if (listeners) this.release(e.name, e.payload, e.envelope, listeners.afterCommit);
    }
  }

  /** Called after ROLLBACK or ROLLBACK TO SAVEPOINT: the rolled-back part's events never happened. */
  rolledBack(queryRunner: QueryRunner): void {
    const list = this.pending.get(queryRunner);
    if (!list) return;
    if (!queryRunner.isTransactionActive) {
      this.pending.delete(queryRunner);
      return;
    }
    const depth = depthOf(queryRunner);
    this.pending.set(
      queryRunner,
      list.filter((p) => p.depth <= depth),
    );
  }

  /** After-commit listeners: a failure is logged by event name (never the payload) and goes no further. */
  private release(
    name: DomainEventName,
    payload: unknown,
    envelope: DomainEventEnvelope,
    listeners: AnyAfterCommit[],
  ): void {
    for (const listener of listeners) {
      try {
        const result = listener(payload, envelope);
        if (result instanceof Promise) result.catch((err: unknown) => this.failed(name, err));
      } catch (err) {
        this.failed(name, err);
      }
    }
  }

  private failed(event: DomainEventName, err: unknown): void {
    this.logger.error({ err, event }, 'domain event listener failed');
  }
}

function depthOf(queryRunner: QueryRunner): number {
  return (queryRunner as unknown as { transactionDepth: number }).transactionDepth;
}
