import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { ContentPolicies, type ContentPolicy } from '../../user';
import { PASSWORD_MAX, PASSWORD_MIN } from '../password.policy';
import { trimLower } from './auth.dto';

export class VerifyEmailDto {
  @ApiProperty({ example: '042917', pattern: '^[0-9]{6}$' })
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class VerifyEmailLinkDto {
  @ApiProperty({ description: 'The `token` query parameter of the link in the mail.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class EmailResendDto {
  @ApiProperty({ description: 'Seconds before another code can be requested.' })
  cooldownSec: number;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'climber@example.com', maxLength: 254 })
  @Transform(trimLower)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;
}

export class AcceptedDto {
  @ApiProperty({ example: 'If an account uses this address, a reset link is on its way.' })
  message: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The `token` query parameter of the link in the mail.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty({ maxLength: PASSWORD_MAX })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @Length(PASSWORD_MIN, PASSWORD_MAX)
  newPassword: string;
}

export class DeleteAccountDto {
  @ApiPropertyOptional({
    maxLength: PASSWORD_MAX,
    description: 'Required when the account has a password.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password?: string;

  @ApiProperty({
    enum: ContentPolicies,
    enumName: 'ContentPolicy',
    description:
      '`anonymize`: posts and comments stay, shown as a deleted user. `remove`: deleted.',
  })
  @IsIn(ContentPolicies)
  contentPolicy: ContentPolicy;
}

export class ChangeEmailDto {
  @ApiProperty({ example: 'new-address@example.com', maxLength: 254 })
  @Transform(trimLower)
  @IsEmail({}, { message: 'newEmail must be a valid email address' })
  @MaxLength(254)
  newEmail: string;

  @ApiPropertyOptional({
    description:
      'The current password; required when the account has one. A password-less account needs a recent sign-in instead.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(PASSWORD_MAX)
  password?: string;
}

export class ChangeEmailPendingDto {
  @ApiProperty({ description: 'Where the code was sent.' })
  newEmail: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;
}

export class ConfirmEmailChangeDto {
  @ApiProperty({ example: '042917', pattern: '^[0-9]{6}$' })
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class SignInMethodDto {
  @ApiProperty({ example: 'google', description: 'A linked social sign-in provider.' })
  provider: string;

  @ApiProperty({ format: 'date-time' })
  linkedAt: string;
}

export class SignInMethodsDto {
  @ApiProperty({ description: 'Signs in with email and password.' })
  password: boolean;

  @ApiProperty({ type: () => SignInMethodDto, isArray: true })
  providers: SignInMethodDto[];

  @ApiProperty({
    type: () => ChangeEmailPendingDto,
    nullable: true,
    description: 'A change of email waiting for its code, if any.',
  })
  pendingEmailChange: ChangeEmailPendingDto | null;
}
