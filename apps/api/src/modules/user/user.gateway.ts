import { Inject, Logger, UseFilters } from '@nestjs/common';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { userRoom } from '@orgo/contracts';
import type { Ack, PresenceState, UserClientEvents, UserServerEvents } from '@orgo/contracts';
import { SocketAckFilter } from '../../infra/realtime/socket-ack.filter';
import type { AppNamespace, AppSocket } from '../../infra/realtime/socket-namespace';
import { PresenceGetDto } from './dto/presence-get.dto';
import { PresenceService } from './presence.service';
import { SocialService } from './social.service';
import type { FollowEventPayload, PresenceEventPayload } from './user.events';

type UserSocket = AppSocket<UserClientEvents, UserServerEvents>;

/** Presence on `/user` (the auth gateway shares the namespace for session events). */
@WebSocketGateway({ namespace: '/user' })
@UseFilters(SocketAckFilter)
export class UserGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(UserGateway.name);
  /** Presence changes waiting for their fan-out, in order. */
  private presenceQueue: PresenceEventPayload[] = [];
  private fanningOut = false;

  @WebSocketServer()
  private readonly ns: AppNamespace<UserClientEvents, UserServerEvents>;

  constructor(
    @Inject(PresenceService) private readonly presence: PresenceService,
    @Inject(SocialService) private readonly social: SocialService,
  ) {}

  handleConnection(socket: UserSocket): void {
    const { userId } = socket.data.principal;
    this.presence.connected(userId, socket.id).catch((err: unknown) => {
      this.logger.error({ err }, 'presence connect failed');
    });
  }

  handleDisconnect(socket: UserSocket): void {
    const userId = socket.data.principal?.userId;
    if (!userId) return;
    this.presence.disconnected(userId, socket.id).catch((err: unknown) => {
      this.logger.error({ err }, 'presence disconnect failed');
    });
  }

  @SubscribeMessage('presence.get')
  async getPresence(
    @ConnectedSocket() socket: UserSocket,
    @MessageBody() dto: PresenceGetDto,
  ): Promise<Ack<PresenceState[]>> {
    return {
      ok: true,
      data: await this.presence.visibleTo(socket.data.principal.userId, dto.userIds),
    };
  }

  /** To the user's mutual followers; changes arriving together share one look-up. */
  @OnDomainEvent('user.presence.changed')
  presenceChanged(e: PresenceEventPayload): void {
    this.presenceQueue.push(e);
    if (!this.fanningOut) void this.fanOutPresence();
  }

  private async fanOutPresence(): Promise<void> {
    this.fanningOut = true;
    try {
      while (this.presenceQueue.length > 0) {
        const batch = this.presenceQueue.splice(0);
        try {
          const mutual = await this.social.mutualFollowersOf([
            ...new Set(batch.map((e) => e.userId)),
          ]);
          for (const e of batch) {
            const to = mutual.get(e.userId);
            if (to) this.ns.to(to.map(userRoom)).emit('presence.updated', toState(e));
          }
        } catch (err) {
          this.logger.error({ err }, 'presence fan-out failed');
        }
      }
    } finally {
      this.fanningOut = false;
    }
  }

  /** A follow that makes two users mutual followers shows each the other's presence at once. */
  @OnDomainEvent('user.follow.created')
  async followCreated(e: FollowEventPayload): Promise<void> {
    const [state] = await this.presence.visibleTo(e.followerId, [e.followeeId]);
    if (!state) return;
    this.ns.to(userRoom(e.followerId)).emit('presence.updated', toState(state));
    const [back] = await this.presence.visibleTo(e.followeeId, [e.followerId]);
    if (back) this.ns.to(userRoom(e.followeeId)).emit('presence.updated', toState(back));
  }
}

function toState(e: PresenceEventPayload): PresenceState {
  return { userId: e.userId, online: e.online, lastActiveAt: e.lastActiveAt };
}
