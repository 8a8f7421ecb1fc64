import { ApiProperty } from '@nestjs/swagger';
import type { UserEntity } from '../entities/user.entity';

/** The signed-in user's own view; the only payload that may carry the email. */
export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  nickname: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export function toMeDto(user: UserEntity): MeDto {
  return {
    id: user.id,
    email: user.email,
    nickname: user.nickname,
    createdAt: user.createdAt.toISOString(),
  };
}
