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

  /** Presence of the requested users the viewer may see (themselves and whom they follow). */
  async visibleTo(viewerId: string, userIds: string[]): Promise<PresenceEventPayload[]> {
    const ids = [...new Set(userIds)];
    const followed = await this.social.followedAmong(viewerId, ids);
    const visible = ids.filter((id) => id === viewerId || followed.has(id));
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

  private async announce(userId: string, online: boolean): Promise<void> {
    const now = new Date();
    await this.users.query('UPDATE app_user SET last_active_at = $2 WHERE id = $1', [userId, now]);
    this.events.publish('user.presence.changed', {
      userId,
      online,
      lastActiveAt: now.toISOString(),
    });
  }

  private async tick(): Promise<void> {
    try {
      for (const userId of await this.store.heartbeat()) await this.announce(userId, true);
      for (const userId of await this.store.sweep()) await this.announce(userId, false);
    } catch (err) {
      this.logger.error({ err }, 'presence heartbeat failed');
    }
  }
}
