import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChatReadState } from '@orgo/contracts';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import type { DomainEventEnvelope } from '../../infra/events/domain-event-map';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import { byActor } from '../../infra/events/event-actor';
import './chat.events';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import { RateLimitRule, RateLimitService } from '../../infra/http/rate-limit.service';
import { AuthErrors } from '../auth/auth.errors';
import type { Readable } from 'node:stream';
import { MediaObjectEntity } from '../media/entities/media-object.entity';
import { MediaUrls } from '../media/media-urls';
import { MediaService } from '../media/media.service';
import { toUserSummary } from '../user/dto/user-summary.dto';
import { UserEntity } from '../user/entities/user.entity';
import { CHAT_CONTACTS } from './chat-contacts.port';
import type { ChatContacts } from './chat-contacts.port';
import { ChatErrors } from './chat.errors';
import {
  GROUP_MEMBERS_MAX,
  PAGE_DEFAULT,
  canLeave,
  canManageRoom,
  canPost,
  directKey,
  nextOwner,
  nextReadSeq,
  pageBounds,
  pageRequest,
  replayable,
  seqRange,
} from './chat.policy';
import type { CreateGroupRoomDto } from './dto/create-room.dto';
import type { ListMessagesQueryDto } from './dto/list-messages.dto';
import type { ListRoomsQueryDto } from './dto/list-rooms.dto';
import { ChatImageDto, MessageDto, MessagePageDto, toMessage } from './dto/message.dto';
import type { PostMessageDto } from './dto/post-message.dto';
import type { RoomDetailDto, RoomDto, RoomPageDto } from './dto/room.dto';
import { ChatMemberEntity } from './entities/chat-member.entity';
import { ChatMessageEntity } from './entities/chat-message.entity';
import { ChatReactionEntity } from './entities/chat-reaction.entity';
import { ChatRoomEntity } from './entities/chat-room.entity';
import { ChatMessageRepository } from './repositories/chat-message.repository';
import { ChatRoomRepository, RoomRow } from './repositories/chat-room.repository';

const UNIQUE_VIOLATION = '23505';

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
 * Chat use cases. Writes change rows inside a transaction; the entity subscribers record the
 * domain events, released after commit, which the gateway relays to `/chat`.
 * Invariant: a chat_room row is saved only after being locked FOR UPDATE in the same transaction,
 * so a save can never write back a stale last_seq.
 */
@Injectable()
export class ChatService implements OnModuleInit {
  private readonly logger = new Logger(ChatService.name);

  constructor(
    @Inject(CHAT_CONTACTS) private readonly contacts: ChatContacts,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(ChatMessageRepository) private readonly messages: ChatMessageRepository,
    @Inject(ChatRoomRepository) private readonly rooms: ChatRoomRepository,
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(MediaUrls) private readonly urls: MediaUrls,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {}

  onModuleInit(): void {
    // A signed URL is not enough once the message holding the image is deleted.
    this.media.registerAccessCheck('chat', async (image) => {
      const rows: unknown[] = await this.db.query(
        'SELECT 1 FROM chat_message WHERE image_id = $1 AND deleted_at IS NULL',
        [image.id],
      );
      return rows.length > 0;
    });
    // An image no message holds (an abandoned composer) is the media sweep's after its grace period.
    this.media.registerAttachmentCheck('chat', async (ids) => {
      const rows: { image_id: string }[] = await this.db.query(
        'SELECT image_id FROM chat_message WHERE image_id = ANY($1::uuid[])',
        [ids],
      );
      return new Set(rows.map((r) => r.image_id));
    });
  }

  /**
   * Stores an image for a message in this room (members only, verified email, the media module's
   * checks and limits). The answer's `id` goes into `message.send` as `imageId`.
   */
  async uploadImage(me: string, roomId: string, file: Readable): Promise<ChatImageDto> {
    try {
      await this.assertMember(me, roomId);
    } catch (err) {
      file.destroy();
      throw err;
    }
    const image = await this.media.ingestImage(me, file, 'chat');
    // The image belongs to this room: a message elsewhere cannot carry it.
    await this.db.query('INSERT INTO chat_image_room (image_id, room_id) VALUES ($1, $2)', [
      image.id,
      roomId,
    ]);
    return {
      id: image.id,
      url: this.urls.private(image.id),
      width: image.width,
      height: image.height,
    };
  }

  /**
   * Idempotent per pair: the second call (by either user) returns the same room. Only starting
   * a conversation needs the contact rule; an existing one stays open to both members.
   */
  async openDirectRoom(me: string, otherId: string): Promise<{ room: RoomDto; created: boolean }> {
    if (me === otherId) throw ChatErrors.directSelf();
    const key = directKey(me, otherId);
    const known = await this.db
      .getRepository(ChatRoomEntity)
      .findOne({ where: { directKey: key } });
    if (known) return { room: await this.roomFor(me, known.id), created: false };
    await this.assertUsersExist([otherId]);
    if (!(await this.contacts.canStartDirect(me, otherId))) throw ChatErrors.directNotAllowed();
    const outcome = await this.db.transaction(async (tx) => {
      const existing = await tx.findOne(ChatRoomEntity, { where: { directKey: key } });
      if (existing) return { roomId: existing.id, created: false };
      try {
        // A savepoint: when a concurrent open of the same pair wins, this transaction goes on.
        const roomId = await tx.transaction(async (sp) => {
          const room = await sp.save(
            sp.create(ChatRoomEntity, {
              kind: 'direct',
              name: null,
              ownerId: null,
              directKey: key,
              lastSeq: 0,
              lastMessageAt: null,
              archivedAt: null,
            }),
          );
          await this.join(sp, room, [me, otherId], me);
          return room.id;
        });
        return { roomId, created: true };
      } catch (err) {
        if (!isUniqueViolation(err, 'uq_chat_room_direct_key')) throw err;
        const winner = await tx.findOneOrFail(ChatRoomEntity, { where: { directKey: key } });
        return { roomId: winner.id, created: false };
      }
    });
    return { room: await this.roomFor(me, outcome.roomId), created: outcome.created };
  }

  async createGroup(me: string, dto: CreateGroupRoomDto): Promise<RoomDto> {
    const invited = dto.memberIds.filter((id) => id !== me);
    await this.assertInvitable(me, invited);
    const roomId = await this.createGroupRoom({
      name: dto.name,
      ownerId: me,
      memberIds: invited,
      actorId: me,
    });
    return this.roomFor(me, roomId);
  }

  /**
   * For other modules (study rooms): creates a group room with these members, without actor
   * checks. Pass the caller's EntityManager to make it part of the caller's transaction.
   * `actorId` (who is acting, if a person) goes into the `chat.member.joined` events.
   */
  createGroupRoom(
    input: { name: string; ownerId: string | null; memberIds: string[]; actorId?: string | null },
    manager?: EntityManager,
  ): Promise<string> {
    return this.inTransaction(manager, async (tx) => {
      const room = await tx.save(
        tx.create(ChatRoomEntity, {
          kind: 'group',
          name: input.name,
          ownerId: input.ownerId,
          directKey: null,
          lastSeq: 0,
          lastMessageAt: null,
          archivedAt: null,
        }),
      );
      const ids = [...new Set([...(input.ownerId ? [input.ownerId] : []), ...input.memberIds])];
      await this.join(tx, room, ids, input.actorId ?? null);
      return room.id;
    });
  }

  /** For other modules: adds (or re-adds) members to a group room; already active ones are kept. */
  addMembers(roomId: string, userIds: string[], manager?: EntityManager): Promise<void> {
    return this.inTransaction(manager, async (tx) => {
      const room = await this.lockRoom(tx, roomId);
      if (!room) throw ChatErrors.roomNotFound();
      if (room.kind !== 'group') throw ChatErrors.roomNotGroup();
      await this.join(tx, room, userIds, null);
    });
  }

  /** For other modules: ends a membership (the user's sockets leave the room everywhere). */
  removeMember(roomId: string, userId: string, manager?: EntityManager): Promise<void> {
    return this.inTransaction(manager, async (tx) => {
      const room = await this.lockRoom(tx, roomId);
      if (!room) throw ChatErrors.roomNotFound();
      await this.leave(tx, room, userId, null);
    });
  }

  async renameRoom(me: string, roomId: string, name: string): Promise<RoomDto> {
    await this.db.transaction(async (tx) => {
      const room = await this.lockRoomAsManager(tx, me, roomId);
      room.name = name;
      await tx.save(room, byActor(me));
    });
    return this.roomFor(me, roomId);
  }

  async inviteMembers(me: string, roomId: string, userIds: string[]): Promise<RoomDetailDto> {
    await this.db.transaction(async (tx) => {
      const room = await this.lockRoomAsManager(tx, me, roomId);
      await this.assertInvitable(me, userIds);
      await this.join(tx, room, userIds, me);
    });
    return this.getRoom(me, roomId);
  }

  async expelMember(me: string, roomId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const room = await this.lockRoomAsManager(tx, me, roomId);
      await this.leave(tx, room, userId, me);
    });
  }

  async leaveRoom(me: string, roomId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const room = await this.lockRoom(tx, roomId);
      if (!room || !(await this.isActiveMember(me, roomId, tx))) throw ChatErrors.roomNotFound();
      if (!canLeave(room)) throw ChatErrors.roomNotGroup();
      await this.leave(tx, room, me, me);
    });
  }

  /**
   * A withdrawn account leaves every group room (members see `member.left`; ownership passes on);
   * its messages stay, shown as "탈퇴한 사용자". Direct rooms keep their history for the other side.
   * Idempotent; throws when a room could not be left, so the account follow-up is retried.
   */
  async onAccountDeleted(event: { userId: string }): Promise<void> {
    const memberships = await this.db.getRepository(ChatMemberEntity).find({
      select: { roomId: true },
      where: { userId: event.userId, leftAt: IsNull() },
    });
    let failed = 0;
    for (const { roomId } of memberships) {
      try {
        await this.db.transaction(async (tx) => {
          const room = await this.lockRoom(tx, roomId);
          if (!room || !canLeave(room)) return;
          if (!(await this.isActiveMember(event.userId, roomId, tx))) return;
          await this.leave(tx, room, event.userId, event.userId);
        });
      } catch (err) {
        failed++;
        this.logger.error({ err, roomId, userId: event.userId }, 'withdrawn user still in a room');
      }
    }
    if (failed) throw new Error(`withdrawn user still in ${failed} room(s)`);
  }

  async listRooms(me: string, query: ListRoomsQueryDto): Promise<RoomPageDto> {
    const limit = query.limit ?? PAGE_DEFAULT;
    const after = query.cursor ? decodeCursor(query.cursor, 'micros') : undefined;
    const rows = await this.rooms.findForMember(me, {
      q: query.q || undefined,
      after: after && { activityMicros: after.key, id: after.id },
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map(stripKey),
      nextCursor:
        rows.length > limit
          ? encodeCursor({ key: page[page.length - 1].activityKey, id: page[page.length - 1].id })
          : null,
    };
  }

  async getRoom(me: string, roomId: string): Promise<RoomDetailDto> {
    const room = await this.roomFor(me, roomId);
    const members = await this.db.getRepository(ChatMemberEntity).find({
      where: { roomId, leftAt: IsNull() },
      relations: { user: true },
      withDeleted: true,
      order: { joinedAt: 'ASC', userId: 'ASC' },
    });
    return {
      ...room,
      members: members.map((m) => ({
        user: toUserSummary(m.user!),
        role: m.role,
        lastReadSeq: m.lastReadSeq,
        joinedAt: m.joinedAt.toISOString(),
      })),
    };
  }

  /** The rooms a user's sockets belong in. */
  async activeRoomIds(userId: string): Promise<string[]> {
    const rows = await this.db.getRepository(ChatMemberEntity).find({
      select: { roomId: true },
      where: { userId, leftAt: IsNull() },
    });
    return rows.map((r) => r.roomId);
  }

  /** Membership check for every inbound socket event; non-members learn nothing. */
  async assertMember(userId: string, roomId: string): Promise<void> {
    if (!(await this.isActiveMember(userId, roomId))) throw ChatErrors.roomNotFound();
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

    const image = input.imageId ? await this.ownChatImage(me, input.roomId, input.imageId) : null;
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
    const message = toMessage(entity, this.urls);
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
      items: items.map((m) => toMessage(m, this.urls, reactions.get(m.id))),
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
    // The image goes with the message; a storage hiccup leaves an orphan, not an error.
    if (imageId)
      await this.media
        .deleteOwned(me, imageId)
        .catch((err: unknown) => this.logger.error({ err, imageId }, 'chat image not deleted'));
  }

  /**
   * An image the sender uploaded for chat in this room; uq_chat_message_image refuses one already
   * sent. One uploaded to another room is refused with its own code (the sender owns it, so
   * saying so reveals nothing).
   */
  private async ownChatImage(
    me: string,
    roomId: string,
    imageId: string,
  ): Promise<MediaObjectEntity> {
    const { entities, raw } = await this.db
      .getRepository(MediaObjectEntity)
      .createQueryBuilder('image')
      .leftJoin('chat_image_room', 'bound', 'bound.image_id = image.id')
      .addSelect('bound.room_id', 'bound_room_id')
      .where('image.id = :imageId AND image.owner_id = :me AND image.purpose = :purpose', {
        imageId,
        me,
        purpose: 'chat',
      })
      .getRawAndEntities<{ bound_room_id: string | null }>();
    if (!entities.length) throw ChatErrors.imageNotFound();
    if (raw[0].bound_room_id !== roomId) throw ChatErrors.imageOtherRoom();
    return entities[0];
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
    await this.assertMember(me, roomId);
    const repo = this.db.getRepository(ChatReactionEntity);
    const reaction = await repo.findOne({ where: { messageId, userId: me, emoji, roomId } });
    if (reaction) await repo.remove(reaction);
  }

  /** Moves my read position forward (clamped, monotonic across tabs). */
  async markRead(me: string, roomId: string, seq: number): Promise<ChatReadState> {
    return this.db.transaction(async (tx) => {
      const member = await tx.findOne(ChatMemberEntity, {
        where: { roomId, userId: me, leftAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!member) throw ChatErrors.roomNotFound();
      const room = await tx.findOneOrFail(ChatRoomEntity, {
        select: { id: true, lastSeq: true },
        where: { id: roomId },
      });
      const next = nextReadSeq(member.lastReadSeq, seq, room.lastSeq);
      if (next !== null) {
        member.lastReadSeq = next;
        await tx.save(member);
      }
      return { roomId, userId: me, lastReadSeq: member.lastReadSeq };
    });
  }

  private async replay(me: string, input: PostMessageInput): Promise<PostedMessage> {
    const original = await this.messages.findOneWithRelations({
      senderId: me,
      clientMessageId: input.clientMessageId,
    });
    if (!original) throw ChatErrors.messageClientIdReused();
    const readable = await this.isActiveMember(me, original.roomId);
    if (!replayable(original, input.roomId, readable)) throw ChatErrors.messageClientIdReused();
    const reactions = await this.messages.reactionsFor([original.id]);
    return { message: toMessage(original, this.urls, reactions.get(original.id)), created: false };
  }

  private async messageFor(messageId: string): Promise<MessageDto> {
    const message = await this.messages.findOneWithRelations({ id: messageId });
    if (!message) throw ChatErrors.messageNotFound();
    const reactions = await this.messages.reactionsFor([messageId]);
    return toMessage(message, this.urls, reactions.get(messageId));
  }

  private async ownMessageForUpdate(
    tx: EntityManager,
    me: string,
    roomId: string,
    messageId: string,
    allowDeleted = false,
  ): Promise<ChatMessageEntity> {
    if (!(await this.isActiveMember(me, roomId, tx))) throw ChatErrors.roomNotFound();
    const message = await tx.findOne(ChatMessageEntity, {
      where: { id: messageId, roomId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!message || (message.deletedAt && !allowDeleted)) throw ChatErrors.messageNotFound();
    if (message.senderId !== me) throw ChatErrors.messageNotOwn();
    return message;
  }

  private async reactableMessage(me: string, roomId: string, messageId: string): Promise<void> {
    await this.assertMember(me, roomId);
    const message = await this.db
      .getRepository(ChatMessageEntity)
      .findOne({ select: { id: true, deletedAt: true }, where: { id: messageId, roomId } });
    if (!message || message.deletedAt) throw ChatErrors.messageNotFound();
  }

  private async roomFor(me: string, roomId: string): Promise<RoomDto> {
    const [row] = await this.rooms.findForMember(me, { roomId, limit: 1 });
    if (!row) throw ChatErrors.roomNotFound();
    return stripKey(row);
  }

  private isActiveMember(
    userId: string,
    roomId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    return manager.exists(ChatMemberEntity, { where: { roomId, userId, leftAt: IsNull() } });
  }

  private lockRoom(tx: EntityManager, roomId: string): Promise<ChatRoomEntity | null> {
    return tx.findOne(ChatRoomEntity, {
      where: { id: roomId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  private async lockRoomAsManager(
    tx: EntityManager,
    me: string,
    roomId: string,
  ): Promise<ChatRoomEntity> {
    const room = await this.lockRoom(tx, roomId);
    const member = room
      ? await tx.findOne(ChatMemberEntity, { where: { roomId, userId: me, leftAt: IsNull() } })
      : null;
    if (!room || !member) throw ChatErrors.roomNotFound();
    if (room.kind !== 'group') throw ChatErrors.roomNotGroup();
    if (!canManageRoom(room, member)) throw ChatErrors.roomOwnerOnly();
    return room;
  }

  /** Adds or re-activates memberships; new members start with nothing unread. */
  private async join(
    tx: EntityManager,
    room: ChatRoomEntity,
    userIds: string[],
    actorId: string | null,
  ): Promise<void> {
    const users = await tx.find(UserEntity, { where: { id: In(userIds), deletedAt: IsNull() } });
    if (users.length !== userIds.length) throw ChatErrors.userNotFound();
    const rows = await tx.find(ChatMemberEntity, {
      where: { roomId: room.id, userId: In(userIds) },
    });
    const active = await tx.count(ChatMemberEntity, {
      where: { roomId: room.id, leftAt: IsNull() },
    });
    const joining = users.filter((u) => {
      const row = rows.find((r) => r.userId === u.id);
      return !row || row.leftAt !== null;
    });
    if (active + joining.length > GROUP_MEMBERS_MAX) throw ChatErrors.roomFull();
    const now = new Date();
    const members = joining.map((user) => {
      const member =
        rows.find((r) => r.userId === user.id) ??
        tx.create(ChatMemberEntity, { roomId: room.id, userId: user.id, lastReadSeq: 0 });
      member.role = user.id === room.ownerId ? 'owner' : 'member';
      member.leftAt = null;
      member.joinedAt = now;
      member.lastReadSeq = Math.max(member.lastReadSeq, room.lastSeq);
      member.user = user;
      return member;
    });
    if (members.length) await tx.save(members, byActor(actorId));
    if (room.archivedAt) {
      room.archivedAt = null;
      await tx.save(room);
    }
  }

  /** Ends a membership; the owner's role passes on; the last one out archives the room. */
  private async leave(
    tx: EntityManager,
    room: ChatRoomEntity,
    userId: string,
    actorId: string | null,
  ): Promise<void> {
    const member = await tx.findOne(ChatMemberEntity, {
      where: { roomId: room.id, userId, leftAt: IsNull() },
    });
    if (!member) throw ChatErrors.memberNotFound();
    member.leftAt = new Date();
    member.role = 'member';
    await tx.save(member, byActor(actorId));
    const remaining = await tx.find(ChatMemberEntity, {
      where: { roomId: room.id, leftAt: IsNull() },
    });
    if (room.ownerId !== userId && remaining.length) return;
    const heir = nextOwner(remaining);
    if (heir) {
      heir.role = 'owner';
      await tx.save(heir);
    }
    room.ownerId = heir?.userId ?? null;
    room.archivedAt = remaining.length ? null : new Date();
    await tx.save(room, byActor(actorId));
  }

  private async assertUsersExist(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.db
      .getRepository(UserEntity)
      .count({ where: { id: In(ids), deletedAt: IsNull() } });
    if (found !== ids.length) throw ChatErrors.userNotFound();
  }

  /**
   * Adding someone to a group (at creation or by invite) follows the direct-room rule: only
   * people I follow, not blocked either way. Otherwise a two-person group would open a
   * conversation with a stranger.
   */
  private async assertInvitable(me: string, ids: string[]): Promise<void> {
    await this.assertUsersExist(ids);
    for (const id of ids) {
      // A block either way looks like an unknown user, so nobody learns who blocked them.
      if (await this.contacts.isBlockedEitherWay(me, id)) throw ChatErrors.userNotFound();
      if (!(await this.contacts.canStartDirect(me, id))) throw ChatErrors.inviteNotAllowed();
    }
  }

  private inTransaction<T>(
    manager: EntityManager | undefined,
    work: (tx: EntityManager) => Promise<T>,
  ): Promise<T> {
    if (manager?.queryRunner?.isTransactionActive) return work(manager);
    return (manager ?? this.db.manager).transaction(work);
  }
}

/** chat_post_message raises P0002 when the sender is no longer a member. */
function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; constraint?: string };
  return driver.code === UNIQUE_VIOLATION && (!constraint || driver.constraint === constraint);
}

function otherOfPair(key: string | null, me: string): string | null {
  if (!key) return null;
  const [a, b] = key.split(':');
  return a === me ? b : a;
}

function stripKey({ activityKey: _k, ...room }: RoomRow): RoomDto {
  return room;
}
