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

/** How posts, comments and messages of a withdrawn account show their author. */
export const DELETED_USER_LABEL = '탈퇴한 사용자';

/** Avatars are served by the media module at /api/media/<key>. */
export function avatarUrl(key: string | null): string | null {
  return key ? `/api/media/${key}` : null;
}

export function toUserSummary(
  user: Pick<UserEntity, 'id' | 'nickname' | 'avatarKey' | 'deletedAt'>,
): UserSummaryDto {
  // A withdrawn account's content stays (the "anonymize" policy) under one shared label.
  if (user.deletedAt) return { id: user.id, nickname: DELETED_USER_LABEL, avatarUrl: null };
  return { id: user.id, nickname: user.nickname, avatarUrl: avatarUrl(user.avatarKey) };
}
