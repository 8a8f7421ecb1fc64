/**
 * Every domain event in the system: name → payload. Modules add their events to this interface
 * from their own `<module>.events.ts` (declaration merging), so infra never imports a module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;

export interface DomainEvent<N extends DomainEventName = DomainEventName> {
  name: N;
  payload: DomainEventMap[N];
}
