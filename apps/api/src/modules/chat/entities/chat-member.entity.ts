import type { ChatMemberRole } from '@orgo/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ChatUserRow } from '../chat-users.port';
import { ChatRoomEntity } from './chat-room.entity';
import { bigintNumber } from './bigint.transformer';

/** A membership; `leftAt` set means it ended (the row stays so a rejoin keeps the read position). */
@Entity('chat_member')
@Index('ix_chat_member_user_active', ['userId'], { where: 'left_at IS NULL' })
@Check('ck_chat_member_role', `role IN ('member', 'owner')`)
export class ChatMemberEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => ChatRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: ChatRoomEntity;

  // The user module's table, named rather than imported (chat reads users through ChatUsers).
  @ManyToOne('app_user', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: ChatUserRow;

  @Column({ type: 'varchar', length: 10, default: 'member' })
  role: ChatMemberRole;

  /** Only moves forward; unread = messages after it that are not mine and not deleted. */
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  lastReadSeq: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
