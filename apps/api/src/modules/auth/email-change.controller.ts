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
import { MeDto } from '../user';
import {
  ChangeEmailDto,
  ChangeEmailPendingDto,
  ConfirmEmailChangeDto,
  SignInMethodsDto,
} from './dto/account.dto';
import { EmailChangeService } from './email-change.service';

/** The account's sign-in methods and the change of its email (verified at the new address). */
@ApiTags('auth')
@ApiBearerAuth()
@UseGuards(JwtAuthGuard)
@Controller('auth')
export class EmailChangeController {
  constructor(@Inject(EmailChangeService) private readonly emails: EmailChangeService) {}

  @Get('methods')
  @ApiOkResponse({ type: SignInMethodsDto })
  methods(@CurrentPrincipal() principal: Principal): Promise<SignInMethodsDto> {
    return this.emails.methods(principal.userId);
  }

  @Post('email/change')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ChangeEmailPendingDto,
    description: 'A code is on its way to the new address; nothing changes until it is confirmed.',
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
  confirmChange(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ConfirmEmailChangeDto,
  ): Promise<MeDto> {
    return this.emails.confirm(principal.userId, dto.code);
  }

  @Delete('email/change')
  @HttpCode(204)
  @ApiNoContentResponse()
  cancelChange(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.emails.cancel(principal.userId);
  }
}
