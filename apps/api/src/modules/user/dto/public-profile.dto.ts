import { ApiProperty } from '@nestjs/swagger';
import { ProfileLinkDto } from './profile-link.dto';
import { UserSummaryDto } from './user-summary.dto';

/** The viewer's relationship with a user; all false for an anonymous viewer. */
export class ViewerStateDto {
  @ApiProperty({ description: 'This is the viewer themselves.' })
  isSelf: boolean;

  @ApiProperty({ description: 'The viewer follows this user ("I follow").' })
  isFollowing: boolean;

  @ApiProperty({ description: 'This user follows the viewer ("follows me").' })
  followsMe: boolean;

  @ApiProperty({ description: 'The viewer blocked this user.' })
  isBlocked: boolean;

  @ApiProperty({ description: 'The viewer muted this user.' })
  isMuted: boolean;
}

export class FollowCountsDto {
  @ApiProperty({ minimum: 0 })
  followers: number;

  @ApiProperty({ minimum: 0 })
  following: number;
}

export class PresenceDto {
  @ApiProperty()
  online: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastActiveAt: string | null;
}

export class PublicProfileDto extends UserSummaryDto {
  @ApiProperty({ maxLength: 500 })
  about: string;

  @ApiProperty({ type: () => ProfileLinkDto, isArray: true })
  links: ProfileLinkDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: () => FollowCountsDto })
  counts: FollowCountsDto;

  @ApiProperty({ type: () => ViewerStateDto })
  viewer: ViewerStateDto;

  @ApiProperty({
    type: () => PresenceDto,
    nullable: true,
    description: 'Only for the user themselves and their followers; null otherwise.',
  })
  presence: PresenceDto | null;
}
