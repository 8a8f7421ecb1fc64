import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StudyMode, StudyStatus } from '@orgo/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { toUserSummary } from '../user';
import type { StudyDto } from './dto/study.dto';
import { statusSql } from './study.policy';

export interface StudyFilter {
  status?: StudyStatus;
  mode?: StudyMode;
  /** Normalised. */
  tag?: string;
  q?: string;
  /** Only studies this user belongs to. */
  memberId?: string;
}

export interface StudyRow extends StudyDto {
  /** Creation time in epoch microseconds, for the cursor. */
  key: string;
}

interface RawStudy {
  id: string;
  title: string;
  description: string;
  start_date: string;
  end_date: string;
  mode: StudyMode;
  location: string | null;
  max_members: number;
  member_count: number;
  room_id: string;
  created_at: Date;
  key: string;
  status: StudyStatus;
  tags: string[];
  leader_id: string;
  leader_nickname: string;
  leader_avatar_key: string | null;
  leader_deleted_at: Date | null;
}

const CREATED_MICROS = '(extract(epoch FROM s.created_at) * 1000000)::bigint';

/**
 * The study list and cards: one query for a page (status computed by STATUS_SQL from today's
 * date, passed as $1, so list filters and cards agree with studyStatus) and one for its total.
 * The leader's name is read from the user module's table in the same query and mapped by the user
 * module's summary rule.
 */
@Injectable()
export class StudyRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(
    today: string,
    filter: StudyFilter,
    at: { offset: number } | { after: { micros: string; id: string } },
    limit: number,
  ): Promise<StudyRow[]> {
    const params: unknown[] = [today];
    const where = this.where(filter, params, today);
    if ('after' in at) {
      params.push(at.after.micros, at.after.id);
      where.push(
        `(${CREATED_MICROS}, s.id) < ($${params.length - 1}::bigint, $${params.length}::uuid)`,
      );
    }
    params.push(limit);
    let sql = `${SELECT} WHERE ${where.join(' AND ')}
        ORDER BY s.created_at DESC, s.id DESC LIMIT $${params.length}`;
    if ('offset' in at) {
      params.push(at.offset);
      sql += ` OFFSET $${params.length}`;
    }
    const rows: RawStudy[] = await this.db.query(sql, params);
    return rows.map(toRow);
  }

  async count(today: string, filter: StudyFilter): Promise<number> {
    const params: unknown[] = [];
    const where = this.where(filter, params, today);
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS n FROM study s WHERE ${where.join(' AND ')}`,
      params,
    )) as { n: number }[];
    return row.n;
  }

  async findOne(today: string, id: string, manager?: EntityManager): Promise<StudyRow | null> {
    const rows: RawStudy[] = await (manager ?? this.db.manager).query(
      `${SELECT} WHERE s.id = $2 AND s.deleted_at IS NULL`,
      [today, id],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  async members(
    studyId: string,
  ): Promise<{ userId: string; joinedAt: Date; user: ReturnType<typeof toUserSummary> }[]> {
    const rows = (await this.db.query(
      `SELECT m.user_id, m.joined_at, u.nickname, u.avatar_key, u.deleted_at
         FROM study_member m JOIN app_user u ON u.id = m.user_id
        WHERE m.study_id = $1
        ORDER BY m.joined_at, m.user_id`,
      [studyId],
    )) as {
      user_id: string;
      joined_at: Date;
      nickname: string;
      avatar_key: string | null;
      deleted_at: Date | null;
    }[];
    return rows.map((r) => ({
      userId: r.user_id,
      joinedAt: r.joined_at,
      user: toUserSummary({
        id: r.user_id,
        nickname: r.nickname,
        avatarKey: r.avatar_key,
        deletedAt: r.deleted_at,
      }),
    }));
  }

  /** Tags of live studies starting with `prefix` (LIKE-escaped here), most used first. */
  async suggestTags(prefix: string, limit: number): Promise<{ tag: string; count: number }[]> {
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = (await this.db.query(
      `SELECT t.tag, count(*)::int AS count
         FROM study_tag t JOIN study s ON s.id = t.study_id AND s.deleted_at IS NULL
        WHERE t.tag LIKE $1
        GROUP BY t.tag
        ORDER BY count(*) DESC, t.tag
        LIMIT $2`,
      [like, limit],
    )) as { tag: string; count: number }[];
    return rows;
  }

  /** The filter's conditions; today's date is taken from $1 when params already hold it. */
  private where(filter: StudyFilter, params: unknown[], today: string): string[] {
    const where = ['s.deleted_at IS NULL'];
    if (filter.status) {
      if (params[0] !== today) params.push(today);
      const day = `$${params.indexOf(today) + 1}::date`;
      params.push(filter.status);
      where.push(`(${statusSql('s', day)}) = $${params.length}`);
    }
    if (filter.mode) {
      params.push(filter.mode);
      where.push(`s.mode = $${params.length}`);
    }
    if (filter.tag) {
      params.push(filter.tag);
      where.push(
        `EXISTS (SELECT 1 FROM study_tag t WHERE t.study_id = s.id AND t.tag = $${params.length})`,
      );
    }
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(s.title ILIKE $${params.length} OR s.description ILIKE $${params.length})`);
    }
    if (filter.memberId) {
      params.push(filter.memberId);
      where.push(
        `EXISTS (SELECT 1 FROM study_member m WHERE m.study_id = s.id AND m.user_id = $${params.length})`,
      );
    }
    return where;
  }
}

const SELECT = `SELECT s.id, s.title, s.description, s.start_date::text AS start_date,
       s.end_date::text AS end_date, s.mode, s.location, s.max_members, s.member_count,
       s.room_id, s.created_at, ${CREATED_MICROS}::text AS key,
       ${statusSql('s', '$1::date')} AS status,
       ARRAY(SELECT t.tag FROM study_tag t WHERE t.study_id = s.id ORDER BY t.tag) AS tags,
       u.id AS leader_id, u.nickname AS leader_nickname, u.avatar_key AS leader_avatar_key,
       u.deleted_at AS leader_deleted_at
  FROM study s JOIN app_user u ON u.id = s.leader_id`;

function toRow(r: RawStudy): StudyRow {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    startDate: r.start_date,
    endDate: r.end_date,
    mode: r.mode,
    location: r.location,
    maxMembers: r.max_members,
    memberCount: r.member_count,
    status: r.status,
    tags: r.tags,
    leader: toUserSummary({
      id: r.leader_id,
      nickname: r.leader_nickname,
      avatarKey: r.leader_avatar_key,
      deletedAt: r.leader_deleted_at,
    }),
    roomId: r.room_id,
    createdAt: r.created_at.toISOString(),
    key: r.key,
  };
}
