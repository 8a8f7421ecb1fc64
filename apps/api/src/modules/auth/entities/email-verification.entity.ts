import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
} from 'typeorm';
import { UserEntity } from '../../user';

/** The pending email check of one account: a code and a link token, both stored only hashed. */
@Entity('auth_email_verification')
export class EmailVerificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** HMAC of the 6-digit code, keyed by the server secret and bound to the user. */
  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Index('uq_auth_email_verification_token', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  /** Wrong codes entered; at the limit the code is dead until a new one is sent. */
  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
