import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { CurrentPrincipal, type Principal } from '../../infra/auth/principal';
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
  async suggestions(
    @CurrentPrincipal() me: Principal,
    @Query() query: SuggestionsQueryDto,
  ): Promise<SuggestionsDto> {
    return { items: await this.people.suggestions(me.userId, query.limit) };
  }
}
