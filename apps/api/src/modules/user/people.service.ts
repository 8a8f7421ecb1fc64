import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import {
  DIRECTORY_DEFAULT,
  DirectoryPageDto,
  DirectoryQueryDto,
  SUGGESTIONS_DEFAULT,
  SuggestionDto,
  SuggestionReason,
} from './dto/people.dto';
import type { UserListItemDto } from './dto/user-page.dto';
import { avatarUrl } from './dto/user-summary.dto';

/** How recently a user must have been seen to be suggested as "recently active". */
const RECENTLY_ACTIVE_DAYS = 14;

interface Row {
  id: string;
  nickname: string;
  avatar_key: string | null;
  is_following: boolean;
  follows_me: boolean;
  is_muted: boolean;
}

// Neither the viewer ($1) nor a listed user ever sees the other across a block, whoever blocked.
const NOT_BLOCKED = `NOT EXISTS (
  SELECT 1 FROM user_block b
   WHERE (b.blocker_id = $1 AND b.blocked_id = u.id) OR (b.blocker_id = u.id AND b.blocked_id = $1))`;

const VIEWER_FLAGS = `
  EXISTS (SELECT 1 FROM user_follow x WHERE x.follower_id = $1 AND x.followee_id = u.id) AS is_following,
  EXISTS (SELECT 1 FROM user_follow x WHERE x.follower_id = u.id AND x.followee_id = $1) AS follows_me,
  EXISTS (SELECT 1 FROM user_mute x WHERE x.muter_id = $1 AND x.muted_id = u.id) AS is_muted`;

/** `%`, `_` and `\` match themselves in a nickname search. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toItem(row: Row): UserListItemDto {
  return {
    id: row.id,
    nickname: row.nickname,
    avatarUrl: avatarUrl(row.avatar_key),
    viewer: {
      isSelf: false,
      isFollowing: row.is_following,
      followsMe: row.follows_me,
      isBlocked: false,
      isMuted: row.is_muted,
    },
  };
}

/**
 * Finding people: the directory (every live member but the viewer, newest first, by nickname
 * part) and the suggestions for someone new. Blocks in either direction hide both ways.
 */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async directory(viewerId: string, query: DirectoryQueryDto): Promise<DirectoryPageDto> {
    const cursor = query.cursor ? decodeCursor(query.cursor, 'timestamp') : null;
    const limit = query.limit ?? DIRECTORY_DEFAULT;
    const params: unknown[] = [viewerId, limit + 1];
    const where: string[] = ['u.deleted_at IS NULL', 'u.id <> $1', NOT_BLOCKED];
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`u.nickname ILIKE $${params.length}`);
    }
    if (cursor) {
      params.push(cursor.key, cursor.id);
      where.push(
        `(u.created_at, u.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    const rows: (Row & { created: string })[] = await this.db.query(
      `SELECT u.id, u.nickname, u.avatar_key,
              to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created,
              ${VIEWER_FLAGS}
         FROM app_user u
        WHERE ${where.join(' AND ')}
        ORDER BY u.created_at DESC, u.id DESC
        LIMIT $2`,
      params,
    );
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const last = page.at(-1);
    return {
      items: page.map(toItem),
      nextCursor: more && last ? encodeCursor({ key: last.created, id: last.id }) : null,
    };
  }

  /**
   * People to follow: first those followed by the people I follow (most such follows first),
   * then the recently active, then the newest members. Never myself, someone I already follow,
   * or anyone across a block.
   */
  async suggestions(viewerId: string, limit = SUGGESTIONS_DEFAULT): Promise<SuggestionDto[]> {
    const rows: (Row & { followed_by: number; is_recent: boolean })[] = await this.db.query(
      `WITH via AS (
         SELECT f2.followee_id AS id, count(*)::int AS n
           FROM user_follow f1
           JOIN user_follow f2 ON f2.follower_id = f1.followee_id
          WHERE f1.follower_id = $1
          GROUP BY f2.followee_id
       )
       SELECT u.id, u.nickname, u.avatar_key,
              coalesce(via.n, 0) AS followed_by,
              (u.last_active_at > now() - make_interval(days => $3)) IS TRUE AS is_recent,
              ${VIEWER_FLAGS}
         FROM app_user u
         LEFT JOIN via ON via.id = u.id
        WHERE u.deleted_at IS NULL
          AND u.id <> $1
          AND NOT EXISTS (SELECT 1 FROM user_follow x WHERE x.follower_id = $1 AND x.followee_id = u.id)
          AND ${NOT_BLOCKED}
        ORDER BY coalesce(via.n, 0) DESC,
                 (u.last_active_at > now() - make_interval(days => $3)) IS TRUE DESC,
                 u.last_active_at DESC NULLS LAST,
                 u.created_at DESC, u.id DESC
        LIMIT $2`,
      [viewerId, limit, RECENTLY_ACTIVE_DAYS],
    );
    return rows.map((row) => {
      const reason: SuggestionReason =
        row.followed_by > 0
          ? 'followedByFollowing'
          : row.is_recent
            ? 'recentlyActive'
            : 'newMember';
      return { ...toItem(row), reason, followedByCount: row.followed_by };
    });
  }
}
