import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { AppConfig } from '../../config/app.config';
import { schedulerDuration, schedulerRuns, schedulerSkips } from './scheduler.metrics';

export interface ScheduledJob {
  /** Stable and unique: it names the advisory lock, the run record and the metric label. */
  name: string;
  everyMs: number;
  /** `signal` aborts when the instance shuts down; long jobs should stop between batches. */
  run: (signal: AbortSignal) => Promise<void>;
  /**
   * An instance's own upkeep (e.g. renewing its presence heartbeat): runs on every instance, with
   * no lock, and also when `SCHEDULER_ENABLED` is off, since the instance needs it to work.
   */
  everyInstance?: boolean;
}

/** Each tick lands up to this share of the interval early or late, so instances drift apart. */
const JITTER = 0.1;
/** Another instance's run within this share of the interval counts as this period's run. */
const DUE_SHARE = 0.8;

/**
 * Runs named interval jobs once per period across all instances. A tick takes a session-level
 * advisory lock (keyed by a hash of the job name) on a connection of its own, claims the period in
 * `scheduler_job` and runs the job; an instance that finds the lock taken or the period already
 * claimed skips the tick. Within one instance the next tick is armed only after the run ends, so
 * runs never overlap. `everyInstance` jobs skip the lock and the claim.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SchedulerService.name);
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private started = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return this.config.env.SCHEDULER_ENABLED;
  }

  /** Modules register in `onModuleInit`; jobs start once the application has booted. */
  register(job: ScheduledJob): void {
    if (this.jobs.has(job.name)) throw new Error(`scheduled job ${job.name} registered twice`);
    if (!(job.everyMs > 0)) throw new Error(`scheduled job ${job.name} needs an interval`);
    this.jobs.set(job.name, job);
    if (this.started && this.wanted(job)) this.arm(job, true);
  }

  onApplicationBootstrap(): void {
    this.started = true;
    for (const job of this.jobs.values()) if (this.wanted(job)) this.arm(job, true);
  }

  /** Stops arming ticks, aborts running jobs and waits for them before the pool closes. */
  async onModuleDestroy(): Promise<void> {
    this.started = false;
    this.stopping.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private wanted(job: ScheduledJob): boolean {
    return this.enabled || job.everyInstance === true;
  }

  private arm(job: ScheduledJob, first = false): void {
    if (!this.started) return;
    // The first tick lands anywhere in the first period, so instances started together spread out.
    const delay = first
      ? Math.random() * job.everyMs
      : job.everyMs * (1 - JITTER + 2 * JITTER * Math.random());
    const timer = setTimeout(() => {
      const tick = this.tick(job).finally(() => {
        this.running.delete(tick);
        this.arm(job);
      });
      this.running.add(tick);
    }, delay);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  /**
   * The lock lives on a connection of its own, outside the pool: the job's queries cannot starve
   * it, and closing it always releases the lock, whatever happened to the job.
   */
  private async tick(job: ScheduledJob): Promise<void> {
    if (job.everyInstance) return this.runMeasured(job);
    const client = new Client({
      connectionString: (this.db.options as PostgresDataSourceOptions).url,
      application_name: 'orgo-scheduler',
    });
    client.on('error', (err) => this.logger.warn({ err, job: job.name }, 'scheduler connection'));
    try {
      await client.connect();
      const key = lockKey(job.name);
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS locked',
        [key],
      );
      if (!rows[0].locked) {
        schedulerSkips.inc({ job: job.name, reason: 'locked' });
        return;
      }
      await this.runIfDue(client, job);
      await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]);
    } catch (err) {
      this.logger.error({ err, job: job.name }, 'scheduled job tick failed');
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async runIfDue(client: Client, job: ScheduledJob): Promise<void> {
    const claimed = await client.query(
      `INSERT INTO scheduler_job AS j (name, last_started_at) VALUES ($1, now())
       ON CONFLICT (name) DO UPDATE SET last_started_at = now()
         WHERE j.last_started_at <= now() - make_interval(secs => $2)
       RETURNING name`,
      [job.name, (job.everyMs * DUE_SHARE) / 1000],
    );
    if (!claimed.rowCount) {
      schedulerSkips.inc({ job: job.name, reason: 'not_due' });
      return;
    }
    await this.runMeasured(job);
  }

  private async runMeasured(job: ScheduledJob): Promise<void> {
    const end = schedulerDuration.startTimer({ job: job.name });
    try {
      await job.run(this.stopping.signal);
      schedulerRuns.inc({ job: job.name, outcome: 'ok' });
    } catch (err) {
      schedulerRuns.inc({ job: job.name, outcome: 'failed' });
      this.logger.error({ err, job: job.name }, 'scheduled job failed');
    } finally {
      end();
    }
  }
}

/** A signed 64-bit advisory lock key from the job name (collisions would only serialize jobs). */
export function lockKey(name: string): string {
  return createHash('sha256')
    .update(`orgo:scheduler:${name}`)
    .digest()
    .readBigInt64BE(0)
    .toString();
}
