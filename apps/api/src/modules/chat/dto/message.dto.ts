import { ApiProperty } from '@nestjs/swagger';
import type {
  ChatImage,
  ChatMessage,
  ChatMessageQuote,
  ChatReaction,
  ChatReadState,
  UserSummary,
} from '@orgo/contracts';
import { UserSummaryDto } from '../../user';
import type { ChatUserRow } from '../chat-users.port';
import type { ChatMessageEntity } from '../entities/chat-message.entity';

export class ReactionDto implements ChatReaction {
  @ApiProperty({ example: '👍' })
  emoji: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  userIds: string[];
}

export class MessageQuoteDto implements ChatMessageQuote {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  seq: number;

  @ApiProperty({ type: () => UserSummaryDto })
  sender: UserSummaryDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null once the quoted message is deleted.',
  })
  text: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deletedAt: string | null;
}

export class ChatImageDto implements ChatImage {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    description: 'Signed, expiring same-origin URL; append `&size=thumb` for the small version.',
  })
  url: string;

  @ApiProperty()
  width: number;

  @ApiProperty()
  height: number;
}

export class MessageDto implements ChatMessage {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  roomId: string;

  @ApiProperty({ description: 'Gap-free per room, starting at 1.' })
  seq: number;

  @ApiProperty({ format: 'uuid' })
  clientMessageId: string;

  @ApiProperty({ type: () => UserSummaryDto })
  sender: UserSummaryDto;

  @ApiProperty({ type: String, nullable: true, description: 'Null once deleted, or image only.' })
  text: string | null;

  @ApiProperty({ type: () => ChatImageDto, nullable: true })
  image: ChatImageDto | null;

  @ApiProperty({ type: () => MessageQuoteDto, nullable: true })
  replyTo: MessageQuoteDto | null;

  @ApiProperty({ type: () => [ReactionDto] })
  reactions: ReactionDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  editedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deletedAt: string | null;
}

export class ReadStateDto implements ChatReadState {
  @ApiProperty({ format: 'uuid' })
  roomId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  lastReadSeq: number;
}

export class MessagePageDto {
  @ApiProperty({ type: () => [MessageDto], description: 'Ascending by seq.' })
  items: MessageDto[];

  @ApiProperty({ description: 'The room’s last seq when the page was read.' })
  lastSeq: number;

  @ApiProperty()
  hasMoreBefore: boolean;

  @ApiProperty()
  hasMoreAfter: boolean;

  @ApiProperty({
    type: () => [ReadStateDto],
    description: 'Read positions of the members: "seen" and "seen by N".',
  })
  reads: ReadStateDto[];
}

/** How a message shows the users and images it holds (from the ChatUsers and ChatMedia ports). */
export interface MessageView {
  user(row: ChatUserRow): UserSummary;
  imageUrl(imageId: string): string;
}

/** Needs `sender` (and `replyTo.sender` for a reply) loaded. */
export function toMessage(
  entity: ChatMessageEntity,
  view: MessageView,
  reactions: ReactionDto[] = [],
): MessageDto {
  if (!entity.sender) throw new Error('chat message mapped without its sender loaded');
  if (entity.imageId && !entity.image) throw new Error('chat message mapped without its image');
  const reply = entity.replyTo;
  const deleted = entity.deletedAt !== null;
  const image = !deleted && entity.image ? entity.image : null;
  return {
    id: entity.id,
    roomId: entity.roomId,
    seq: entity.seq,
    clientMessageId: entity.clientMessageId,
    sender: view.user(entity.sender),
    text: deleted ? null : entity.text,
    image: image
      ? { id: image.id, url: view.imageUrl(image.id), width: image.width, height: image.height }
      : null,
    replyTo:
      reply && reply.sender
        ? {
            id: reply.id,
            seq: reply.seq,
            sender: view.user(reply.sender),
            text: reply.deletedAt ? null : reply.text,
            deletedAt: reply.deletedAt?.toISOString() ?? null,
          }
        : null,
    reactions: deleted ? [] : reactions,
    createdAt: entity.createdAt.toISOString(),
    editedAt: entity.editedAt?.toISOString() ?? null,
    deletedAt: entity.deletedAt?.toISOString() ?? null,
  };
}
