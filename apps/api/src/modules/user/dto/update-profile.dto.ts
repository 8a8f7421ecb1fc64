import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { LINKS_MAX, ProfileLinkDto } from './profile-link.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Letters (any script, so Korean), digits, `_ . -`, and single spaces between words. */
export const NICKNAME_PATTERN = /^[\p{L}\p{N}_.-]+(?: [\p{L}\p{N}_.-]+)*$/u;

/** Every field is optional; a field left out keeps its value. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 20, example: '용감한다람쥐' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 20)
  @Matches(NICKNAME_PATTERN, {
    message: 'nickname may hold letters, digits, _ . - and single spaces between words',
  })
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
