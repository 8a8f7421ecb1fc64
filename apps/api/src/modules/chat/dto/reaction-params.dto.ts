import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength } from 'class-validator';

// Emoji only: pictographs, flags, keycaps, with skin tones, ZWJ sequences and variation selectors.
const EMOJI =
  /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9]\u{FE0F}?\u{20E3})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}|[\u{E0020}-\u{E007F}])*$/u;

export class ReactionParamsDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId: string;

  @ApiProperty({ example: '👍', description: 'One emoji (URL-encoded).' })
  @IsString()
  @MaxLength(32)
  @Matches(EMOJI, { message: 'emoji must be a single emoji' })
  emoji: string;
}
