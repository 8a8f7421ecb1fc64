import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../../user';

/**
 * A requested change of an account's email: the new address and the code mailed to it (stored
 * only hashed). The address is not reserved: it is checked again when the code is confirmed.
 */
@Entity('auth_email_change')
export class EmailChangeEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Lower-cased, like `app_user.email`. */
  @Column({ type: 'varchar', length: 254 })
  newEmail: string;

  /** HMAC of the 6-digit code, keyed by the server secret and bound to the user and address. */
  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
