import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** "muter mutes muted": one-way, silent; the muted user is never told. */
@Entity('user_mute')
@Index('ix_user_mute_muter_created', ['muterId', 'createdAt', 'mutedId'])
export class UserMuteEntity {
  @PrimaryColumn('uuid')
  muterId: string;

  @PrimaryColumn('uuid')
  mutedId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'muter_id' })
  muter?: UserEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'muted_id' })
  muted?: UserEntity;
}
