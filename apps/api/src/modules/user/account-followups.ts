import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app.config';
import type { DomainEventMap } from '../../infra/events/domain-event-map';
import { SchedulerService } from '../../infra/scheduler/scheduler.service';
import { AccountFollowupEntity } from './entities/account-followup.entity';
import type { ContentPolicy } from './user.events';

export interface AccountDeletion {
  userId: string;
  contentPolicy: ContentPolicy;
}

/** A module's work for a deleted account. It may run more than once, so it must be idempotent. */
export type AccountFollowupHandler = (deletion: AccountDeletion) => Promise<void>;

const RECONCILE_BATCH = 100;

/**
 * Durable follow-ups of an account deletion. Content modules register a handler by name; the
 * deletion's transaction writes one pending row per registered module; after commit each handler
 * runs and marks its row done. A scheduled reconciler (`ACCOUNT_FOLLOWUP_INTERVAL_SEC`) re-runs
 * rows still pending `ACCOUNT_FOLLOWUP_RETRY_AFTER_SEC` after their last attempt, so a crash or a
 * failed handler is repaired on a later pass.
 */
@Injectable()
export class AccountFollowups implements OnModuleInit {
  private readonly logger = new Logger(AccountFollowups.name);
  private readonly handlers = new Map<string, AccountFollowupHandler>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SchedulerService) private readonly scheduler: SchedulerService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** Called by content modules in `onModuleInit`. */
  register(module: string, handler: AccountFollowupHandler): void {
    if (this.handlers.has(module)) throw new Error(`account follow-up ${module} registered twice`);
    this.handlers.set(module, handler);
  }

  onModuleInit(): void {
    this.scheduler.register({
      name: 'account.followups',
      everyMs: this.config.env.ACCOUNT_FOLLOWUP_INTERVAL_SEC * 1000,
      run: async (signal) => {
        await this.reconcile(signal);
      },
    });
  }

  /** Inside the deletion's transaction: one pending row per registered module. */
  async enqueue(manager: EntityManager, deletion: AccountDeletion): Promise<void> {
    if (!this.handlers.size) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(AccountFollowupEntity)
      .values([...this.handlers.keys()].map((module) => ({ ...deletion, module })))
      .orIgnore()
      .execute();
  }

  @OnDomainEvent('user.account.deleted')
  async onAccountDeleted(event: DomainEventMap['user.account.deleted']): Promise<void> {
    for (const module of this.handlers.keys()) await this.apply(event.userId, module);
  }

  /** Re-runs follow-ups left pending; returns how many completed on this pass. */
  async reconcile(signal?: AbortSignal): Promise<number> {
    if (!this.handlers.size) return 0;
    const rows = await this.db.getRepository(AccountFollowupEntity).query(
      `SELECT user_id, module FROM account_followup
        WHERE done_at IS NULL AND module = ANY($3)
          AND coalesce(last_attempt_at, created_at) < now() - make_interval(secs => $1)
        ORDER BY last_attempt_at NULLS FIRST LIMIT $2`,
      [
        this.config.env.ACCOUNT_FOLLOWUP_RETRY_AFTER_SEC,
        RECONCILE_BATCH,
        [...this.handlers.keys()],
      ],
    );
    let done = 0;
    for (const row of rows as { user_id: string; module: string }[]) {
      if (signal?.aborted) break;
      if (await this.apply(row.user_id, row.module)) done++;
    }
    return done;
  }

  /**
   * Claims one module's row (no attempt yet, or the last one older than the retry delay, so two
   * instances do not run it at once), runs the handler and records the outcome. True when done.
   */
  private async apply(userId: string, module: string): Promise<boolean> {
    const handler = this.handlers.get(module);
    if (!handler) return false;
    const repo = this.db.getRepository(AccountFollowupEntity);
    try {
      const claim = await repo
        .createQueryBuilder()
        .update()
        .set({ lastAttemptAt: () => 'now()', attempts: () => 'attempts + 1' })
        .where('user_id = :userId AND module = :module AND done_at IS NULL', { userId, module })
        .andWhere(
          '(last_attempt_at IS NULL OR last_attempt_at < now() - make_interval(secs => :retry))',
          { retry: this.config.env.ACCOUNT_FOLLOWUP_RETRY_AFTER_SEC },
        )
        // Raw column names: the array form takes entity property names and drops unknown ones.
        .returning('content_policy, attempts')
        .execute();
      const row = (claim.raw as { content_policy: ContentPolicy; attempts: number }[])[0];
      if (!row) return false;
      try {
        this.failFirstAttemptInTests(module, row.attempts);
        await handler({ userId, contentPolicy: row.content_policy });
      } catch (err) {
        this.logger.error({ err, userId, module }, 'account follow-up failed; will retry');
        await repo.update(
          { userId, module },
          { lastError: String((err as Error)?.message ?? err).slice(0, 1000) },
        );
        return false;
      }
      await repo.update({ userId, module }, { doneAt: () => 'now()' });
      return true;
    } catch (err) {
      this.logger.error({ err, userId, module }, 'account follow-up not recorded; will retry');
      return false;
    }
  }

  /** `ACCOUNT_FOLLOWUP_FAIL_ONCE=<module>` (test builds only) fails that module's first attempt. */
  private failFirstAttemptInTests(module: string, attempt: number): void {
    const { NODE_ENV, ACCOUNT_FOLLOWUP_FAIL_ONCE } = this.config.env;
    if (NODE_ENV === 'test' && ACCOUNT_FOLLOWUP_FAIL_ONCE === module && attempt === 1)
      throw new Error(`injected failure of the first ${module} follow-up`);
  }
}
