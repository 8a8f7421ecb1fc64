import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

export class ReadRoomDto {
  @ApiProperty({ description: 'The seq read up to; clamped to the last seq, never moves back.' })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  seq: number;
}

/** Socket payload of `room.read`. */
export class ReadRoomEventDto extends ReadRoomDto {
  @IsUUID()
  roomId: string;
}

/** Socket payload of `room.join`, `typing.start` and `typing.stop`. */
export class RoomRefDto {
  @IsUUID()
  roomId: string;
}
