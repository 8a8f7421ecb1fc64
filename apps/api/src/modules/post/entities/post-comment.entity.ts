import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../user';
import { PostEntity } from './post.entity';

@Entity('post_comment')
// One page of a post's top-level comments, or of one comment's replies, oldest first.
@Index('ix_post_comment_top', ['postId', 'createdAt', 'id'], { where: '"parent_id" IS NULL' })
@Index('ix_post_comment_replies', ['parentId', 'createdAt', 'id'], {
  where: '"parent_id" IS NOT NULL',
})
@Index('ix_post_comment_author', ['authorId'])
export class PostCommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** A top-level comment of the same post; null for a top-level comment. */
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => PostCommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'parent_id' })
  parent?: PostCommentEntity | null;

  @Column({ type: 'varchar', length: 2000 })
  content: string;

  /** Live replies; a deleted comment with replies stays in the thread as a placeholder. */
  @Column({ type: 'integer', default: 0 })
  replyCount: number;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
