import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsNickname, NICKNAME_MAX, NICKNAME_MIN } from '../nickname';
import { LINKS_MAX, ProfileLinkDto } from './profile-link.dto';

/** Every field is optional; a field left out keeps its value. */
export class UpdateProfileDto {
  @ApiPropertyOptional({
    minLength: NICKNAME_MIN,
    maxLength: NICKNAME_MAX,
    example: '용감한다람쥐',
  })
  @IsOptional()
  @IsNickname()
  nickname?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  about?: string;

  @ApiPropertyOptional({ type: () => ProfileLinkDto, isArray: true, maxItems: LINKS_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LINKS_MAX)
  @ValidateNested({ each: true })
  @Type(() => ProfileLinkDto)
  links?: ProfileLinkDto[];
}
