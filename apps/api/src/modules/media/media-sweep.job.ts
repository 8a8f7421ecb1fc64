import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app.config';
import { SchedulerService } from '../../infra/scheduler/scheduler.service';
import { MediaService } from './media.service';

/** Abandoned uploads (never attached, or detached) go once they are older than the grace period. */
@Injectable()
export class MediaSweepJob implements OnModuleInit {
  constructor(
    @Inject(SchedulerService) private readonly scheduler: SchedulerService,
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { MEDIA_SWEEP_INTERVAL_SEC, MEDIA_UNATTACHED_GRACE_SEC } = this.config.env;
    this.scheduler.register({
      name: 'media.unattached-sweep',
      everyMs: MEDIA_SWEEP_INTERVAL_SEC * 1000,
      run: async (signal) => {
        await this.media.sweepUnattached(MEDIA_UNATTACHED_GRACE_SEC * 1000, signal);
      },
    });
  }
}
