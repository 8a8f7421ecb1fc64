import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import { PresenceStore } from '../../infra/realtime/presence.store';
import { SchedulerService } from '../../infra/scheduler/scheduler.service';
import { UserEntity } from './entities/user.entity';
import { SocialService } from './social.service';
import type { PresenceEventPayload } from './user.events';
import { canSeePresence, Relationship } from './user.policy';

/**
 * Online / last active. Socket connections come and go through `connected`/`disconnected`;
 * a change of a user's presence (not of each tab) becomes a `user.presence.changed` event.
 */
@Injectable()
export class PresenceService implements OnModuleInit {
  private readonly logger = new Logger(PresenceService.name);
  /** Changes waiting to be stored and announced, in order. */
  private queue: PresenceEventPayload[] = [];
  private draining: Promise<void> | null = null;

  constructor(
    @Inject(PresenceStore) private readonly store: PresenceStore,
    @Inject(SocialService) private readonly social: SocialService,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(SchedulerService) private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    // Every instance renews its own connections, well inside the TTL so one late beat does not
    // flap anyone offline.
    this.scheduler.register({
      name: 'presence.heartbeat',
      everyMs: Math.max(1000, this.store.ttlMs / 3),
      everyInstance: true,
      run: () => this.tick(),
    });
  }

  async connected(userId: string, connectionId: string): Promise<void> {
    if (await this.store.add(userId, connectionId)) await this.announce(userId, true);
  }

  async disconnected(userId: string, connectionId: string): Promise<void> {
    if (await this.store.remove(userId, connectionId)) await this.announce(userId, false);
  }

  /** Presence of the requested users the viewer may see (themselves and mutual followers). */
  async visibleTo(viewerId: string, userIds: string[]): Promise<PresenceEventPayload[]> {
    const ids = [...new Set(userIds)];
    const mutual = await this.social.mutualAmong(viewerId, ids);
    const visible = ids.filter((id) => id === viewerId || mutual.has(id));
    return this.states(visible);
  }

  /** The presence shown on a profile, or null when the relationship does not allow it. */
  async forProfile(
    userId: string,
    rel: Relationship,
  ): Promise<{ online: boolean; lastActiveAt: string | null } | null> {
    if (!canSeePresence(rel)) return null;
    const [state] = await this.states([userId]);
    return state ? { online: state.online, lastActiveAt: state.lastActiveAt } : null;
  }

  private async states(userIds: string[]): Promise<PresenceEventPayload[]> {
    if (userIds.length === 0) return [];
    const [online, rows] = await Promise.all([
      this.store.online(userIds),
      this.users.find({
        select: { id: true, lastActiveAt: true },
        where: { id: In(userIds), deletedAt: IsNull() },
      }),
    ]);
    return rows.map((u) => ({
      userId: u.id,
      online: online.has(u.id),
      lastActiveAt: u.lastActiveAt?.toISOString() ?? null,
    }));
  }

  /**
   * Stores the time and announces the change. Changes arriving together (everyone reconnecting
   * after an instance died) are written with one UPDATE; batches go one after another, so each
   * user's changes are announced in the order they happened.
   */
  private announce(userId: string, online: boolean): Promise<void> {
    this.queue.push({ userId, online, lastActiveAt: new Date().toISOString() });
    this.draining ??= this.drain();
    return this.draining;
  }

  private async drain(): Promise<void> {
    try {
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const latest = new Map(batch.map((e) => [e.userId, e.lastActiveAt]));
        try {
          await this.users.query(
            `UPDATE app_user u SET last_active_at = v.at
               FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE u.id = v.id`,
            [[...latest.keys()], [...latest.values()]],
          );
        } catch (err) {
          this.logger.error({ err, users: latest.size }, 'could not store presence changes');
          continue;
        }
        for (const e of batch) this.events.publish('user.presence.changed', e);
      }
    } finally {
      this.draining = null;
    }
  }

  private async tick(): Promise<void> {
    try {
      const back = await this.store.heartbeat();
      await Promise.all(back.map((userId) => this.announce(userId, true)));
      const gone = await this.store.sweep();
      await Promise.all(gone.map((userId) => this.announce(userId, false)));
    } catch (err) {
      this.logger.error({ err }, 'presence heartbeat failed');
    }
  }
}
