import { Inject, Logger, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { chatRoom, userRoom } from '@orgo/contracts';
import type {
  Ack,
  ChatClientEvents,
  ChatMember,
  ChatMessage,
  ChatMessageDeleted,
  ChatMessageEdited,
  ChatReactionChange,
  ChatReadState,
  ChatRoomChange,
  ChatServerEvents,
} from '@orgo/contracts';
import type { DomainEventEnvelope } from '../../infra/events/domain-event-map';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import { exceptOrigin } from '../../infra/realtime/except-origin';
import { SocketAckFilter } from '../../infra/realtime/socket-ack.filter';
import {
  refuseUnknownEvents,
  watchRoom,
  type AppNamespace,
  type AppSocket,
} from '../../infra/realtime/socket-namespace';
import './chat.events';
import { ChatMembershipService } from './chat-membership.service';
import { ChatMessagesService } from './chat-messages.service';
import { ChatReadService } from './chat-read.service';
import { SendMessageDto } from './dto/post-message.dto';
import { ReadRoomEventDto, RoomRefDto } from './dto/read-room.dto';

type ChatSocket = AppSocket<ChatClientEvents, ChatServerEvents>;

const INBOUND: ReadonlySet<string> = new Set<keyof ChatClientEvents>([
  'message.send',
  'room.join',
  'room.read',
  'typing.start',
  'typing.stop',
]);

/**
 * `/chat`: inbound events go to the chat services (which re-check membership every time); committed
 * domain events are relayed to `room:<id>`, and the Redis adapter carries them to every instance.
 */
@WebSocketGateway({ namespace: '/chat' })
@UseFilters(SocketAckFilter)
export class ChatGateway implements OnGatewayConnection {
  private readonly logger = new Logger(ChatGateway.name);

  @WebSocketServer()
  private readonly ns: AppNamespace<ChatClientEvents, ChatServerEvents>;

  constructor(
    @Inject(ChatMembershipService) private readonly membership: ChatMembershipService,
    @Inject(ChatMessagesService) private readonly messages: ChatMessagesService,
    @Inject(ChatReadService) private readonly reads: ChatReadService,
  ) {}

  async handleConnection(socket: ChatSocket): Promise<void> {
    refuseUnknownEvents(socket, INBOUND);
    const { userId } = socket.data.principal;
    // The socket is already in its `user:` room, so a membership that ends while the rooms are
    // read has its leave applied to this socket; the leave is remembered and the room not joined.
    const leftMeanwhile = new Set<string>();
    const leave = socket.leave.bind(socket);
    socket.leave = (room: string) => {
      leftMeanwhile.add(room);
      return leave(room);
    };
    try {
      const roomIds = (await this.membership.activeRoomIds(userId)).filter(
        (id) => !leftMeanwhile.has(chatRoom(id)),
      );
      await socket.join(roomIds.map(chatRoom));
      socket.emit('rooms.joined', { roomIds });
    } catch (err) {
      this.logger.error({ err, userId }, 'could not subscribe a socket to its rooms');
      socket.disconnect(true);
    } finally {
      socket.leave = leave;
    }
  }

  @SubscribeMessage('message.send')
  async send(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: SendMessageDto,
  ): Promise<Ack<ChatMessage>> {
    // The ack carries the message to this socket; its other sockets get `message.created`.
    const { message } = await this.messages.postMessage(socket.data.principal.userId, dto, {
      originSocketId: socket.id,
    });
    return { ok: true, data: message };
  }

  @SubscribeMessage('room.join')
  join(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: RoomRefDto,
  ): Promise<Ack<{ roomId: string }>> {
    const { roomId } = dto;
    // Checked again after the join: a removal racing it must not leave the socket in the room.
    return watchRoom(
      socket,
      chatRoom(roomId),
      { roomId },
      () => this.membership.assertMember(socket.data.principal.userId, roomId),
      { recheck: true },
    );
  }

  @SubscribeMessage('room.read')
  async read(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: ReadRoomEventDto,
  ): Promise<Ack<ChatReadState>> {
    return {
      ok: true,
      data: await this.reads.markRead(socket.data.principal.userId, dto.roomId, dto.seq),
    };
  }

  @SubscribeMessage('typing.start')
  typingStart(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: RoomRefDto,
  ): Promise<Ack<null>> {
    return this.typing(socket, dto.roomId, 'typing.started');
  }

  @SubscribeMessage('typing.stop')
  typingStop(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() dto: RoomRefDto,
  ): Promise<Ack<null>> {
    return this.typing(socket, dto.roomId, 'typing.stopped');
  }

  @OnDomainEvent('chat.message.created')
  messageCreated(message: ChatMessage, envelope: DomainEventEnvelope): void {
    exceptOrigin(this.ns.to(chatRoom(message.roomId)), envelope).emit('message.created', message);
  }

  @OnDomainEvent('chat.message.updated')
  messageUpdated(edit: ChatMessageEdited): void {
    this.ns.to(chatRoom(edit.roomId)).emit('message.updated', edit);
  }

  @OnDomainEvent('chat.message.deleted')
  messageDeleted(deleted: ChatMessageDeleted): void {
    this.ns.to(chatRoom(deleted.roomId)).emit('message.deleted', deleted);
  }

  @OnDomainEvent('chat.reaction.added')
  reactionAdded(change: ChatReactionChange): void {
    this.ns.to(chatRoom(change.roomId)).emit('reaction.added', change);
  }

  @OnDomainEvent('chat.reaction.removed')
  reactionRemoved(change: ChatReactionChange): void {
    this.ns.to(chatRoom(change.roomId)).emit('reaction.removed', change);
  }

  @OnDomainEvent('chat.room.read')
  roomRead(state: ChatReadState): void {
    this.ns.to(chatRoom(state.roomId)).emit('room.read', state);
  }

  @OnDomainEvent('chat.room.updated')
  roomUpdated({ roomId, name, ownerId }: ChatRoomChange): void {
    this.ns.to(chatRoom(roomId)).emit('room.updated', { roomId, name, ownerId });
  }

  /**
   * The new member's sockets join before the broadcast: here at once (the Redis adapter applies
   * joins only when its own request comes back), elsewhere through a request that Redis delivers
   * ahead of the broadcast below.
   */
  @OnDomainEvent('chat.member.joined')
  memberJoined(e: { roomId: string; member: ChatMember }): void {
    const sockets = this.ns.in(userRoom(e.member.user.id));
    sockets.local.socketsJoin(chatRoom(e.roomId));
    sockets.socketsJoin(chatRoom(e.roomId));
    this.ns.to(chatRoom(e.roomId)).emit('member.joined', { roomId: e.roomId, member: e.member });
  }

  /** Leaves first (same ordering as joins), then says so: after `room.removed`, nothing more. */
  @OnDomainEvent('chat.member.left')
  memberLeft(e: { roomId: string; userId: string }): void {
    const sockets = this.ns.in(userRoom(e.userId));
    sockets.local.socketsLeave(chatRoom(e.roomId));
    sockets.socketsLeave(chatRoom(e.roomId));
    this.ns.to(userRoom(e.userId)).emit('room.removed', { roomId: e.roomId });
    this.ns.to(chatRoom(e.roomId)).emit('member.left', { roomId: e.roomId, userId: e.userId });
  }

  private async typing(
    socket: ChatSocket,
    roomId: string,
    event: 'typing.started' | 'typing.stopped',
  ): Promise<Ack<null>> {
    const { userId } = socket.data.principal;
    await this.membership.assertMember(userId, roomId);
    // Volatile: under pressure typing is the first thing dropped.
    socket.to(chatRoom(roomId)).volatile.emit(event, { roomId, userId });
    return { ok: true, data: null };
  }
}
