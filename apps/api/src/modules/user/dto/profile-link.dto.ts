import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUrl, Length, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const LINKS_MAX = 5;

/** A profile link; only http(s) so a stored link can never run script when clicked. */
export class ProfileLinkDto {
  @ApiProperty({ minLength: 1, maxLength: 30, example: 'GitHub' })
  @Transform(trim)
  @IsString()
  @Length(1, 30)
  label: string;

  @ApiProperty({ maxLength: 300, example: 'https://github.com/orgo' })
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http or https URL' },
  )
  url: string;
}
