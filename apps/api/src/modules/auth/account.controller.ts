import { Body, Controller, Delete, HttpCode, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { AccountService } from './account.service';
import type { Principal } from './auth.service';
import { DeleteAccountDto } from './dto/account.dto';
import { CurrentPrincipal, JwtAuthGuard } from './jwt-auth.guard';

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
