import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { StudyMode, StudyStatus } from '@orgo/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { CursorQueryDto } from '../../../infra/http/pagination/cursor-query.dto';
import {
  DESCRIPTION_MAX,
  isCalendarDay,
  LOCATION_MAX,
  MEMBERS_MAX,
  MEMBERS_MIN,
  PAGE_MAX,
  PAGE_NUMBER_MAX,
  PAGE_SIZE,
  STUDY_STATUSES,
  TAG_MAX,
  TAGS_MAX,
  TAGS_MIN,
  TITLE_MAX,
} from '../study.policy';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const MODES: StudyMode[] = ['online', 'offline'];

function IsCalendarDay(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) => isCalendarDay(value),
      defaultMessage: (args) => `${args?.property ?? 'date'} must be a real date as YYYY-MM-DD`,
    },
  });
}

export class CreateStudyDto {
  @ApiProperty({ minLength: 1, maxLength: TITLE_MAX })
  @Transform(trim)
  @IsString()
  @Length(1, TITLE_MAX)
  title: string;

  @ApiProperty({ maxLength: DESCRIPTION_MAX })
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description: string;

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsCalendarDay()
  startDate: string;

  @ApiProperty({ format: 'date', description: 'On or after startDate, and not in the past.' })
  @IsCalendarDay()
  endDate: string;

  @ApiProperty({ enum: MODES })
  @IsIn(MODES)
  mode: StudyMode;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LOCATION_MAX })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(LOCATION_MAX)
  location?: string | null;

  @ApiProperty({ minimum: MEMBERS_MIN, maximum: MEMBERS_MAX, description: 'The leader counts.' })
  @IsInt()
  @Min(MEMBERS_MIN)
  @Max(MEMBERS_MAX)
  maxMembers: number;

  @ApiProperty({
    type: [String],
    minItems: TAGS_MIN,
    maxItems: TAGS_MAX,
    description: `Stored lower case; letters, digits and + # . _ - (not first), up to ${TAG_MAX} characters each; duplicates merge.`,
  })
  @IsArray()
  @ArrayMinSize(TAGS_MIN)
  @ArrayMaxSize(TAGS_MAX * 2)
  @IsString({ each: true })
  @MaxLength(TAG_MAX * 2, { each: true })
  tags: string[];
}

/** Any subset of the fields; the leader only. maxMembers never below the current count. */
export class UpdateStudyDto extends PartialType(CreateStudyDto) {}

export class TransferLeaderDto {
  @ApiProperty({ format: 'uuid', description: 'A current member of the study.' })
  @IsUUID()
  userId: string;
}

export class ListStudiesQueryDto extends CursorQueryDto({
  defaultLimit: PAGE_SIZE,
  maxLimit: PAGE_MAX,
}) {
  @ApiPropertyOptional({ enum: STUDY_STATUSES })
  @IsOptional()
  @IsIn(STUDY_STATUSES)
  status?: StudyStatus;

  @ApiPropertyOptional({ enum: MODES })
  @IsOptional()
  @IsIn(MODES)
  mode?: StudyMode;

  @ApiPropertyOptional({
    maxLength: TAG_MAX * 2,
    description: 'One tag, matched exactly once normalised.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TAG_MAX * 2)
  tag?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Words in the title or description.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: PAGE_NUMBER_MAX,
    default: 1,
    description: `Numbered page of \`limit\` (${PAGE_SIZE} by default); ignored when a cursor is given.`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_NUMBER_MAX)
  page?: number;
}

export class TagQueryDto {
  @ApiPropertyOptional({
    maxLength: TAG_MAX,
    description: 'The start of a tag; empty for the most used.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TAG_MAX)
  prefix?: string;
}
