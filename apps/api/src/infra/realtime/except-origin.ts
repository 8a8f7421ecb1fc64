import type { DomainEventEnvelope } from '../events/domain-event-map';

/**
 * The "leave out the sending socket" rule of every relay: an event caused by a socket's own
 * inbound event (its `originSocketId`) goes to every socket of the target except that one, whose
 * ack already carried the result. The sender's other sockets still get it.
 */
export function exceptOrigin<T extends { except(room: string): T }>(
  target: T,
  envelope: DomainEventEnvelope,
): T {
  return envelope.originSocketId ? target.except(envelope.originSocketId) : target;
}
