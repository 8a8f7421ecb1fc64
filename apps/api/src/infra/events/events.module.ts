import { Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { CommitFlushSubscriber } from './commit-flush.subscriber';
import { DomainEventsService } from './domain-events.service';

@Global()
@Module({
  imports: [EventEmitterModule.forRoot({ wildcard: false, ignoreErrors: true })],
  providers: [DomainEventsService, CommitFlushSubscriber],
  exports: [DomainEventsService],
})
export class EventsModule {}
