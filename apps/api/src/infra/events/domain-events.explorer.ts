import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { DomainEventName } from './domain-event-map';
import { DomainEventsService } from './domain-events.service';
import { listenerMetadata } from './on-domain-event.decorator';

type Listener = (payload: unknown, second: never) => unknown;

/** At bootstrap, registers every `@OnDomainEvent` method of every provider and gateway. */
@Injectable()
export class DomainEventsExplorer implements OnModuleInit {
  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const key of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[key] as Listener;
        for (const { name, phase } of listenerMetadata(method)) {
          this.register(name, method.bind(instance) as Listener, phase === 'inTransaction');
        }
      }
    }
  }

  private register(name: DomainEventName, listener: Listener, inTransaction: boolean): void {
    if (inTransaction) this.events.on(name as never, listener as never, 'inTransaction');
    else this.events.on(name as never, listener as never);
  }
}
