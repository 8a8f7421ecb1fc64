import type { ChatRoomKind } from '@orgo/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ChatUserRow } from '../chat-users.port';
import { bigintNumber } from './bigint.transformer';

@Entity('chat_room')
@Check('ck_chat_room_kind', `kind IN ('direct', 'group')`)
export class ChatRoomEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ChatRoomKind;

  /** Group rooms only; direct rooms show the other party instead. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  name: string | null;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @ManyToOne('app_user', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id' })
  owner?: ChatUserRow;

  /** "<smaller user id>:<larger user id>" for direct rooms: one room per pair. */
  @Index('uq_chat_room_direct_key', { unique: true })
  @Column({ type: 'varchar', length: 73, nullable: true })
  directKey: string | null;

  /** The last allocated message seq; bumped under the row lock in the sending transaction. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  lastSeq: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastMessageAt: Date | null;

  /** Set when the last member leaves; an archived room takes no new members or messages. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
