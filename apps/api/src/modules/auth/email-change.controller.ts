import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Post,
  Req,
  UseGuards,
} from '@nestjs/common';
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
import { ApiDoc } from '../../infra/http/api-doc';
import { MeDto } from '../user';
import {
  ChangeEmailDto,
  ChangeEmailPendingDto,
  ConfirmEmailChangeDto,
  SignInMethodsDto,
} from './dto/account.dto';
import { AccountLimits } from './account.limits';
import { AuthErrors } from './auth.errors';
import { EmailChangeLimits, EmailChangeService } from './email-change.service';

/** The account's sign-in methods and the change of its email (verified at the new address). */
@ApiTags('auth')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('auth')
export class EmailChangeController {
  constructor(@Inject(EmailChangeService) private readonly emails: EmailChangeService) {}

  @Get('methods')
  @ApiOkResponse({ type: SignInMethodsDto })
  @ApiDoc({
    summary: 'My sign-in methods',
    description:
      'Whether the account has a password, its linked social providers, and a pending email change.',
    errors: [],
  })
  methods(@CurrentPrincipal() principal: Principal): Promise<SignInMethodsDto> {
    return this.emails.methods(principal.userId);
  }

  @Post('email/change')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ChangeEmailPendingDto,
    description: 'A code is on its way to the new address; nothing changes until it is confirmed.',
  })
  @ApiDoc({
    summary: 'Ask to change my email: mail a code to the new address',
    description:
      'Confirms with the current password; an account without one (social sign-in only) needs a session signed in within `REAUTH_MAX_AGE_SEC`. A new request replaces the pending one.',
    errors: [AuthErrors.passwordIncorrect, AuthErrors.reauthRequired, AuthErrors.emailTaken],
    limits: [
      AccountLimits.passwordFailuresPerAccount,
      EmailChangeLimits.cooldown,
      EmailChangeLimits.perAccountDay,
      AccountLimits.mailPerIpDay,
    ],
    example: { newEmail: 'new-address@example.com', password: 'granite-ridge-at-dawn' },
  })
  requestChange(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangeEmailDto,
    @Req() req: Request,
  ): Promise<ChangeEmailPendingDto> {
    return this.emails.request(principal, dto, req.ip ?? 'unknown');
  }

  @Post('email/change/confirm')
  @HttpCode(200)
  @ApiOkResponse({
    type: MeDto,
    description: 'The email is changed and verified; the old address gets a notice.',
  })
  @ApiDoc({
    summary: 'Confirm my email change with the mailed code',
    description: 'Sessions stay signed in; the new address counts as verified.',
    errors: [
      AuthErrors.emailCodeInvalid,
      AuthErrors.emailCodeExpired,
      AuthErrors.emailCodeLocked,
      AuthErrors.emailTaken,
    ],
    example: { code: '042917' },
  })
  confirmChange(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ConfirmEmailChangeDto,
  ): Promise<MeDto> {
    return this.emails.confirm(principal.userId, dto.code);
  }

  @Delete('email/change')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiDoc({ summary: 'Cancel my pending email change', errors: [] })
  cancelChange(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.emails.cancel(principal.userId);
  }
}
