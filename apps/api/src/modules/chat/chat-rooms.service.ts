import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { byActor } from '../../infra/events/event-actor';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import { CHAT_CONTACTS } from './chat-contacts.port';
import type { ChatContacts } from './chat-contacts.port';
import { ChatMembershipService } from './chat-membership.service';
import { CHAT_USERS } from './chat-users.port';
import type { ChatUsers } from './chat-users.port';
import { ChatErrors } from './chat.errors';
import { PAGE_DEFAULT, canLeave, canManageRoom, directKey } from './chat.policy';
import type { CreateGroupRoomDto } from './dto/create-room.dto';
import type { ListRoomsQueryDto } from './dto/list-rooms.dto';
import type { RoomDetailDto, RoomDto, RoomPageDto } from './dto/room.dto';
import { ChatMemberEntity } from './entities/chat-member.entity';
import { ChatRoomEntity } from './entities/chat-room.entity';
import { isUniqueViolation } from './repositories/unique-violation';
import { ChatRoomRepository, RoomRow } from './repositories/chat-room.repository';

/**
 * Direct and group rooms, their members and the room list. Writes change rows inside a
 * transaction; the entity subscribers record the domain events, released after commit, which
 * the gateway relays to `/chat`. Other modules (study rooms) use createGroupRoom, addMembers and
 * removeMember, inside their own transaction when they pass its manager.
 */
@Injectable()
export class ChatRoomsService {
  private readonly logger = new Logger(ChatRoomsService.name);

  constructor(
    @Inject(CHAT_CONTACTS) private readonly contacts: ChatContacts,
    @Inject(CHAT_USERS) private readonly users: ChatUsers,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(ChatRoomRepository) private readonly rooms: ChatRoomRepository,
    @Inject(ChatMembershipService) private readonly membership: ChatMembershipService,
  ) {}

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
          await this.membership.join(sp, room, [me, otherId], me);
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
      await this.membership.join(tx, room, ids, input.actorId ?? null);
      return room.id;
    });
  }

  /** For other modules: adds (or re-adds) members to a group room; already active ones are kept. */
  addMembers(roomId: string, userIds: string[], manager?: EntityManager): Promise<void> {
    return this.inTransaction(manager, async (tx) => {
      const room = await this.membership.lockRoom(tx, roomId);
      if (!room) throw ChatErrors.roomNotFound();
      if (room.kind !== 'group') throw ChatErrors.roomNotGroup();
      await this.membership.join(tx, room, userIds, null);
    });
  }

  /** For other modules: ends a membership (the user's sockets leave the room everywhere). */
  removeMember(roomId: string, userId: string, manager?: EntityManager): Promise<void> {
    return this.inTransaction(manager, async (tx) => {
      const room = await this.membership.lockRoom(tx, roomId);
      if (!room) throw ChatErrors.roomNotFound();
      await this.membership.leave(tx, room, userId, null);
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
      await this.membership.join(tx, room, userIds, me);
    });
    return this.getRoom(me, roomId);
  }

  async expelMember(me: string, roomId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const room = await this.lockRoomAsManager(tx, me, roomId);
      await this.membership.leave(tx, room, userId, me);
    });
  }

  async leaveRoom(me: string, roomId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const room = await this.membership.lockRoom(tx, roomId);
      if (!room || !(await this.membership.isActiveMember(me, roomId, tx)))
        throw ChatErrors.roomNotFound();
      if (!canLeave(room)) throw ChatErrors.roomNotGroup();
      await this.membership.leave(tx, room, me, me);
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
          const room = await this.membership.lockRoom(tx, roomId);
          if (!room || !canLeave(room)) return;
          if (!(await this.membership.isActiveMember(event.userId, roomId, tx))) return;
          await this.membership.leave(tx, room, event.userId, event.userId);
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
      order: { joinedAt: 'ASC', userId: 'ASC' },
    });
    // One lookup for the whole list; withdrawn accounts show under the shared label.
    const users = await this.users.summaries(members.map((m) => m.userId));
    return {
      ...room,
      members: members.map((m) => ({
        user: users.get(m.userId)!,
        role: m.role,
        lastReadSeq: m.lastReadSeq,
        joinedAt: m.joinedAt.toISOString(),
      })),
    };
  }

  private async roomFor(me: string, roomId: string): Promise<RoomDto> {
    const [row] = await this.rooms.findForMember(me, { roomId, limit: 1 });
    if (!row) throw ChatErrors.roomNotFound();
    return stripKey(row);
  }

  private async lockRoomAsManager(
    tx: EntityManager,
    me: string,
    roomId: string,
  ): Promise<ChatRoomEntity> {
    const room = await this.membership.lockRoom(tx, roomId);
    const member = room
      ? await tx.findOne(ChatMemberEntity, { where: { roomId, userId: me, leftAt: IsNull() } })
      : null;
    if (!room || !member) throw ChatErrors.roomNotFound();
    if (room.kind !== 'group') throw ChatErrors.roomNotGroup();
    if (!canManageRoom(room, member)) throw ChatErrors.roomOwnerOnly();
    return room;
  }

  private async assertUsersExist(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.users.findActive(ids);
    if (found.length !== ids.length) throw ChatErrors.userNotFound();
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

function stripKey({ activityKey: _k, ...room }: RoomRow): RoomDto {
  return room;
}
