import { Body, Controller, Delete, HttpCode, Inject, UseGuards } from '@nestjs/common';
import { ApiDoc } from '../../infra/http/api-doc';
import { AccountLimits } from './account.limits';
import { AuthErrors } from './auth.errors';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { AccountService } from './account.service';
import { DeleteAccountDto } from './dto/account.dto';

@ApiTags('users')
@Controller('users')
export class AccountController {
  constructor(@Inject(AccountService) private readonly accounts: AccountService) {}

  @Delete('me')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The account is deleted and every session ended.' })
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Delete my account',
    description:
      'Confirms with the password; an account without one (social sign-in only) needs a session signed in within `REAUTH_MAX_AGE_SEC`. `contentPolicy` says whether my content stays anonymized or is removed. Ends every session.',
    errors: [AuthErrors.passwordIncorrect, AuthErrors.reauthRequired],
    limits: [AccountLimits.passwordFailuresPerAccount],
    example: { password: 'granite-ridge-at-dawn', contentPolicy: 'anonymize' },
  })
  deleteMe(@CurrentPrincipal() principal: Principal, @Body() dto: DeleteAccountDto): Promise<void> {
    return this.accounts.deleteAccount(principal, dto);
  }
}
