import type {
  AfterCommitListener,
  DomainEventName,
  DomainEventPhase,
  InTransactionListener,
} from './domain-event-map';

export const DOMAIN_EVENT_LISTENERS = Symbol('orgo:domain-event-listeners');

export interface DomainEventListenerMetadata {
  name: DomainEventName;
  phase: DomainEventPhase;
}

/** Accepts a method only if it is assignable to `L` (a listener of the named event). */
type ListenerDecorator<L> = <F extends L>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<F>,
) => void;

/**
 * Marks a provider's method as a listener of one domain event; found at bootstrap by
 * DomainEventsExplorer. The name must be a key of DomainEventMap and the method must accept that
 * event's payload, or the decorator does not compile. After-commit listeners get the envelope as
 * their second argument; in-transaction listeners get the cause's EntityManager and must write
 * through it.
 */
export function OnDomainEvent<N extends DomainEventName>(
  name: N,
  options?: { phase?: 'afterCommit' },
): ListenerDecorator<AfterCommitListener<N>>;
export function OnDomainEvent<N extends DomainEventName>(
  name: N,
  options: { phase: 'inTransaction' },
): ListenerDecorator<InTransactionListener<N>>;
export function OnDomainEvent(
  name: DomainEventName,
  options: { phase?: DomainEventPhase } = {},
): ListenerDecorator<(...args: never[]) => unknown> {
  return (_target, _key, descriptor) => {
    const method = descriptor.value as object;
    const list = listenerMetadata(method);
    const entry: DomainEventListenerMetadata = { name, phase: options.phase ?? 'afterCommit' };
    Reflect.defineMetadata(DOMAIN_EVENT_LISTENERS, [...list, entry], method);
  };
}

/** The events a method listens to, as declared by its decorators. */
export function listenerMetadata(method: object): DomainEventListenerMetadata[] {
  return (
    (Reflect.getMetadata(DOMAIN_EVENT_LISTENERS, method) as
      DomainEventListenerMetadata[] | undefined) ?? []
  );
}
