import { ApiProperty } from '@nestjs/swagger';
import type { UserEntity } from '../entities/user.entity';

/** The public face of a user in every payload that mentions one. Never carries the email. */
export class UserSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  nickname: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Same-origin URL of the avatar image, or null.',
  })
  avatarUrl: string | null;
}

/** Avatars are served by the media module at /api/media/<key>. */
export function avatarUrl(key: string | null): string | null {
  return key ? `/api/media/${key}` : null;
}

export function toUserSummary(
  user: Pick<UserEntity, 'id' | 'nickname' | 'avatarKey' | 'deletedAt'>,
): UserSummaryDto {
  return { id: user.id, nickname: user.nickname, avatarUrl: avatarUrl(user.avatarKey) };
}
