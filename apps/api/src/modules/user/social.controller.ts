import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { OptionalJwtAuthGuard } from '../../infra/auth/optional-jwt-auth.guard';
import { CurrentPrincipal, CurrentViewer, type Principal } from '../../infra/auth/principal';
import { PageQueryDto, UserPageDto } from './dto/user-page.dto';
import { SocialService } from './social.service';

const uuid = new ParseUUIDPipe();

@ApiTags('social')
@Controller('users')
export class SocialController {
  constructor(@Inject(SocialService) private readonly social: SocialService) {}

  @Get('me/blocks')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserPageDto })
  @UseGuards(JwtAuthGuard)
  myBlocks(@CurrentPrincipal() me: Principal, @Query() query: PageQueryDto): Promise<UserPageDto> {
    return this.social.myList('blocks', me.userId, query);
  }

  @Get('me/mutes')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserPageDto })
  @UseGuards(JwtAuthGuard)
  myMutes(@CurrentPrincipal() me: Principal, @Query() query: PageQueryDto): Promise<UserPageDto> {
    return this.social.myList('mutes', me.userId, query);
  }

  @Get(':id/followers')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserPageDto })
  @UseGuards(OptionalJwtAuthGuard)
  followers(
    @CurrentViewer() viewer: Principal | null,
    @Param('id', uuid) id: string,
    @Query() query: PageQueryDto,
  ): Promise<UserPageDto> {
    return this.social.listOf('followers', viewer?.userId ?? null, id, query);
  }

  @Get(':id/following')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserPageDto })
  @UseGuards(OptionalJwtAuthGuard)
  following(
    @CurrentViewer() viewer: Principal | null,
    @Param('id', uuid) id: string,
    @Query() query: PageQueryDto,
  ): Promise<UserPageDto> {
    return this.social.listOf('following', viewer?.userId ?? null, id, query);
  }

  @Put(':id/follow')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  follow(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.follow(me.userId, id);
  }

  @Delete(':id/follow')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  unfollow(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.unfollow(me.userId, id);
  }

  @Put(':id/block')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  block(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.block(me.userId, id);
  }

  @Delete(':id/block')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  unblock(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.unblock(me.userId, id);
  }

  @Put(':id/mute')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  mute(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.mute(me.userId, id);
  }

  @Delete(':id/mute')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  unmute(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.unmute(me.userId, id);
  }
}
