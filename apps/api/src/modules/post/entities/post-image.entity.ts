import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MediaObjectEntity } from '../../media';
import { PostEntity } from './post.entity';

/** An uploaded image (media purpose `post`) in a post, at a position; one post per image. */
@Entity('post_image')
@Index('ix_post_image_post_position', ['postId', 'position'])
export class PostImageEntity {
  @PrimaryColumn('uuid')
  mediaId: string;

  @ManyToOne(() => MediaObjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'media_id' })
  media?: MediaObjectEntity;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: PostEntity;

  @Column({ type: 'smallint' })
  position: number;
}
