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
import { ApiDoc } from '../../infra/http/api-doc';
import { UserErrors } from './user.errors';

const uuid = new ParseUUIDPipe();

@ApiTags('social')
@Controller('users')
export class SocialController {
  constructor(@Inject(SocialService) private readonly social: SocialService) {}

  @Get('me/blocks')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserPageDto })
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Users I blocked',
    description: 'Newest first; pass `nextCursor` back as `cursor`.',
    errors: [],
  })
  myBlocks(@CurrentPrincipal() me: Principal, @Query() query: PageQueryDto): Promise<UserPageDto> {
    return this.social.myList('blocks', me.userId, query);
  }

  @Get('me/mutes')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserPageDto })
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Users I muted',
    description: 'Newest first; pass `nextCursor` back as `cursor`.',
    errors: [],
  })
  myMutes(@CurrentPrincipal() me: Principal, @Query() query: PageQueryDto): Promise<UserPageDto> {
    return this.social.myList('mutes', me.userId, query);
  }

  @Get(':id/followers')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserPageDto })
  @UseGuards(OptionalJwtAuthGuard)
  @ApiDoc({
    summary: "A user's followers",
    description:
      'Newest first; pass `nextCursor` back as `cursor`. Anonymous visitors may read it.',
    errors: [UserErrors.notFound],
  })
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
  @ApiDoc({
    summary: 'Who a user follows',
    description:
      'Newest first; pass `nextCursor` back as `cursor`. Anonymous visitors may read it.',
    errors: [UserErrors.notFound],
  })
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
  @ApiDoc({
    summary: 'Follow a user (idempotent)',
    errors: [UserErrors.followSelf, UserErrors.followBlocked, UserErrors.notFound],
  })
  follow(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.follow(me.userId, id);
  }

  @Delete(':id/follow')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Unfollow a user (idempotent)',
    errors: [UserErrors.followSelf, UserErrors.notFound],
  })
  unfollow(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.unfollow(me.userId, id);
  }

  @Put(':id/block')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Block a user (idempotent)',
    description: 'Also ends the follows both ways.',
    errors: [UserErrors.blockSelf, UserErrors.notFound],
  })
  block(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.block(me.userId, id);
  }

  @Delete(':id/block')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Unblock a user (idempotent)',
    errors: [UserErrors.blockSelf, UserErrors.notFound],
  })
  unblock(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.unblock(me.userId, id);
  }

  @Put(':id/mute')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Mute a user (idempotent)',
    errors: [UserErrors.muteSelf, UserErrors.notFound],
  })
  mute(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.mute(me.userId, id);
  }

  @Delete(':id/mute')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Unmute a user (idempotent)',
    errors: [UserErrors.muteSelf, UserErrors.notFound],
  })
  unmute(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.social.unmute(me.userId, id);
  }
}
