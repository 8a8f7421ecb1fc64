import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class AuthProvidersDto {
  @ApiProperty({ description: 'Whether "Continue with GitHub" is offered.' })
  github: boolean;

  @ApiProperty({ description: 'Whether "Continue with Google" is offered.' })
  google: boolean;
}

export class OAuthExchangeDto {
  @ApiProperty({
    description:
      'The one-time code from the fragment of /auth/callback (single use, short-lived, only in the browser that started the sign-in).',
  })
  @IsString()
  @Length(16, 128)
  code: string;

  @ApiPropertyOptional({
    description:
      'Browser clients: put the refresh token in an httpOnly cookie instead of the body.',
  })
  @IsOptional()
  @IsBoolean()
  useCookie?: boolean;
}
