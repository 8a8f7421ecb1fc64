import { Body, Controller, Delete, HttpCode, Inject, UseGuards } from '@nestjs/common';
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
  deleteMe(@CurrentPrincipal() principal: Principal, @Body() dto: DeleteAccountDto): Promise<void> {
    return this.accounts.deleteAccount(principal, dto);
  }
}
