import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CommitFlushSubscriber } from './commit-flush.subscriber';
import { DomainEventsExplorer } from './domain-events.explorer';
import { DomainEventsService } from './domain-events.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [DomainEventsService, CommitFlushSubscriber, DomainEventsExplorer],
  exports: [DomainEventsService],
})
export class EventsModule {}
