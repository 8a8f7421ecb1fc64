import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { PerfSwitches } from '../../config/perf-switches';
import { Batcher } from '../../infra/database/batcher';
import { hotStatement } from '../../infra/database/prepared-statement';
import { byActor } from '../../infra/events/event-actor';
import { CHAT_USERS } from './chat-users.port';
import type { ChatUsers } from './chat-users.port';
import { ChatErrors } from './chat.errors';
import { GROUP_MEMBERS_MAX, nextOwner } from './chat.policy';
import { ChatMemberEntity } from './entities/chat-member.entity';
import { ChatRoomEntity } from './entities/chat-room.entity';

/**
 * Who is in which room: the membership checks every use case starts with, and the joins and
 * leaves the room use cases are made of. Joins and leaves run in the caller's transaction, on a
 * room it has locked (see lockRoom); the entity subscribers turn them into events.
 */
@Injectable()
export class ChatMembershipService {
  /** Each user's active rooms; `/chat` connections arriving together share one round trip. */
  private readonly activeRooms: Batcher<string, string[]>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CHAT_USERS) private readonly users: ChatUsers,
    @Inject(PerfSwitches) perf: PerfSwitches = new PerfSwitches(),
  ) {
    const statement = hotStatement<{ n: number; room_id: string }>(db, {
      name: 'chat_active_room_ids',
      text: `SELECT i.n::int AS n, m.room_id
               FROM unnest($1::uuid[]) WITH ORDINALITY AS i(user_id, n)
               JOIN chat_member m ON m.user_id = i.user_id AND m.left_at IS NULL`,
      prepared: perf.preparedStatements,
    });
    this.activeRooms = new Batcher(
      async (userIds) => {
        const rooms = userIds.map((): string[] => []);
        for (const row of await statement.run([userIds])) rooms[row.n - 1].push(row.room_id);
        return rooms;
      },
      { name: 'chat-active-rooms', maxInFlight: 2, maxBatch: 500 },
    );
  }

  /** The rooms a user's sockets belong in; read on every `/chat` connection. */
  activeRoomIds(userId: string): Promise<string[]> {
    return this.activeRooms.submit(userId);
  }

  /** Membership check for every inbound socket event; non-members learn nothing. */
  async assertMember(userId: string, roomId: string): Promise<void> {
    if (!(await this.isActiveMember(userId, roomId))) throw ChatErrors.roomNotFound();
  }

  isActiveMember(
    userId: string,
    roomId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    return manager.exists(ChatMemberEntity, { where: { roomId, userId, leftAt: IsNull() } });
  }

  /**
   * A chat_room row is saved only after being locked FOR UPDATE in the same transaction, so a
   * save can never write back a stale last_seq.
   */
  lockRoom(tx: EntityManager, roomId: string): Promise<ChatRoomEntity | null> {
    return tx.findOne(ChatRoomEntity, {
      where: { id: roomId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Adds or re-activates memberships; new members start with nothing unread. */
  async join(
    tx: EntityManager,
    room: ChatRoomEntity,
    userIds: string[],
    actorId: string | null,
  ): Promise<void> {
    const users = await this.users.findActive(userIds, tx);
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
  async leave(
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
}
