import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ChatUserRow } from '../chat-users.port';
import { ChatMessageEntity } from './chat-message.entity';

@Entity('chat_reaction')
export class ChatReactionEntity {
  @PrimaryColumn({ type: 'uuid' })
  messageId: string;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  emoji: string;

  @ManyToOne(() => ChatMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: ChatMessageEntity;

  @ManyToOne('app_user', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: ChatUserRow;

  /** Copied from the message (which never changes room) so events can name the room. */
  @Column({ type: 'uuid' })
  roomId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
