import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../user';
import { PostEntity } from './post.entity';

/**
 * The Following feed, written ahead: one row per post of someone a user follows. A new post is
 * added for each follower in its own transaction; a follow adds the followee's posts, an unfollow
 * takes them out (both in the follow's transaction, serialised with the author's new posts).
 * Reads still apply every visibility rule (deleted posts, removed authors, blocks, mutes).
 */
@Entity('post_inbox')
@Index('ix_post_inbox_feed', ['userId', 'createdAt', 'postId'])
export class PostInboxEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('uuid')
  postId: string;

  /** The post's author and creation time, copied so the feed is read off this table's index. */
  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;
}
