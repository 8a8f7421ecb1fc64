import { ApiProperty } from '@nestjs/swagger';
import type { ChatMember, ChatMemberRole, ChatRoomKind } from '@orgo/contracts';
import { UserSummaryDto } from '../../user';
import type { Page } from '../../../infra/http/pagination/cursor-query.dto';

export class MessagePreviewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  seq: number;

  @ApiProperty({ type: () => UserSummaryDto })
  sender: UserSummaryDto;

  @ApiProperty({ type: String, nullable: true, description: 'Null when deleted.' })
  text: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deletedAt: string | null;
}

export class RoomDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['direct', 'group'] })
  kind: ChatRoomKind;

  @ApiProperty({ type: String, nullable: true, description: 'Group rooms only.' })
  name: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId: string | null;

  @ApiProperty({
    type: () => UserSummaryDto,
    nullable: true,
    description: 'Direct rooms: the other party.',
  })
  peer: UserSummaryDto | null;

  @ApiProperty()
  memberCount: number;

  @ApiProperty({ description: 'The last message seq; 0 when empty.' })
  lastSeq: number;

  @ApiProperty({ description: 'My read position.' })
  lastReadSeq: number;

  @ApiProperty({
    description: 'Messages after my read position that are not mine and not deleted.',
  })
  unreadCount: number;

  @ApiProperty({ type: () => MessagePreviewDto, nullable: true })
  lastMessage: MessagePreviewDto | null;

  @ApiProperty({ format: 'date-time', description: 'Last message time, or creation time.' })
  lastActivityAt: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MemberDto implements ChatMember {
  @ApiProperty({ type: () => UserSummaryDto })
  user: UserSummaryDto;

  @ApiProperty({ enum: ['member', 'owner'] })
  role: ChatMemberRole;

  @ApiProperty()
  lastReadSeq: number;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class RoomDetailDto extends RoomDto {
  @ApiProperty({ type: () => [MemberDto] })
  members: MemberDto[];
}

export class RoomPageDto implements Page<RoomDto> {
  @ApiProperty({ type: () => [RoomDto], description: 'Most recent activity first.' })
  items: RoomDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
