import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../user';

@Entity('post')
// Feeds: newest first over live posts; an author's posts on their profile.
@Index('ix_post_feed', ['createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('ix_post_author_created', ['authorId', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Check('ck_post_counts', '"like_count" >= 0 AND "comment_count" >= 0 AND "view_count" >= 0')
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  authorId: string;

  // Posts outlive accounts: users are soft-deleted, the content policy decides what stays.
  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** Plain text; the SPA renders line breaks and links, never HTML. */
  @Column({ type: 'varchar', length: 20000 })
  content: string;

  @Column({ type: 'integer', default: 0 })
  likeCount: number;

  /** Live comments and replies. */
  @Column({ type: 'integer', default: 0 })
  commentCount: number;

  @Column({ type: 'integer', default: 0 })
  viewCount: number;

  /**
   * The number of images and the first one (its media id and size): written with the images,
   * in the same statement as `post_image`, so a feed card reads them off the post row.
   */
  @Column({ type: 'smallint', default: 0 })
  imageCount: number;

  @Column({ type: 'uuid', nullable: true })
  coverMediaId: string | null;

  @Column({ type: 'integer', nullable: true })
  coverWidth: number | null;

  @Column({ type: 'integer', nullable: true })
  coverHeight: number | null;

  /** Read with microsecond precision as text for the feed cursor. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
