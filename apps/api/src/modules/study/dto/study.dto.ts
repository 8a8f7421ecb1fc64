import { ApiProperty } from '@nestjs/swagger';
import type { StudyMode, StudyStatus } from '@orgo/contracts';
import { UserSummaryDto } from '../../user';
import { STUDY_STATUSES } from '../study.policy';

export class StudyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'date' })
  startDate: string;

  @ApiProperty({ format: 'date' })
  endDate: string;

  @ApiProperty({ enum: ['online', 'offline'] })
  mode: StudyMode;

  @ApiProperty({ type: String, nullable: true })
  location: string | null;

  @ApiProperty()
  maxMembers: number;

  @ApiProperty({ description: 'The leader included.' })
  memberCount: number;

  @ApiProperty({
    enum: STUDY_STATUSES,
    description: 'From the dates (UTC days), the count and the capacity; never stored.',
  })
  status: StudyStatus;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ type: () => UserSummaryDto })
  leader: UserSummaryDto;

  @ApiProperty({ format: 'uuid', description: 'The study chat room (members only).' })
  roomId: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class StudyMemberDto {
  @ApiProperty({ type: () => UserSummaryDto })
  user: UserSummaryDto;

  @ApiProperty()
  isLeader: boolean;

  @ApiProperty({ description: 'Whether the viewer follows this member (false when signed out).' })
  isFollowing: boolean;

  @ApiProperty({ format: 'date-time' })
  joinedAt: string;
}

export class StudyDetailDto extends StudyDto {
  @ApiProperty({ type: () => [StudyMemberDto], description: 'Longest-standing first.' })
  members: StudyMemberDto[];

  @ApiProperty({ enum: ['leader', 'member', 'none'], description: "The viewer's membership." })
  myMembership: 'leader' | 'member' | 'none';
}

export class StudyPageDto {
  @ApiProperty({ type: () => [StudyDto], description: 'Newest first.' })
  items: StudyDto[];

  @ApiProperty({ description: 'Studies matching the filters, over all pages.' })
  total: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The page number; null for a cursor page.',
  })
  page: number | null;

  @ApiProperty()
  pageSize: number;

  @ApiProperty({ type: String, nullable: true, description: 'The next page for infinite scroll.' })
  nextCursor: string | null;
}

export class MyStudiesDto {
  @ApiProperty({
    type: () => [StudyDto],
    description: 'Studies I lead or belong to, newest first.',
  })
  items: StudyDto[];
}

export class TagSuggestionDto {
  @ApiProperty()
  tag: string;

  @ApiProperty({ description: 'Studies using it.' })
  count: number;
}

export class TagSuggestionsDto {
  @ApiProperty({ type: () => [TagSuggestionDto] })
  items: TagSuggestionDto[];
}
