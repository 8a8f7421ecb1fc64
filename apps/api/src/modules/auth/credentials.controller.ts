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
  verifyEmail(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: VerifyEmailDto,
  ): Promise<MeDto> {
    return this.verification.verifyCode(principal.userId, dto.code);
  }

  @Post('email/verify-link')
  @HttpCode(204)
  @ApiNoContentResponse()
  verifyEmailLink(@Body() dto: VerifyEmailLinkDto): Promise<void> {
    return this.verification.verifyLink(dto.token);
  }

  @Post('email/resend')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiAcceptedResponse({ type: EmailResendDto })
  @UseGuards(JwtAuthGuard)
  resendEmail(
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<EmailResendDto> {
    return this.verification.resend(principal.userId, req.ip ?? 'unknown');
  }

  @Post('password/forgot')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: AcceptedDto })
  async forgotPassword(@Body() dto: ForgotPasswordDto, @Req() req: Request): Promise<AcceptedDto> {
    await this.passwords.forgot(dto.email, req.ip ?? 'unknown');
    return FORGOT_ACCEPTED;
  }

  @Post('password/reset')
  @HttpCode(204)
  @ApiNoContentResponse()
  resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.passwords.reset(dto.token, dto.newPassword);
  }

  @Post('password/change')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    return this.passwords.change(principal, dto.currentPassword, dto.newPassword);
  }
}
