import { Inject, UseFilters } from '@nestjs/common';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import {
  ConnectedSocket,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { Namespaces, sessionRoom, userRoom } from '@orgo/contracts';
import type { Ack, SessionSummary, UserClientEvents, UserServerEvents } from '@orgo/contracts';
import { SocketAckFilter } from '../../infra/realtime/socket-ack.filter';
import type { AppNamespace, AppSocket } from '../../infra/realtime/socket-namespace';
import type { SessionEventPayload } from './auth.events';
import { AuthService } from './auth.service';

/** Session events on `/user` (the namespace of the signed-in user's own live state). */
@WebSocketGateway({ namespace: '/user' })
@UseFilters(SocketAckFilter)
export class AuthGateway {
  @WebSocketServer()
  private readonly ns: AppNamespace<UserClientEvents, UserServerEvents>;

  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @SubscribeMessage('session.list')
  async listSessions(
    @ConnectedSocket() socket: AppSocket<UserClientEvents, UserServerEvents>,
  ): Promise<Ack<SessionSummary[]>> {
    const sessions = await this.auth.listSessions(socket.data.principal);
    return { ok: true, data: sessions.map(({ current: _c, ...s }) => s) };
  }

  @OnDomainEvent('auth.session.created')
  sessionCreated(e: SessionEventPayload): void {
    this.ns.to(userRoom(e.userId)).emit('session.created', {
      id: e.sessionId,
      userAgent: e.userAgent,
      ip: e.ip,
      createdAt: e.createdAt,
      lastUsedAt: e.lastUsedAt,
    });
  }

  /** The kill path: every socket of the session, on every namespace and instance, is disconnected. */
  @OnDomainEvent('auth.session.revoked')
  sessionRevoked(e: { sessionId: string; userId: string }): void {
    this.ns.to(userRoom(e.userId)).emit('session.revoked', { id: e.sessionId });
    for (const name of Namespaces)
      this.ns.server.of(name).in(sessionRoom(e.sessionId)).disconnectSockets(true);
  }
}
