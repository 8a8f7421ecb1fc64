import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** "blocker blocks blocked"; checked both ways, so the reverse lookup has its own index. */
@Entity('user_block')
@Index('ix_user_block_blocker_created', ['blockerId', 'createdAt', 'blockedId'])
@Index('ix_user_block_blocked', ['blockedId', 'blockerId'])
export class UserBlockEntity {
  @PrimaryColumn('uuid')
  blockerId: string;

  @PrimaryColumn('uuid')
  blockedId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocker_id' })
  blocker?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocked_id' })
  blocked?: UserEntity;
}
