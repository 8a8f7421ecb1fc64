import { ApiProperty } from '@nestjs/swagger';
import type { UserEntity } from '../entities/user.entity';
import { ProfileLinkDto } from './profile-link.dto';
import { avatarUrl } from './user-summary.dto';

/** The signed-in user's own view; the only payload that may carry the email. */
export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  nickname: string;

  @ApiProperty({ maxLength: 500 })
  about: string;

  @ApiProperty({ type: () => ProfileLinkDto, isArray: true, maxItems: 5 })
  links: ProfileLinkDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Same-origin URL of the avatar image, or null.',
  })
  avatarUrl: string | null;

  @ApiProperty({ description: 'Unverified accounts cannot post, comment, chat or join studies.' })
  emailVerified: boolean;

  @ApiProperty({
    description: 'False for social-only accounts: they set one through a reset link.',
  })
  hasPassword: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function toMeDto(user: UserEntity): MeDto {
  return {
    id: user.id,
    email: user.email,
    nickname: user.nickname,
    about: user.about,
    links: user.links.map(({ label, url }) => ({ label, url })),
    avatarUrl: avatarUrl(user.avatarKey),
    emailVerified: user.emailVerifiedAt !== null,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt.toISOString(),
  };
}
