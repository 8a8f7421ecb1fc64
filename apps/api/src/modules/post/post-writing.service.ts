import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import { RateLimitService } from '../../infra/http/rate-limit.service';
import { MediaService } from '../media';
import type { AccountDeletion } from '../user';
import type { CreatePostDto, UpdatePostDto } from './dto/post-input.dto';
import type { PostDetailDto, PostImageDto } from './dto/post.dto';
import { PostReadRepository } from './post-read.repository';
import { rowsOf } from './post-read.sql';
import { PostErrors } from './post.errors';
import './post.events';
import { fanOutPost, lockAuthorInboxes } from './post-inbox';
import { PostLimits, imagesChange } from './post.policy';

const UNIQUE_VIOLATION = '23505';
/** Class 22: a value Postgres cannot store (bad encoding, out of range). */
const DATA_EXCEPTION = /^22/;

interface LockedPost {
  id: string;
  author_id: string;
  title: string;
}

/**
 * Writing posts and their images: create, edit, delete, and a withdrawn author's removal. Each
 * write runs in one transaction and records its domain events on it, released after commit.
 */
@Injectable()
export class PostWritingService implements OnModuleInit {
  private readonly logger = new Logger(PostWritingService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PostReadRepository) private readonly reads: PostReadRepository,
    @Inject(MediaService) private readonly media: MediaService,
    @Inject(RateLimitService) private readonly limits: RateLimitService,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {}

  onModuleInit(): void {
    // The signed URL alone is not enough: the post must still be shown to this viewer. An upload
    // not yet in a post is visible to its uploader only (the composer's preview).
    this.media.registerAccessCheck('post', async (image, viewer) => {
      const rows: { author_id: string; visible: boolean }[] = await this.db.query(
        `SELECT p.author_id,
                (p.deleted_at IS NULL
                 AND u.deletion_content_policy IS DISTINCT FROM 'remove'
                 AND ($2::uuid IS NULL OR NOT EXISTS (
                   SELECT 1 FROM user_block b
                    WHERE (b.blocker_id = $2 AND b.blocked_id = p.author_id)
                       OR (b.blocker_id = p.author_id AND b.blocked_id = $2)))) AS visible
           FROM post_image i JOIN post p ON p.id = i.post_id JOIN app_user u ON u.id = p.author_id
          WHERE i.media_id = $1`,
        [image.id, viewer.userId ?? null],
      );
      if (!rows[0]) return !!viewer.userId && viewer.userId === image.ownerId;
      return rows[0].visible;
    });
    // Images of a live post are in use; uploads never attached and images of deleted posts
    // (their removal after commit failed) are the media sweep's.
    this.media.registerAttachmentCheck('post', async (ids) => {
      const rows: { media_id: string }[] = await this.db.query(
        `SELECT i.media_id FROM post_image i JOIN post p ON p.id = i.post_id
          WHERE i.media_id = ANY($1::uuid[]) AND p.deleted_at IS NULL`,
        [ids],
      );
      return new Set(rows.map((r) => r.media_id));
    });
  }

  /** Stores an image for a post being written; its `id` goes into `imageIds`. */
  async uploadImage(me: string, file: Readable): Promise<PostImageDto> {
    const image = await this.media.ingestImage(me, file, 'post');
    return this.reads.image(image.id, image.width, image.height);
  }

  async create(me: string, dto: CreatePostDto): Promise<PostDetailDto> {
    await this.hitLimit('createPerUser', me, 'You are posting too fast. Try again later.');
    const postId = await this.writing(() =>
      this.db.transaction(async (tx) => {
        await lockAuthorInboxes(tx, me);
        const [row]: { id: string }[] = await tx.query(
          'INSERT INTO post (author_id, title, content) VALUES ($1, $2, $3) RETURNING id',
          [me, dto.title, dto.content],
        );
        await this.attachImages(tx, me, row.id, dto.imageIds ?? [], []);
        await fanOutPost(tx, row.id);
        this.events.record(tx, 'post.created', {
          postId: row.id,
          actorId: me,
          postAuthorId: me,
          title: dto.title,
        });
        return row.id;
      }),
    );
    return this.detailOrFail(me, postId);
  }

  async update(me: string, postId: string, dto: UpdatePostDto): Promise<PostDetailDto> {
    const removed = await this.writing(() =>
      this.db.transaction(async (tx) => {
        const post = await this.lockOwnPost(tx, me, postId);
        let gone: string[] = [];
        if (dto.imageIds) {
          const current: { media_id: string }[] = await tx.query(
            'SELECT media_id FROM post_image WHERE post_id = $1 ORDER BY position',
            [postId],
          );
          gone = await this.attachImages(
            tx,
            me,
            postId,
            dto.imageIds,
            current.map((r) => r.media_id),
          );
        }
        const [row] = rowsOf<{ title: string }>(
          await tx.query(
            `UPDATE post SET title = COALESCE($2, title), content = COALESCE($3, content),
                  edited_at = clock_timestamp()
            WHERE id = $1 RETURNING title`,
            [postId, dto.title ?? null, dto.content ?? null],
          ),
        );
        this.events.record(tx, 'post.updated', {
          postId,
          actorId: me,
          postAuthorId: post.author_id,
          title: row.title,
        });
        return gone;
      }),
    );
    await this.removeImages(me, removed);
    return this.detailOrFail(me, postId);
  }

  /** Soft delete; the image objects go after commit (a failure is the media sweep's). */
  async remove(me: string, postId: string): Promise<void> {
    const images = await this.db.transaction(async (tx) => {
      const post = await this.lockOwnPost(tx, me, postId);
      await tx.query('UPDATE post SET deleted_at = clock_timestamp() WHERE id = $1', [postId]);
      const rows: { media_id: string }[] = await tx.query(
        'SELECT media_id FROM post_image WHERE post_id = $1',
        [postId],
      );
      this.events.record(tx, 'post.deleted', {
        postId,
        actorId: me,
        postAuthorId: post.author_id,
      });
      return rows.map((r) => r.media_id);
    });
    await this.removeImages(me, images);
  }

  /**
   * A withdrawn author's share: `anonymize` needs nothing (reads show "탈퇴한 사용자");
   * `remove` soft-deletes their posts and comments in one transaction, keeps every count right,
   * then deletes the removed posts' images. Idempotent.
   */
  async onAccountDeleted(deletion: AccountDeletion): Promise<void> {
    const userId = deletion.userId;
    // The account row keeps the policy chosen at deletion: the source of truth for every retry.
    const [account]: { policy: string | null }[] = await this.db.query(
      'SELECT deletion_content_policy AS policy FROM app_user WHERE id = $1',
      [userId],
    );
    if ((account?.policy ?? deletion.contentPolicy) !== 'remove') return;
    const images = await this.db.transaction(async (tx) => {
      // Posts before comments, in id order: the lock order of comment writes, so a comment
      // written meanwhile waits instead of deadlocking.
      await tx.query(
        `SELECT id FROM post
          WHERE author_id = $1 OR id IN (SELECT post_id FROM post_comment WHERE author_id = $1)
          ORDER BY id FOR UPDATE`,
        [userId],
      );
      const posts = rowsOf<{ id: string }>(
        await tx.query(
          `UPDATE post SET deleted_at = clock_timestamp()
          WHERE author_id = $1 AND deleted_at IS NULL RETURNING id`,
          [userId],
        ),
      );
      const comments: {
        id: string;
        post_id: string;
        parent_id: string | null;
        post_author_id: string;
        parent_author_id: string | null;
      }[] = await tx.query(
        `WITH gone AS (
           UPDATE post_comment SET deleted_at = clock_timestamp()
            WHERE author_id = $1 AND deleted_at IS NULL RETURNING id, post_id, parent_id)
         SELECT g.id, g.post_id, g.parent_id, p.author_id AS post_author_id,
                pc.author_id AS parent_author_id
           FROM gone g JOIN post p ON p.id = g.post_id
           LEFT JOIN post_comment pc ON pc.id = g.parent_id`,
        [userId],
      );
      const postIds = [...new Set(comments.map((c) => c.post_id))];
      const parentIds = [...new Set(comments.flatMap((c) => (c.parent_id ? [c.parent_id] : [])))];
      if (postIds.length)
        await tx.query(
          `UPDATE post p SET comment_count = (
             SELECT count(*) FROM post_comment c WHERE c.post_id = p.id AND c.deleted_at IS NULL)
            WHERE p.id = ANY($1::uuid[])`,
          [postIds],
        );
      if (parentIds.length)
        await tx.query(
          `UPDATE post_comment pc SET reply_count = (
             SELECT count(*) FROM post_comment r WHERE r.parent_id = pc.id AND r.deleted_at IS NULL)
            WHERE pc.id = ANY($1::uuid[])`,
          [parentIds],
        );
      for (const c of comments)
        this.events.record(tx, 'post.comment.deleted', {
          postId: c.post_id,
          actorId: userId,
          postAuthorId: c.post_author_id,
          commentId: c.id,
          commentAuthorId: userId,
          parentId: c.parent_id,
          parentAuthorId: c.parent_author_id,
        });
      for (const post of posts)
        this.events.record(tx, 'post.deleted', {
          postId: post.id,
          actorId: userId,
          postAuthorId: userId,
        });
      const rows: { media_id: string }[] = posts.length
        ? await tx.query('SELECT media_id FROM post_image WHERE post_id = ANY($1::uuid[])', [
            posts.map((p) => p.id),
          ])
        : [];
      return rows.map((r) => r.media_id);
    });
    await this.removeImages(userId, images);
  }

  private async detailOrFail(me: string, postId: string): Promise<PostDetailDto> {
    const post = await this.reads.detail(me, postId);
    if (!post) throw PostErrors.postNotFound();
    return post;
  }

  /** Locks the caller's live post; someone else's answers 403, a missing or deleted one 404. */
  private async lockOwnPost(tx: EntityManager, me: string, postId: string): Promise<LockedPost> {
    const [post]: (LockedPost & { deleted_at: Date | null })[] = await tx.query(
      'SELECT id, author_id, title, deleted_at FROM post WHERE id = $1 FOR UPDATE',
      [postId],
    );
    if (!post || post.deleted_at) throw PostErrors.postNotFound();
    if (post.author_id !== me) throw PostErrors.postNotOwn();
    return post;
  }

  /**
   * Makes `next` the post's images in this order. New ones must be the author's own unattached
   * `post` uploads (an image of another post, or someone else's, is not found). Returns the
   * images taken out, to delete after commit.
   */
  private async attachImages(
    tx: EntityManager,
    me: string,
    postId: string,
    next: string[],
    current: string[],
  ): Promise<string[]> {
    if (next.length === 0 && current.length === 0) return [];
    const { removed, added } = imagesChange(current, next);
    if (added.length) {
      // Locks the uploads (key share) so the media sweep cannot take them mid-attach.
      const own: { id: string }[] = await tx.query(
        `SELECT mo.id FROM media_object mo
          WHERE mo.id = ANY($1::uuid[]) AND mo.owner_id = $2 AND mo.purpose = 'post'
            AND NOT EXISTS (SELECT 1 FROM post_image i WHERE i.media_id = mo.id)
          FOR KEY SHARE`,
        [added, me],
      );
      if (own.length !== added.length) throw PostErrors.imageNotFound();
    }
    await tx.query('DELETE FROM post_image WHERE post_id = $1', [postId]);
    if (next.length)
      await tx.query(
        `INSERT INTO post_image (media_id, post_id, position)
         SELECT id, $2, ord - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
        [next, postId],
      );
    // The feed card's copy of the images: their number and the first one.
    await tx.query(
      `UPDATE post SET image_count = $2, cover_media_id = mo.id,
              cover_width = mo.width, cover_height = mo.height
         FROM (SELECT 1) one LEFT JOIN media_object mo ON mo.id = $3
        WHERE post.id = $1`,
      [postId, next.length, next[0] ?? null],
    );
    return removed;
  }

  private async removeImages(ownerId: string, ids: string[]): Promise<void> {
    for (const id of ids)
      await this.media
        .deleteOwned(ownerId, id)
        .catch((err: unknown) =>
          this.logger.error({ err, mediaId: id }, 'post image left for the media sweep'),
        );
  }

  private async hitLimit(
    rule: keyof typeof PostLimits,
    me: string,
    message: string,
  ): Promise<void> {
    if (!this.limits.enabled) return;
    RateLimitService.assertWithin(await this.limits.hit(PostLimits[rule], me), message);
  }

  /** Maps what the database refuses of the author's input (or a lost attach race) to a 4xx. */
  private async writing<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof QueryFailedError) {
        const code = (err.driverError as { code?: string })?.code ?? '';
        if (code === UNIQUE_VIOLATION) throw PostErrors.imageNotFound();
        if (DATA_EXCEPTION.test(code)) throw PostErrors.contentInvalid();
      }
      throw err;
    }
  }
}
