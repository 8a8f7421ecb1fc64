import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import type { UserEntity } from '../../user';

export const MEDIA_PURPOSES = ['avatar', 'chat', 'post'] as const;
export type MediaPurpose = (typeof MEDIA_PURPOSES)[number];

/** One stored image (its full and thumbnail objects). The id is the public, random key. */
@Entity('media_object')
@Index('ix_media_object_owner', ['ownerId', 'createdAt'])
export class MediaObjectEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Null once the owner is gone: the objects are then orphans for cleanup, not silently lost. */
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  // Named, not imported: the user module depends on media, so media only knows its type.
  @ManyToOne('UserEntity', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  purpose: MediaPurpose;

  @Column({ type: 'varchar', length: 64 })
  contentType: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'integer' })
  byteSize: number;

  @Column({ type: 'integer' })
  thumbByteSize: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
