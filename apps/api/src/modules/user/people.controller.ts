import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
import { ApiDoc } from '../../infra/http/api-doc';
import {
  DirectoryPageDto,
  DirectoryQueryDto,
  SuggestionsDto,
  SuggestionsQueryDto,
} from './dto/people.dto';
import { PeopleService } from './people.service';

/** The people directory and the suggestions for whom to follow; signed-in members only. */
@ApiTags('users')
@Controller('users')
export class PeopleController {
  constructor(@Inject(PeopleService) private readonly people: PeopleService) {}

  @Get()
  @ApiBearerAuth()
  @ApiOkResponse({ type: DirectoryPageDto })
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'The people directory: members, newest first',
    description:
      'With `q`, those whose nickname contains it. Never myself or anyone across a block; pass `nextCursor` back as `cursor`.',
    errors: [],
  })
  directory(
    @CurrentPrincipal() me: Principal,
    @Query() query: DirectoryQueryDto,
  ): Promise<DirectoryPageDto> {
    return this.people.directory(me.userId, query);
  }

  @Get('suggestions')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SuggestionsDto })
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'People to follow',
    description:
      'Those followed by the people I follow first (most such follows first), then the recently active, then the newest members. Never myself, someone I follow, or anyone across a block.',
    errors: [],
  })
  async suggestions(
    @CurrentPrincipal() me: Principal,
    @Query() query: SuggestionsQueryDto,
  ): Promise<SuggestionsDto> {
    return { items: await this.people.suggestions(me.userId, query.limit) };
  }
}
