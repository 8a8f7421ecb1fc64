import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { MeDto } from './dto/me.dto';
import { UserService } from './user.service';

@ApiTags('users')
@Controller('users')
export class UserController {
  constructor(@Inject(UserService) private readonly users: UserService) {}

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  @UseGuards(JwtAuthGuard)
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.users.me(principal.userId);
  }
}
