import { PRESENCE_GET_MAX } from '@orgo/contracts';
import { ArrayMaxSize, IsArray, IsUUID } from 'class-validator';

export class PresenceGetDto {
  @IsArray()
  @ArrayMaxSize(PRESENCE_GET_MAX)
  @IsUUID('all', { each: true })
  userIds: string[];
}
