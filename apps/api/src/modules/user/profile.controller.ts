import {
  Body,
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { OptionalJwtAuthGuard } from '../../infra/auth/optional-jwt-auth.guard';
import { CurrentPrincipal, CurrentViewer, type Principal } from '../../infra/auth/principal';
import { MeDto } from './dto/me.dto';
import { PublicProfileDto } from './dto/public-profile.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('users')
@Controller('users')
export class ProfileController {
  constructor(@Inject(ProfileService) private readonly profiles: ProfileService) {}

  @Patch('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  @UseGuards(JwtAuthGuard)
  updateMe(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: UpdateProfileDto,
  ): Promise<MeDto> {
    return this.profiles.updateMe(principal.userId, dto);
  }

  @Get(':id')
  @ApiBearerAuth()
  @ApiOkResponse({ type: PublicProfileDto, description: 'Anonymous visitors may read it too.' })
  @UseGuards(OptionalJwtAuthGuard)
  profile(
    @CurrentViewer() viewer: Principal | null,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<PublicProfileDto> {
    return this.profiles.publicProfile(viewer?.userId ?? null, id);
  }
}
