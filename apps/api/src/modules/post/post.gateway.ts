import { Inject, Logger, UseFilters } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayConnection,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { postRoom, userRoom } from '@orgo/contracts';
import type { Ack, PostClientEvents, PostRef, PostServerEvents } from '@orgo/contracts';
import { OnDomainEvent } from '../../infra/events/on-domain-event.decorator';
import { SocketAckFilter } from '../../infra/realtime/socket-ack.filter';
import {
  refuseUnknownEvents,
  unwatchRoom,
  watchRoom,
  type AppNamespace,
  type AppSocket,
} from '../../infra/realtime/socket-namespace';
import { PostRefDto } from './dto/post-ref.dto';
import { PostFeedService } from './post-feed.service';
import { PostReadRepository } from './post-read.repository';
import type {
  PostCommentEventPayload,
  PostEventPayload,
  PostLikeEventPayload,
} from './post.events';

type PostSocket = AppSocket<PostClientEvents, PostServerEvents>;

const INBOUND: ReadonlySet<string> = new Set<keyof PostClientEvents>([
  'post.watch',
  'post.unwatch',
]);

/**
 * `/post`: a viewer watches a post (`post.watch`, after the same visibility check as a read) and
 * gets its new comments, edits, deletions and like counts from committed domain events. Comments
 * never reach someone in a block with their author.
 */
@WebSocketGateway({ namespace: '/post' })
@UseFilters(SocketAckFilter)
export class PostGateway implements OnGatewayConnection {
  private readonly logger = new Logger(PostGateway.name);

  @WebSocketServer()
  private readonly ns: AppNamespace<PostClientEvents, PostServerEvents>;

  constructor(
    @Inject(PostFeedService) private readonly feed: PostFeedService,
    @Inject(PostReadRepository) private readonly reads: PostReadRepository,
  ) {}

  handleConnection(socket: PostSocket): void {
    refuseUnknownEvents(socket, INBOUND);
  }

  @SubscribeMessage('post.watch')
  watch(
    @ConnectedSocket() socket: PostSocket,
    @MessageBody() dto: PostRefDto,
  ): Promise<Ack<PostRef>> {
    const { postId } = dto;
    return watchRoom(socket, postRoom(postId), { postId }, () =>
      this.feed.assertVisible(socket.data.principal.userId, postId),
    );
  }

  @SubscribeMessage('post.unwatch')
  unwatch(
    @ConnectedSocket() socket: PostSocket,
    @MessageBody() dto: PostRefDto,
  ): Promise<Ack<PostRef>> {
    return unwatchRoom(socket, postRoom(dto.postId), { postId: dto.postId });
  }

  @OnDomainEvent('post.comment.created')
  async commentCreated(e: PostCommentEventPayload): Promise<void> {
    await this.relayComment(e, 'comment.created');
  }

  @OnDomainEvent('post.comment.updated')
  async commentUpdated(e: PostCommentEventPayload): Promise<void> {
    await this.relayComment(e, 'comment.updated');
  }

  @OnDomainEvent('post.comment.deleted')
  async commentDeleted(e: PostCommentEventPayload): Promise<void> {
    const room = await this.viewers(e.postId, e.postAuthorId);
    room?.emit('comment.deleted', {
      postId: e.postId,
      commentId: e.commentId,
      parentId: e.parentId,
    });
  }

  @OnDomainEvent('post.like.created')
  async likeCreated(e: PostLikeEventPayload): Promise<void> {
    const room = await this.viewers(e.postId, e.postAuthorId);
    room?.emit('like.updated', { postId: e.postId, likeCount: e.likeCount });
  }

  @OnDomainEvent('post.like.deleted')
  async likeDeleted(e: PostLikeEventPayload): Promise<void> {
    await this.likeCreated(e);
  }

  @OnDomainEvent('post.updated')
  async postUpdated(e: PostEventPayload): Promise<void> {
    const room = await this.viewers(e.postId, e.postAuthorId);
    room?.emit('post.updated', { postId: e.postId });
  }

  @OnDomainEvent('post.deleted')
  postDeleted(e: PostEventPayload): void {
    const room = postRoom(e.postId);
    this.ns.to(room).emit('post.deleted', { postId: e.postId });
    this.ns.in(room).socketsLeave(room);
  }

  private async relayComment(
    e: PostCommentEventPayload,
    event: 'comment.created' | 'comment.updated',
  ): Promise<void> {
    const [comment, room] = await Promise.all([
      this.reads.comment(e.commentId).catch(() => null),
      this.viewers(e.postId, e.postAuthorId, e.commentAuthorId),
    ]);
    if (comment && room) room.emit(event, comment);
  }

  /**
   * The post's room without anyone in a block with these users (the post's author, a comment's
   * author): a block made while a viewer watches takes effect on the next event. Null when the
   * look-up failed (logged; the event is not relayed).
   */
  private async viewers(postId: string, ...userIds: string[]) {
    try {
      const blocked = new Set(
        (await Promise.all([...new Set(userIds)].map((id) => this.reads.blockedWith(id)))).flat(),
      );
      const room = this.ns.to(postRoom(postId));
      return blocked.size ? room.except([...blocked].map(userRoom)) : room;
    } catch (err) {
      this.logger.error({ err, postId }, 'post relay failed');
      return null;
    }
  }
}
