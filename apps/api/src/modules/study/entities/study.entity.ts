import type { StudyMode } from '@orgo/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * A study group. Its status is derived from the dates, `memberCount` and `maxMembers` (see
 * studyPolicy.studyStatus), never stored. `memberCount` moves only in the transaction that adds or
 * removes a study_member row, under a conditional UPDATE that keeps it within capacity.
 */
@Entity('study')
@Check('ck_study_mode', `mode IN ('online', 'offline')`)
@Check('ck_study_dates', `end_date >= start_date`)
@Check(
  'ck_study_capacity',
  `max_members BETWEEN 2 AND 100 AND member_count BETWEEN 0 AND max_members`,
)
@Index('ix_study_list', ['createdAt', 'id'], { where: 'deleted_at IS NULL' })
export class StudyEntity {
  /** Chosen before the insert, so the study room can point back at it in the same transaction. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 80 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  @Column({ type: 'varchar', length: 8 })
  mode: StudyMode;

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'int' })
  maxMembers: number;

  @Column({ type: 'int', default: 0 })
  memberCount: number;

  @Index('ix_study_leader')
  @Column({ type: 'uuid' })
  leaderId: string;

  // The user module's table, named rather than imported.
  @ManyToOne('app_user', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'leader_id' })
  leader?: unknown;

  /** The study's chat room (managed by the study), created with it. */
  @Column({ type: 'uuid' })
  roomId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Deleted by its leader, or closed when its last member withdrew; the room is archived. */
  @DeleteDateColumn({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
