import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StudyEntity } from './study.entity';

/** A current membership (the leader's included); leaving deletes the row. */
@Entity('study_member')
@Index('ix_study_member_user', ['userId'])
export class StudyMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  studyId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => StudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: StudyEntity;

  @ManyToOne('app_user', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;
}
