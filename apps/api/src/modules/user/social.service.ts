import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { byActor } from '../../infra/events/event-actor';
import { decodeCursor } from '../../infra/http/pagination/keyset-cursor';
import { PAGE_DEFAULT, PageQueryDto, UserPageDto } from './dto/user-page.dto';
import { UserBlockEntity } from './entities/user-block.entity';
import { UserFollowEntity } from './entities/user-follow.entity';
import { UserMuteEntity } from './entities/user-mute.entity';
import { UserListKind, UserListsRepository } from './repositories/user-lists.repository';
import { UserErrors } from './user.errors';
import {
  canBlockOrMute,
  canSeeProfile,
  followDecision,
  NO_RELATIONSHIP,
  Relationship,
} from './user.policy';

/**
 * The social graph: follow, block, mute and the lists. Exported for other modules (chat asks
 * `follows` and `isBlockedEitherWay`). Every change to one pair of users runs under a lock on
 * that pair, so a follow can never slip in beside a concurrent block.
 */
@Injectable()
export class SocialService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(UserListsRepository) private readonly lists: UserListsRepository,
  ) {}

  async isBlockedEitherWay(a: string, b: string): Promise<boolean> {
    return this.db.getRepository(UserBlockEntity).exists({
      where: [
        { blockerId: a, blockedId: b },
        { blockerId: b, blockedId: a },
      ],
    });
  }

  async follows(followerId: string, followeeId: string): Promise<boolean> {
    return this.db.getRepository(UserFollowEntity).exists({ where: { followerId, followeeId } });
  }

  /** The viewer's standing with a live user; null when the user does not exist or was deleted. */
  async relationship(
    viewerId: string | null,
    userId: string,
    manager: EntityManager = this.db.manager,
  ): Promise<Relationship | null> {
    const [row] = (await manager.query(
      `SELECT u.id = $2 AS is_self,
              EXISTS (SELECT 1 FROM user_follow WHERE follower_id = $2 AND followee_id = u.id) AS is_following,
              EXISTS (SELECT 1 FROM user_follow WHERE follower_id = u.id AND followee_id = $2) AS follows_me,
              EXISTS (SELECT 1 FROM user_block WHERE blocker_id = $2 AND blocked_id = u.id) AS is_blocked,
              EXISTS (SELECT 1 FROM user_block WHERE blocker_id = u.id AND blocked_id = $2) AS blocks_me,
              EXISTS (SELECT 1 FROM user_mute WHERE muter_id = $2 AND muted_id = u.id) AS is_muted
         FROM app_user u
        WHERE u.id = $1 AND u.deleted_at IS NULL`,
      [userId, viewerId],
    )) as Record<string, boolean | null>[];
    if (!row) return null;
    if (!viewerId) return { ...NO_RELATIONSHIP };
    return {
      isSelf: row.is_self === true,
      isFollowing: row.is_following === true,
      followsMe: row.follows_me === true,
      isBlocked: row.is_blocked === true,
      blocksMe: row.blocks_me === true,
      isMuted: row.is_muted === true,
    };
  }

  /** Idempotent; the edge is unique by its primary key and the pair lock. */
  async follow(viewerId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rel = await this.lockedRelationship(tx, viewerId, userId);
      const decision = followDecision(rel);
      if (decision === 'self') throw UserErrors.followSelf();
      if (decision === 'hidden') throw UserErrors.notFound();
      if (decision === 'blocked') throw UserErrors.followBlocked();
      if (rel.isFollowing) return;
      const repo = tx.getRepository(UserFollowEntity);
      await repo.save(repo.create({ followerId: viewerId, followeeId: userId }), byActor(viewerId));
    });
  }

  /** Removes only the viewer's own edge; idempotent. */
  async unfollow(viewerId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rel = await this.lockedRelationship(tx, viewerId, userId);
      if (rel.isSelf) throw UserErrors.followSelf();
      await this.removeEdges(tx, viewerId, UserFollowEntity, [
        { followerId: viewerId, followeeId: userId },
      ]);
    });
  }

  /** Idempotent; also ends both follows between the two users. */
  async block(viewerId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rel = await this.lockedRelationship(tx, viewerId, userId);
      if (!canBlockOrMute(rel)) throw UserErrors.blockSelf();
      if (!rel.isBlocked) {
        const repo = tx.getRepository(UserBlockEntity);
        await repo.save(repo.create({ blockerId: viewerId, blockedId: userId }), byActor(viewerId));
      }
      await this.removeEdges(tx, viewerId, UserFollowEntity, [
        { followerId: viewerId, followeeId: userId },
        { followerId: userId, followeeId: viewerId },
      ]);
    });
  }

  async unblock(viewerId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rel = await this.lockedRelationship(tx, viewerId, userId);
      if (!canBlockOrMute(rel)) throw UserErrors.blockSelf();
      await this.removeEdges(tx, viewerId, UserBlockEntity, [
        { blockerId: viewerId, blockedId: userId },
      ]);
    });
  }

  async mute(viewerId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rel = await this.lockedRelationship(tx, viewerId, userId);
      if (!canBlockOrMute(rel)) throw UserErrors.muteSelf();
      if (rel.isMuted) return;
      const repo = tx.getRepository(UserMuteEntity);
      await repo.save(repo.create({ muterId: viewerId, mutedId: userId }));
    });
  }

  async unmute(viewerId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rel = await this.lockedRelationship(tx, viewerId, userId);
      if (!canBlockOrMute(rel)) throw UserErrors.muteSelf();
      await this.removeEdges(tx, viewerId, UserMuteEntity, [
        { muterId: viewerId, mutedId: userId },
      ]);
    });
  }

  /** Followers or following of a user the viewer may see (anonymous viewers too). */
  async listOf(
    kind: Extract<UserListKind, 'followers' | 'following'>,
    viewerId: string | null,
    userId: string,
    query: PageQueryDto,
  ): Promise<UserPageDto> {
    const cursor = query.cursor ? decodeCursor(query.cursor, 'timestamp') : null;
    const rel = await this.relationship(viewerId, userId);
    if (!rel || !canSeeProfile(rel)) throw UserErrors.notFound();
    return this.lists.page(kind, userId, viewerId, cursor, query.limit ?? PAGE_DEFAULT);
  }

  /** The viewer's own blocked or muted users. */
  async myList(
    kind: Extract<UserListKind, 'blocks' | 'mutes'>,
    viewerId: string,
    query: PageQueryDto,
  ): Promise<UserPageDto> {
    const cursor = query.cursor ? decodeCursor(query.cursor, 'timestamp') : null;
    return this.lists.page(kind, viewerId, viewerId, cursor, query.limit ?? PAGE_DEFAULT);
  }

  async counts(userId: string): Promise<{ followers: number; following: number }> {
    const [row] = (await this.db.query(
      `SELECT (SELECT count(*) FROM user_follow f JOIN app_user u ON u.id = f.follower_id
                WHERE f.followee_id = $1 AND u.deleted_at IS NULL)::int AS followers,
              (SELECT count(*) FROM user_follow f JOIN app_user u ON u.id = f.followee_id
                WHERE f.follower_id = $1 AND u.deleted_at IS NULL)::int AS following`,
      [userId],
    )) as { followers: number; following: number }[];
    return { followers: row?.followers ?? 0, following: row?.following ?? 0 };
  }

  /**
   * For each user, those who follow them and whom they follow back (a block has already removed
   * any follow between the two).
   */
  async mutualFollowersOf(userIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (userIds.length === 0) return out;
    const rows = (await this.db.query(
      `SELECT f.followee_id AS "userId", f.follower_id AS "followerId" FROM user_follow f
         JOIN user_follow b ON b.follower_id = f.followee_id AND b.followee_id = f.follower_id
        WHERE f.followee_id = ANY($1::uuid[])`,
      [userIds],
    )) as { userId: string; followerId: string }[];
    for (const r of rows) {
      const list = out.get(r.userId) ?? [];
      list.push(r.followerId);
      out.set(r.userId, list);
    }
    return out;
  }

  /** The subset of `userIds` that the viewer follows and that follow the viewer back. */
  async mutualAmong(viewerId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = (await this.db.query(
      `SELECT f.followee_id AS id FROM user_follow f
         JOIN user_follow b ON b.follower_id = f.followee_id AND b.followee_id = f.follower_id
        WHERE f.follower_id = $1 AND f.followee_id = ANY($2::uuid[])`,
      [viewerId, userIds],
    )) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Serialises every change to one pair of users, then reads where they stand. */
  private async lockedRelationship(
    tx: EntityManager,
    viewerId: string,
    userId: string,
  ): Promise<Relationship> {
    const pair = [viewerId, userId].sort().join(':');
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`user-pair:${pair}`]);
    const rel = await this.relationship(viewerId, userId, tx);
    if (!rel) throw UserErrors.notFound();
    return rel;
  }

  /**
   * Loads then removes, so the entity subscribers see each removed edge and record its event,
   * with `actorId` as who removed it (a block ends the other user's follow too).
   */
  private async removeEdges<E extends UserFollowEntity | UserBlockEntity | UserMuteEntity>(
    tx: EntityManager,
    actorId: string,
    entity: new () => E,
    keys: Partial<E>[],
  ): Promise<void> {
    const repo = tx.getRepository(entity);
    const rows = await repo.find({ where: keys as never });
    if (rows.length) await repo.remove(rows, byActor(actorId));
  }
}
