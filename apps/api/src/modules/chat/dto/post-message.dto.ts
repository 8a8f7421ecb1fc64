import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SendMessagePayload } from '@orgo/contracts';
import { IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { MESSAGE_TEXT_MAX } from '../chat.policy';

/** REST body of `POST /chat/rooms/:roomId/messages`; the author is the caller, never a field. */
export class PostMessageDto {
  @ApiProperty({
    format: 'uuid',
    description: 'Chosen by the client; resending it returns the original message (200).',
  })
  @IsUUID()
  clientMessageId: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MESSAGE_TEXT_MAX,
    description: 'Required unless `imageId` is given.',
  })
  // Text is required unless an image is given (null is not an image).
  @ValidateIf((o: PostMessageDto) => o.imageId == null || o.text !== undefined)
  @IsString()
  @Length(1, MESSAGE_TEXT_MAX)
  @Matches(/\S/, { message: 'text must not be blank' })
  text?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An image the sender uploaded to this room (`POST …/images`), not yet sent.',
  })
  @IsOptional()
  @IsUUID()
  imageId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A message of the same room to quote.' })
  @IsOptional()
  @IsUUID()
  replyToId?: string;
}

/** Socket payload of `message.send`. */
export class SendMessageDto extends PostMessageDto implements SendMessagePayload {
  @IsUUID()
  roomId: string;
}

export class EditMessageDto {
  @ApiProperty({ minLength: 1, maxLength: MESSAGE_TEXT_MAX })
  @IsString()
  @Length(1, MESSAGE_TEXT_MAX)
  @Matches(/\S/, { message: 'text must not be blank' })
  text: string;
}
