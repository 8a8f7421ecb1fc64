import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsNickname, MeDto, NICKNAME_MAX, NICKNAME_MIN } from '../../user';
import { PASSWORD_MAX, PASSWORD_MIN } from '../password.policy';

export const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SignupDto {
  @ApiProperty({ example: 'climber@example.com', maxLength: 254 })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  password: string;

  @ApiPropertyOptional({
    minLength: NICKNAME_MIN,
    maxLength: NICKNAME_MAX,
    description: 'Defaults to a Korean "adjective + animal" name.',
  })
  @IsOptional()
  @IsNickname()
  nickname?: string;

  @ApiPropertyOptional({
    description:
      'Browser clients: put the refresh token in an httpOnly cookie instead of the body.',
  })
  @IsOptional()
  @IsBoolean()
  useCookie?: boolean;
}

export class LoginDto {
  @ApiProperty({ example: 'climber@example.com' })
  @Transform(trimLower)
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  useCookie?: boolean;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'API clients send the token here; browsers rely on the cookie.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  useCookie?: boolean;
}

export class AuthTokensDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ description: 'Access token lifetime in seconds.' })
  expiresIn: number;

  @ApiPropertyOptional({ description: 'Only when the cookie was not requested.' })
  refreshToken?: string;

  @ApiProperty({ type: () => MeDto })
  user: MeDto;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  userAgent: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  lastUsedAt: string;

  @ApiProperty()
  current: boolean;
}
