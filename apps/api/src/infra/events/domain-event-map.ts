import type { EntityManager } from 'typeorm';

/**
 * Every domain event in the system: name → payload. Modules add their events to this interface
 * from their own `<module>.events.ts` (declaration merging), so infra never imports a module.
 * A payload names the actor (`actorId`, or the field that is the actor) and the owners a consumer
 * needs, so a listener never has to read the cause's tables to learn who did what to whom.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;

/**
 * What travels beside a payload without being part of it. `originSocketId`: the socket whose
 * inbound event caused this one; its handler's ack already carries the result, so a relay to
 * sockets leaves it out (the sender's other sockets still get the event).
 */
export interface DomainEventEnvelope {
  readonly originSocketId?: string;
}

/**
 * When a listener runs. `afterCommit` (the default): once the cause's transaction has committed,
 * never for a rolled-back cause; a failure is logged and never reaches the cause.
 * `inTransaction`: inside the cause's transaction just before COMMIT, through its manager; a
 * failure rolls the cause back and reaches its caller.
 */
export type DomainEventPhase = 'afterCommit' | 'inTransaction';

export type AfterCommitListener<N extends DomainEventName> = (
  payload: DomainEventMap[N],
  envelope: DomainEventEnvelope,
) => unknown;

export type InTransactionListener<N extends DomainEventName> = (
  payload: DomainEventMap[N],
  manager: EntityManager,
) => Promise<unknown> | unknown;
