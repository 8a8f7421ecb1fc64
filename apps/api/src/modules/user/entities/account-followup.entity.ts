import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ContentPolicy } from '../user.events';

/**
 * One module's share of an account deletion (chat: leave the group rooms; posts: apply the content
 * policy). Written in the deletion's transaction, marked done by the module's handler, retried by
 * the reconciler until then.
 */
@Entity('account_followup')
@Index('ix_account_followup_pending', ['lastAttemptAt'], { where: '"done_at" IS NULL' })
export class AccountFollowupEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  module: string;

  @Column({ type: 'varchar', length: 16 })
  contentPolicy: ContentPolicy;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Null until the first attempt; the reconciler retries rows whose last attempt is old enough. */
  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
