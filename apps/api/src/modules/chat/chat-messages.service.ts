import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { DomainEventEnvelope } from '../../infra/events/domain-event-map';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import './chat.events';
import { RateLimitRule, RateLimitService } from '../../infra/http/rate-limit.service';
import { AuthErrors } from '../auth';
import { CHAT_CONTACTS } from './chat-contacts.port';
import type { ChatContacts } from './chat-contacts.port';
import { ChatMediaService } from './chat-media.service';
import { ChatMembershipService } from './chat-membership.service';
import { CHAT_USERS } from './chat-users.port';
import type { ChatUsers } from './chat-users.port';
import { ChatErrors } from './chat.errors';
import { canPost, pageBounds, pageRequest, replayable, seqRange } from './chat.policy';
import type { ListMessagesQueryDto } from './dto/list-messages.dto';
import { MessageDto, MessagePageDto, MessageView, toMessage } from './dto/message.dto';
import type { PostMessageDto } from './dto/post-message.dto';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { ChatReactionEntity } from './entities/chat-reaction.entity';
import { ChatMessageRepository } from './repositories/chat-message.repository';
import { ChatRoomRepository } from './repositories/chat-room.repository';
import { isUniqueViolation } from './repositories/unique-violation';

export const ChatLimits = {
  sendPerUser: { name: 'chat-send-user', limit: 20, windowSec: 10 },
} satisfies Record<string, RateLimitRule>;

export interface PostMessageInput extends PostMessageDto {
  roomId: string;
}

export interface PostedMessage {
  message: MessageDto;
  /** False when a retried clientMessageId returned the original. */
  created: boolean;
}

/**
 * Messages: sending, history, edits, deletes and reactions. A send is one statement through the
 * batched, prepared chat_post_messages and publishes `chat.message.created` itself; edits,
 * deletes and reactions change rows whose subscribers record the events, released after commit.
 */
@Injectable()
export class ChatMessagesService {
  private readonly view: MessageView;

  constructor(
    @Inject(CHAT_CONTACTS) private readonly contacts: ChatContacts,
    @Inject(CHAT_USERS) users: ChatUsers,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(ChatMessageRepository) private readonly messages: ChatMessageRepository,
    @Inject(ChatRoomRepository) private readonly rooms: ChatRoomRepository,
    @Inject(ChatMembershipService) private readonly membership: ChatMembershipService,
    @Inject(ChatMediaService) private readonly images: ChatMediaService,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {
    this.view = {
      user: (row) => users.summary(row),
      imageUrl: (imageId) => images.imageUrl(imageId),
    };
  }

  /**
   * Persists a message with the next gap-free seq, committed before this returns (and so before
   * any ack). A retried clientMessageId returns the original instead of a copy. `origin` names
   * the socket that sent it (left out of the relay: its ack carries the message).
   */
  async postMessage(
    me: string,
    input: PostMessageInput,
    origin?: DomainEventEnvelope,
  ): Promise<PostedMessage> {
    const ctx = await this.rooms.findSendContext(me, input.roomId, input.clientMessageId);
    if (!ctx) throw ChatErrors.roomNotFound();
    if (ctx.existingMessageId) return this.replay(me, input);
    // Checked here, not at the socket handshake: a verification after connecting counts at once.
    if (!ctx.sender.emailVerifiedAt) throw AuthErrors.emailNotVerified();
    const peer = ctx.room.kind === 'direct' ? otherOfPair(ctx.room.directKey, me) : null;
    const blocked = peer ? await this.contacts.isBlockedEitherWay(me, peer) : false;
    if (!canPost(ctx.room, ctx.member, blocked)) {
      throw blocked ? ChatErrors.directBlocked() : ChatErrors.roomNotFound();
    }
    const replyTo = input.replyToId
      ? await this.messages.findOneWithRelations({ id: input.replyToId })
      : null;
    if (input.replyToId && replyTo?.roomId !== input.roomId) throw ChatErrors.messageNotFound();
    if (this.limits.enabled) {
      const state = await this.limits.hit(ChatLimits.sendPerUser, me);
      RateLimitService.assertWithin(state, 'You are sending messages too fast. Slow down.');
    }

    const image = input.imageId
      ? await this.images.ownImage(me, input.roomId, input.imageId)
      : null;
    const fields = {
      roomId: input.roomId,
      senderId: me,
      clientMessageId: input.clientMessageId,
      text: input.text ?? null,
      imageId: image?.id ?? null,
      replyToId: replyTo?.id ?? null,
    };
    const outcome = await this.messages.post(fields);
    if (outcome.status === 'duplicate') return this.replay(me, input);
    if (outcome.status === 'invalid') throw ChatErrors.messageInvalid();
    if (outcome.status !== 'ok') {
      throw outcome.status === 'image' ? ChatErrors.imageNotFound() : ChatErrors.roomNotFound();
    }
    const entity = this.db.getRepository(ChatMessageEntity).create({
      ...fields,
      id: outcome.id,
      seq: outcome.seq,
      createdAt: outcome.createdAt,
      editedAt: null,
      deletedAt: null,
    });
    entity.sender = ctx.sender;
    entity.replyTo = replyTo;
    entity.image = image;
    const message = toMessage(entity, this.view);
    // Committed already (one statement in autocommit): published now, so the relay precedes the ack.
    this.events.publish('chat.message.created', message, origin);
    return { message, created: true };
  }

  async listMessages(
    me: string,
    roomId: string,
    query: ListMessagesQueryDto,
  ): Promise<MessagePageDto> {
    const req = pageRequest({
      afterSeq: query.after_seq,
      beforeSeq: query.before_seq,
      around: query.around,
      aroundDate: query.around_date,
      limit: query.limit,
    });
    if (!req) throw ChatErrors.pageCursorConflict();
    const lastSeqBefore = await this.rooms.findLastSeqForMember(me, roomId);
    if (lastSeqBefore === null) throw ChatErrors.roomNotFound();
    const range =
      req.mode === 'aroundDate'
        ? seqRange(
            {
              mode: 'around',
              seq: (await this.messages.firstSeqFrom(roomId, req.date)) ?? lastSeqBefore,
              limit: req.limit,
            },
            lastSeqBefore,
          )
        : seqRange(req, lastSeqBefore);
    const items = await this.messages.findRange(roomId, range.from, range.to);
    const [reactions, reads] = await Promise.all([
      this.messages.reactionsFor(items.map((m) => m.id)),
      this.messages.readsOf(roomId),
    ]);
    const lastSeq = Math.max(lastSeqBefore, items.at(-1)?.seq ?? 0);
    return {
      items: items.map((m) => toMessage(m, this.view, reactions.get(m.id))),
      lastSeq,
      ...pageBounds(range, lastSeq),
      reads,
    };
  }

  async editMessage(
    me: string,
    roomId: string,
    messageId: string,
    text: string,
  ): Promise<MessageDto> {
    await this.db.transaction(async (tx) => {
      const message = await this.ownMessageForUpdate(tx, me, roomId, messageId);
      if (message.text === text) return;
      message.text = text;
      message.editedAt = new Date();
      await tx.save(message);
    });
    return this.messageFor(messageId);
  }

  /** Soft delete: the text goes, the seq stays; deleting twice is a no-op. */
  async deleteMessage(me: string, roomId: string, messageId: string): Promise<void> {
    let imageId: string | null = null;
    await this.db.transaction(async (tx) => {
      const message = await this.ownMessageForUpdate(tx, me, roomId, messageId, true);
      if (message.deletedAt) return;
      imageId = message.imageId;
      message.text = null;
      message.imageId = null;
      message.deletedAt = new Date();
      await tx.delete(ChatReactionEntity, { messageId });
      await tx.save(message);
    });
    if (imageId) await this.images.deleteImage(me, imageId);
  }

  async addReaction(me: string, roomId: string, messageId: string, emoji: string): Promise<void> {
    await this.reactableMessage(me, roomId, messageId);
    const repo = this.db.getRepository(ChatReactionEntity);
    if (await repo.exists({ where: { messageId, userId: me, emoji } })) return;
    try {
      await repo.save(repo.create({ messageId, userId: me, emoji, roomId }));
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
  }

  async removeReaction(
    me: string,
    roomId: string,
    messageId: string,
    emoji: string,
  ): Promise<void> {
    await this.membership.assertMember(me, roomId);
    const repo = this.db.getRepository(ChatReactionEntity);
    const reaction = await repo.findOne({ where: { messageId, userId: me, emoji, roomId } });
    if (reaction) await repo.remove(reaction);
  }

  private async replay(me: string, input: PostMessageInput): Promise<PostedMessage> {
    const original = await this.messages.findOneWithRelations({
      senderId: me,
      clientMessageId: input.clientMessageId,
    });
    if (!original) throw ChatErrors.messageClientIdReused();
    const readable = await this.membership.isActiveMember(me, original.roomId);
    if (!replayable(original, input.roomId, readable)) throw ChatErrors.messageClientIdReused();
    const reactions = await this.messages.reactionsFor([original.id]);
    return { message: toMessage(original, this.view, reactions.get(original.id)), created: false };
  }

  private async messageFor(messageId: string): Promise<MessageDto> {
    const message = await this.messages.findOneWithRelations({ id: messageId });
    if (!message) throw ChatErrors.messageNotFound();
    const reactions = await this.messages.reactionsFor([messageId]);
    return toMessage(message, this.view, reactions.get(messageId));
  }

  private async ownMessageForUpdate(
    tx: EntityManager,
    me: string,
    roomId: string,
    messageId: string,
    allowDeleted = false,
  ): Promise<ChatMessageEntity> {
    if (!(await this.membership.isActiveMember(me, roomId, tx))) throw ChatErrors.roomNotFound();
    const message = await tx.findOne(ChatMessageEntity, {
      where: { id: messageId, roomId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!message || (message.deletedAt && !allowDeleted)) throw ChatErrors.messageNotFound();
    if (message.senderId !== me) throw ChatErrors.messageNotOwn();
    return message;
  }

  private async reactableMessage(me: string, roomId: string, messageId: string): Promise<void> {
    await this.membership.assertMember(me, roomId);
    const message = await this.db
      .getRepository(ChatMessageEntity)
      .findOne({ select: { id: true, deletedAt: true }, where: { id: messageId, roomId } });
    if (!message || message.deletedAt) throw ChatErrors.messageNotFound();
  }
}

function otherOfPair(key: string | null, me: string): string | null {
  if (!key) return null;
  const [a, b] = key.split(':');
  return a === me ? b : a;
}
