import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Batcher } from '../../../infra/database/batcher';
import { PreparedStatement } from '../../../infra/database/prepared-statement';
import { CHAT_USERS } from '../chat-users.port';
import type { ChatUserRow, ChatUsers } from '../chat-users.port';
import type { RoomDto } from '../dto/room.dto';

export interface RoomListFilter {
  roomId?: string;
  q?: string;
  /** Keyset: rooms strictly after this (activity in epoch microseconds, id) in the list order. */
  after?: { activityMicros: string; id: string };
  limit: number;
}

export interface RoomRow extends RoomDto {
  /** Activity time in epoch microseconds (full precision), for the cursor. */
  activityKey: string;
}

interface RawRoom {
  id: string;
  kind: 'direct' | 'group';
  name: string | null;
  owner_id: string | null;
  last_seq: string;
  last_read_seq: string;
  created_at: Date;
  activity_at: Date;
  activity_key: string;
  member_count: string;
  unread_count: string;
  peer_id: string | null;
  peer_nickname: string | null;
  peer_avatar_key: string | null;
  lm_id: string | null;
  lm_seq: string | null;
  lm_text: string | null;
  lm_created_at: Date | null;
  lm_deleted_at: Date | null;
  lm_sender_id: string | null;
  lm_sender_nickname: string | null;
  lm_sender_avatar_key: string | null;
}

export interface SendContext {
  room: { kind: 'direct' | 'group'; archivedAt: Date | null; directKey: string | null };
  member: { role: 'member' | 'owner'; leftAt: Date | null };
  sender: ChatUserRow & { emailVerifiedAt: Date | null };
  /** The message this sender already sent with the same clientMessageId, if any. */
  existingMessageId: string | null;
}

interface SendContextKey {
  userId: string;
  roomId: string;
  clientMessageId: string;
}

const ACTIVITY_MICROS =
  '(extract(epoch FROM COALESCE(r.last_message_at, r.created_at)) * 1000000)::bigint';

interface SendContextRow {
  n: number;
  user_id: string;
  kind: 'direct' | 'group';
  archived_at: Date | null;
  direct_key: string | null;
  role: 'member' | 'owner';
  left_at: Date | null;
  nickname: string;
  avatar_key: string | null;
  email_verified_at: Date | null;
  existing_id: string | null;
}

/** Runs for every batch of chat sends: prepared, so Postgres plans it once per connection. */
const SEND_CONTEXTS = new PreparedStatement<SendContextRow>(
  'chat_send_contexts',
  `SELECT i.n::int AS n, m.user_id, r.kind, r.archived_at, r.direct_key, m.role, m.left_at,
          u.nickname, u.avatar_key, u.email_verified_at,
          (SELECT x.id FROM chat_message x
            WHERE x.sender_id = m.user_id AND x.client_message_id = i.client_id) AS existing_id
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY
          AS i(user_id, room_id, client_id, n)
     JOIN chat_member m ON m.room_id = i.room_id AND m.user_id = i.user_id AND m.left_at IS NULL
     JOIN chat_room r ON r.id = m.room_id
     JOIN app_user u ON u.id = m.user_id`,
);

/**
 * The room list: one query with preview, unread count (computed, never stored) and other party.
 *
 * Two queries here read the user module's table (app_user) directly, and only these two: the
 * room list (the other party and the last sender of every room on the page) and the send
 * context (the sender's name and verified email, on every send). Asking ChatUsers instead would
 * add a round trip to every page and every message; the rows read are mapped to summaries by
 * ChatUsers.summary, so the user module still decides what a user shows.
 */
@Injectable()
export class ChatRoomRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CHAT_USERS) private readonly users: ChatUsers,
  ) {}

  private readonly sendContexts = new Batcher<SendContextKey, SendContext | null>(
    (keys) => this.findSendContexts(keys),
    { name: 'chat-send-context', maxInFlight: 2, maxBatch: 500 },
  );

  async findForMember(
    userId: string,
    filter: RoomListFilter,
    manager: EntityManager = this.db.manager,
  ): Promise<RoomRow[]> {
    const params: unknown[] = [userId];
    const where: string[] = ['m.user_id = $1', 'm.left_at IS NULL'];
    if (filter.roomId) {
      params.push(filter.roomId);
      where.push(`r.id = $${params.length}`);
    }
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(r.name ILIKE $${params.length} OR peer.nickname ILIKE $${params.length})`);
    }
    if (filter.after) {
      params.push(filter.after.activityMicros, filter.after.id);
      where.push(
        `(${ACTIVITY_MICROS}, r.id) < ($${params.length - 1}::bigint, $${params.length}::uuid)`,
      );
    }
    params.push(filter.limit);
    const rows: RawRoom[] = await manager.query(
      `SELECT r.id, r.kind, r.name, r.owner_id, r.last_seq, m.last_read_seq, r.created_at,
              COALESCE(r.last_message_at, r.created_at) AS activity_at,
              ${ACTIVITY_MICROS}::text AS activity_key,
              (SELECT count(*) FROM chat_member c
                WHERE c.room_id = r.id AND c.left_at IS NULL) AS member_count,
              (SELECT count(*) FROM chat_message u
                WHERE u.room_id = r.id AND u.seq > m.last_read_seq
                  AND u.sender_id <> m.user_id AND u.deleted_at IS NULL) AS unread_count,
              peer.id AS peer_id, peer.nickname AS peer_nickname, peer.avatar_key AS peer_avatar_key,
              lm.id AS lm_id, lm.seq AS lm_seq, lm.text AS lm_text,
              lm.created_at AS lm_created_at, lm.deleted_at AS lm_deleted_at,
              ls.id AS lm_sender_id, ls.nickname AS lm_sender_nickname,
              ls.avatar_key AS lm_sender_avatar_key
         FROM chat_member m
         JOIN chat_room r ON r.id = m.room_id
         LEFT JOIN LATERAL (
              SELECT u.id, u.nickname, u.avatar_key
                FROM chat_member pm JOIN app_user u ON u.id = pm.user_id
               WHERE r.kind = 'direct' AND pm.room_id = r.id AND pm.user_id <> m.user_id
               LIMIT 1) peer ON true
         LEFT JOIN chat_message lm ON lm.room_id = r.id AND lm.seq = r.last_seq
         LEFT JOIN app_user ls ON ls.id = lm.sender_id
        WHERE ${where.join(' AND ')}
        ORDER BY COALESCE(r.last_message_at, r.created_at) DESC, r.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => toRoomRow(r, this.users));
  }

  /**
   * Everything a send needs before it is written; null for non-members. Concurrent sends share
   * one round trip (see Batcher).
   */
  findSendContext(
    userId: string,
    roomId: string,
    clientMessageId: string,
  ): Promise<SendContext | null> {
    return this.sendContexts.submit({ userId, roomId, clientMessageId });
  }

  private async findSendContexts(keys: SendContextKey[]): Promise<(SendContext | null)[]> {
    const rows = await SEND_CONTEXTS.run(this.db, [
      keys.map((k) => k.userId),
      keys.map((k) => k.roomId),
      keys.map((k) => k.clientMessageId),
    ]);
    const contexts: (SendContext | null)[] = keys.map(() => null);
    for (const r of rows) {
      contexts[r.n - 1] = {
        room: { kind: r.kind, archivedAt: r.archived_at, directKey: r.direct_key },
        member: { role: r.role, leftAt: r.left_at },
        sender: {
          id: r.user_id,
          nickname: r.nickname,
          avatarKey: r.avatar_key,
          emailVerifiedAt: r.email_verified_at,
          deletedAt: null,
        },
        existingMessageId: r.existing_id,
      };
    }
    return contexts;
  }

  /** The room's last seq, or null when the user is not an active member. */
  async findLastSeqForMember(userId: string, roomId: string): Promise<number | null> {
    const rows: { last_seq: string }[] = await this.db.query(
      `SELECT r.last_seq FROM chat_member m JOIN chat_room r ON r.id = m.room_id
        WHERE m.room_id = $2 AND m.user_id = $1 AND m.left_at IS NULL`,
      [userId, roomId],
    );
    return rows.length ? Number(rows[0].last_seq) : null;
  }
}

function toRoomRow(r: RawRoom, users: ChatUsers): RoomRow {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    ownerId: r.owner_id,
    peer: r.peer_id
      ? users.summary({
          id: r.peer_id,
          nickname: r.peer_nickname!,
          avatarKey: r.peer_avatar_key,
          deletedAt: null,
        })
      : null,
    memberCount: Number(r.member_count),
    lastSeq: Number(r.last_seq),
    lastReadSeq: Number(r.last_read_seq),
    unreadCount: Number(r.unread_count),
    lastMessage: r.lm_id
      ? {
          id: r.lm_id,
          seq: Number(r.lm_seq),
          sender: users.summary({
            id: r.lm_sender_id!,
            nickname: r.lm_sender_nickname!,
            avatarKey: r.lm_sender_avatar_key,
            deletedAt: null,
          }),
          text: r.lm_deleted_at ? null : r.lm_text,
          createdAt: r.lm_created_at!.toISOString(),
          deletedAt: r.lm_deleted_at?.toISOString() ?? null,
        }
      : null,
    lastActivityAt: r.activity_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    activityKey: r.activity_key,
  };
}
