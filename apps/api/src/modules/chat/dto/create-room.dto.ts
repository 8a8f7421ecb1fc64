import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import { GROUP_NAME_MAX } from '../chat.policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Members added per request; the room itself may hold up to GROUP_MEMBERS_MAX. */
export const MEMBERS_PER_REQUEST = 100;

export class CreateDirectRoomDto {
  @ApiProperty({ format: 'uuid', description: 'The other party.' })
  @IsUUID()
  userId: string;
}

export class CreateGroupRoomDto {
  @ApiProperty({ minLength: 1, maxLength: GROUP_NAME_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, GROUP_NAME_MAX)
  name: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MEMBERS_PER_REQUEST,
    description: 'Invited members besides the creator (who becomes the owner).',
  })
  @IsArray()
  @ArrayMaxSize(MEMBERS_PER_REQUEST)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  memberIds: string[];
}

export class RenameRoomDto {
  @ApiProperty({ minLength: 1, maxLength: GROUP_NAME_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, GROUP_NAME_MAX)
  name: string;
}

export class AddMembersDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MEMBERS_PER_REQUEST })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MEMBERS_PER_REQUEST)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  userIds: string[];
}
