import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../../../user';
import type { OAuthProviderName } from '../oauth.policy';

/** A social sign-in linked to an account; the identity is (provider, provider user id), never the email. */
@Entity('auth_identity')
@Index('uq_auth_identity_provider_user', ['provider', 'providerUserId'], { unique: true })
export class AuthIdentityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  provider: OAuthProviderName;

  @Column({ type: 'varchar', length: 255 })
  providerUserId: string;

  @Index('ix_auth_identity_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** The provider's verified address when linked; private, like app_user.email. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
