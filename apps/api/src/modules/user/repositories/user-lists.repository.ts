import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { encodeCursor, KeysetCursor } from '../../../infra/http/pagination/keyset-cursor';
import type { UserListItemDto } from '../dto/user-page.dto';
import { avatarUrl } from '../dto/user-summary.dto';

/** Which edge table a list walks: rows whose `anchor` column is the given user, showing `other`. */
const LISTS = {
  followers: { table: 'user_follow', anchor: 'followee_id', other: 'follower_id' },
  following: { table: 'user_follow', anchor: 'follower_id', other: 'followee_id' },
  blocks: { table: 'user_block', anchor: 'blocker_id', other: 'blocked_id' },
  mutes: { table: 'user_mute', anchor: 'muter_id', other: 'muted_id' },
} as const;

export type UserListKind = keyof typeof LISTS;

interface Row {
  id: string;
  nickname: string;
  avatar_key: string | null;
  edge_at: string;
  is_following: boolean;
  follows_me: boolean;
  is_blocked: boolean;
  is_muted: boolean;
}

/**
 * Keyset pages over an edge table, newest first by (created_at, other id): edges added or
 * removed between pages never make a row repeat or be skipped. Users hidden by a block with the
 * viewer and deleted users are left out.
 */
@Injectable()
export class UserListsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(
    kind: UserListKind,
    ownerId: string,
    viewerId: string | null,
    cursor: KeysetCursor | null,
    limit: number,
  ): Promise<{ items: UserListItemDto[]; nextCursor: string | null }> {
    const { table, anchor, other } = LISTS[kind];
    const params: unknown[] = [ownerId, viewerId, limit + 1];
    let after = '';
    if (cursor) {
      params.push(cursor.key, cursor.id);
      after = `AND (e.created_at, e.${other}) < ($4::timestamptz, $5::uuid)`;
    }
    const rows: Row[] = await this.db.query(
      `SELECT u.id, u.nickname, u.avatar_key,
              to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS edge_at,
              EXISTS (SELECT 1 FROM user_follow x WHERE x.follower_id = $2 AND x.followee_id = u.id) AS is_following,
              EXISTS (SELECT 1 FROM user_follow x WHERE x.follower_id = u.id AND x.followee_id = $2) AS follows_me,
              EXISTS (SELECT 1 FROM user_block x WHERE x.blocker_id = $2 AND x.blocked_id = u.id) AS is_blocked,
              EXISTS (SELECT 1 FROM user_mute x WHERE x.muter_id = $2 AND x.muted_id = u.id) AS is_muted
         FROM ${table} e
         JOIN app_user u ON u.id = e.${other} AND u.deleted_at IS NULL
        WHERE e.${anchor} = $1
          ${kind === 'blocks' ? '' : HIDE_BLOCKED}
          ${after}
        ORDER BY e.created_at DESC, e.${other} DESC
        LIMIT $3`,
      params,
    );
    const more = rows.length > limit;
    const pageRows = more ? rows.slice(0, limit) : rows;
    const last = pageRows[pageRows.length - 1];
    return {
      items: pageRows.map((r) => ({
        id: r.id,
        nickname: r.nickname,
        avatarUrl: avatarUrl(r.avatar_key),
        viewer: {
          isSelf: r.id === viewerId,
          isFollowing: r.is_following,
          followsMe: r.follows_me,
          isBlocked: r.is_blocked,
          isMuted: r.is_muted,
        },
      })),
      nextCursor: more && last ? encodeCursor({ key: last.edge_at, id: last.id }) : null,
    };
  }
}

// The viewer ($2) and a listed user never see each other across a block, whoever blocked whom.
const HIDE_BLOCKED = `AND NOT EXISTS (
  SELECT 1 FROM user_block b
   WHERE (b.blocker_id = $2 AND b.blocked_id = u.id) OR (b.blocker_id = u.id AND b.blocked_id = $2))`;
