import { Global, Module } from '@nestjs/common';
import { SchedulerProbeJob } from './scheduler-probe.job';
import { SchedulerService } from './scheduler.service';

@Global()
@Module({
  providers: [SchedulerService, SchedulerProbeJob],
  exports: [SchedulerService],
})
export class SchedulerModule {}
