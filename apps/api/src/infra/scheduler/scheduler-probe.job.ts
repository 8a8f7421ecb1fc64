import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app.config';
import { SchedulerService } from './scheduler.service';

/**
 * Test builds only (`NODE_ENV=test` and `SCHEDULER_TEST_JOB=1`): a job that records each run, with
 * this instance's id and its start and end on the database clock, in `scheduler_probe` (created by
 * the test). It holds the run longer than its interval, so a second instance would overlap it if
 * the lock let it in.
 */
@Injectable()
export class SchedulerProbeJob implements OnModuleInit {
  constructor(
    @Inject(SchedulerService) private readonly scheduler: SchedulerService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    const { NODE_ENV, SCHEDULER_TEST_JOB, SCHEDULER_TEST_JOB_MS } = this.config.env;
    if (NODE_ENV !== 'test' || !SCHEDULER_TEST_JOB) return;
    this.scheduler.register({
      name: 'test.probe',
      everyMs: SCHEDULER_TEST_JOB_MS,
      run: async () => {
        const [{ id }] = (await this.db.query(
          'INSERT INTO scheduler_probe (instance, started_at) VALUES ($1, clock_timestamp()) RETURNING id',
          [this.config.env.PORT],
        )) as { id: number }[];
        await this.db.query('SELECT pg_sleep($1)', [(SCHEDULER_TEST_JOB_MS * 1.5) / 1000]);
        await this.db.query(
          'UPDATE scheduler_probe SET finished_at = clock_timestamp() WHERE id = $1',
          [id],
        );
      },
    });
  }
}
