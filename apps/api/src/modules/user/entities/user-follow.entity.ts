import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** "follower follows followee"; the primary key makes the edge unique. */
@Entity('user_follow')
@Index('ix_user_follow_followee_created', ['followeeId', 'createdAt', 'followerId'])
@Index('ix_user_follow_follower_created', ['followerId', 'createdAt', 'followeeId'])
export class UserFollowEntity {
  @PrimaryColumn('uuid')
  followerId: string;

  @PrimaryColumn('uuid')
  followeeId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follower_id' })
  follower?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'followee_id' })
  followee?: UserEntity;
}
