import {
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ContentPolicy } from '../user.events';

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; private: never part of a public payload. */
  @Index('uq_app_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Index('uq_app_user_nickname', { unique: true })
  @Column({ type: 'varchar', length: 20 })
  nickname: string;

  @Column({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  about: string;

  /** Profile links, each `{ label, url }` with an http(s) url. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  links: { label: string; url: string }[];

  /** Storage key of the current avatar (media module); null when none. */
  @Index('ix_app_user_avatar_key', { where: '"avatar_key" IS NOT NULL' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  avatarKey: string | null;

  /** When the user was last seen on a socket (set as presence goes on- or offline). */
  @Column({ type: 'timestamptz', nullable: true })
  lastActiveAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /** Chosen at deletion and kept, so the content policy can be re-applied if a listener failed. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  deletionContentPolicy: ContentPolicy | null;
}
