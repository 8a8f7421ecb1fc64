import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StudyEntity } from './study.entity';

/** One normalised (lower-case) tag of a study; see studyPolicy.normaliseTag. */
@Entity('study_tag')
@Index('ix_study_tag_tag', ['tag'])
export class StudyTagEntity {
  @PrimaryColumn({ type: 'uuid' })
  studyId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  tag: string;

  @ManyToOne(() => StudyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'study_id' })
  study?: StudyEntity;
}
