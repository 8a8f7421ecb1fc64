import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { MeDto } from '../user';
import {
  AcceptedDto,
  ChangePasswordDto,
  EmailResendDto,
  ForgotPasswordDto,
  ResetPasswordDto,
  VerifyEmailDto,
  VerifyEmailLinkDto,
} from './dto/account.dto';
import { EmailVerificationService } from './email-verification.service';
import { PasswordService } from './password.service';
import { ApiDoc } from '../../infra/http/api-doc';
import { AccountLimits } from './account.limits';
import { AuthErrors } from './auth.errors';

const FORGOT_ACCEPTED: AcceptedDto = {
  message: 'If an account uses this address, a reset link is on its way.',
};

/** Email verification and password recovery / change. */
@ApiTags('auth')
@Controller('auth')
export class CredentialsController {
  constructor(
    @Inject(EmailVerificationService) private readonly verification: EmailVerificationService,
    @Inject(PasswordService) private readonly passwords: PasswordService,
  ) {}

  @Post('email/verify')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Verify my email address with the mailed code',
    description: 'The 6-digit code is valid 10 minutes; 5 wrong tries lock it (request a new one).',
    errors: [AuthErrors.emailCodeInvalid, AuthErrors.emailCodeExpired, AuthErrors.emailCodeLocked],
    example: { code: '482913' },
  })
  verifyEmail(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: VerifyEmailDto,
  ): Promise<MeDto> {
    return this.verification.verifyCode(principal.userId, dto.code);
  }

  @Post('email/verify-link')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'Verify an email address with the mailed link',
    description: 'The `token` of the `/verify-email?token=…` link; single use, valid 10 minutes.',
    errors: [AuthErrors.emailLinkInvalid],
    example: { token: 'k3Jq0vX5bT1m…' },
  })
  verifyEmailLink(@Body() dto: VerifyEmailLinkDto): Promise<void> {
    return this.verification.verifyLink(dto.token);
  }

  @Post('email/resend')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiAcceptedResponse({ type: EmailResendDto })
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Mail a new verification code and link',
    description: 'Replaces the previous code; answers how long to wait before asking again.',
    errors: [AuthErrors.emailAlreadyVerified],
    limits: [
      '1 per minute per account (the answered `cooldownSec`)',
      AccountLimits.verifyMailPerAccountDay,
      AccountLimits.mailPerIpDay,
    ],
  })
  resendEmail(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<EmailResendDto> {
    return this.verification.resend(principal.userId, req.ip ?? 'unknown');
  }

  @Post('password/forgot')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiDoc({
    summary: 'Mail a password reset link',
    description:
      'Always answers 202 the same way, whether or not an account uses the address. The link is single use and valid `PASSWORD_RESET_TTL_SEC` (30 minutes by default).',
    errors: [],
    limits: [
      AccountLimits.resetMailPerAddressHour,
      AccountLimits.resetMailPerAddressDay,
      AccountLimits.mailPerIpDay,
    ],
    example: { email: 'climber@example.com' },
  })
  async forgotPassword(@Body() dto: ForgotPasswordDto, @Req() req: Request): Promise<AcceptedDto> {
    await this.passwords.forgot(dto.email, req.ip ?? 'unknown');
    return FORGOT_ACCEPTED;
  }

  @Post('password/reset')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({
    summary: 'Set a new password with a reset link',
    description:
      'Single use; ends every session of the account and marks its email verified (the mail reached it).',
    errors: [
      AuthErrors.resetTokenInvalid,
      AuthErrors.passwordTooCommon,
      AuthErrors.passwordTooPersonal,
    ],
    example: { token: 'p8Vd2sQ…', newPassword: 'granite-ridge-at-dusk' },
  })
  resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.passwords.reset(dto.token, dto.newPassword);
  }

  @Post('password/change')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Change my password',
    description: 'Needs the current password; ends every other session.',
    errors: [
      AuthErrors.passwordIncorrect,
      AuthErrors.passwordNotSet,
      AuthErrors.passwordTooCommon,
      AuthErrors.passwordTooPersonal,
    ],
    limits: [AccountLimits.passwordFailuresPerAccount],
    example: {
      currentPassword: 'granite-ridge-at-dawn',
      newPassword: 'granite-ridge-at-dusk',
    },
  })
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    return this.passwords.change(principal, dto.currentPassword, dto.newPassword);
  }
}
