import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { ChatImageRef } from '../chat-media.port';
import type { ChatUserRow } from '../chat-users.port';
import { ChatRoomEntity } from './chat-room.entity';
import { bigintNumber } from './bigint.transformer';

@Entity('chat_message')
@Unique('uq_chat_message_room_seq', ['roomId', 'seq'])
@Unique('uq_chat_message_sender_client_id', ['senderId', 'clientMessageId'])
@Unique('uq_chat_message_image', ['imageId'])
@Index('ix_chat_message_room_created', ['roomId', 'createdAt'])
export class ChatMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => ChatRoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: ChatRoomEntity;

  /** Gap-free per room, allocated from chat_room.last_seq in the same transaction. */
  @Column({ type: 'bigint', transformer: bigintNumber })
  seq: number;

  @Column({ type: 'uuid' })
  senderId: string;

  // History outlives accounts: users are soft-deleted, so the row they wrote stays.
  // Other modules' tables are named rather than imported (chat reads them through its ports).
  @ManyToOne('app_user', { onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'sender_id' })
  sender?: ChatUserRow;

  @Column({ type: 'uuid' })
  clientMessageId: string;

  /** Null once deleted (the text is gone, the place in the sequence stays), or image only. */
  @Column({ type: 'varchar', length: 4000, nullable: true })
  text: string | null;

  @Column({ type: 'uuid', nullable: true })
  replyToId: string | null;

  @ManyToOne(() => ChatMessageEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reply_to_id' })
  replyTo?: ChatMessageEntity | null;

  /** An image uploaded to the room by the sender; one message per image. */
  @Column({ type: 'uuid', nullable: true })
  imageId: string | null;

  @ManyToOne('media_object', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'image_id' })
  image?: ChatImageRef | null;

  /** Set from the same clock reading as chat_room.last_message_at, so it grows with seq. */
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
