import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { JwtAuthGuard } from '../../infra/auth/jwt-auth.guard';
import { OptionalJwtAuthGuard } from '../../infra/auth/optional-jwt-auth.guard';
import { CurrentPrincipal, CurrentViewer, type Principal } from '../../infra/auth/principal';
import { RequireVerifiedEmail } from '../../infra/auth/verified-email.guard';
import { ApiDoc } from '../../infra/http/api-doc';
import {
  CreateStudyDto,
  ListStudiesQueryDto,
  TagQueryDto,
  TransferLeaderDto,
  UpdateStudyDto,
} from './dto/study-input.dto';
import { MyStudiesDto, StudyDetailDto, StudyPageDto, TagSuggestionsDto } from './dto/study.dto';
import { StudyListingService } from './study-listing.service';
import { StudyMembershipService } from './study-membership.service';
import { StudyWritingService } from './study-writing.service';
import { StudyErrors } from './study.errors';

const uuid = new ParseUUIDPipe();

@ApiTags('study')
@Controller('studies')
export class StudyController {
  constructor(
    @Inject(StudyListingService) private readonly listing: StudyListingService,
    @Inject(StudyWritingService) private readonly writing: StudyWritingService,
    @Inject(StudyMembershipService) private readonly membership: StudyMembershipService,
  ) {}

  @Get()
  @ApiDoc({
    summary: 'List studies',
    description:
      'Filters combine; newest first. Numbered pages of 12 with `page` (and `total` over all pages), or `cursor` (a `nextCursor`) with `limit` for infinite scroll.',
    errors: [],
  })
  @ApiOkResponse({ type: StudyPageDto })
  list(@Query() query: ListStudiesQueryDto): Promise<StudyPageDto> {
    return this.listing.list(query);
  }

  @Get('mine')
  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({ summary: 'My studies (leading and joined)', errors: [] })
  @ApiOkResponse({ type: MyStudiesDto })
  mine(@CurrentPrincipal() me: Principal): Promise<MyStudiesDto> {
    return this.listing.mine(me.userId);
  }

  @Get('tags')
  @ApiDoc({ summary: 'Tag autocomplete: tags of live studies starting with a prefix', errors: [] })
  @ApiOkResponse({ type: TagSuggestionsDto })
  tags(@Query() query: TagQueryDto): Promise<TagSuggestionsDto> {
    return this.listing.suggestTags(query.prefix);
  }

  @Get(':id')
  @ApiBearerAuth()
  @UseGuards(OptionalJwtAuthGuard)
  @ApiDoc({
    summary: 'A study with its tags, leader and members',
    description: 'Anyone may read it; signed in, it also says my membership and whom I follow.',
    errors: [StudyErrors.notFound],
  })
  @ApiOkResponse({ type: StudyDetailDto })
  detail(
    @CurrentViewer() viewer: Principal | null,
    @Param('id', uuid) id: string,
  ): Promise<StudyDetailDto> {
    return this.listing.detail(viewer?.userId ?? null, id);
  }

  @Post()
  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @RequireVerifiedEmail()
  @ApiDoc({
    summary: 'Create a study; I lead it, and its chat room starts with me in it',
    errors: [StudyErrors.dateRangeInvalid, StudyErrors.tagInvalid],
    example: {
      title: 'NestJS 스터디',
      description: '매주 토요일 온라인으로 모여요.',
      startDate: '2027-01-09',
      endDate: '2027-03-27',
      mode: 'online',
      maxMembers: 6,
      tags: ['nestjs', 'typescript'],
    },
  })
  @ApiCreatedResponse({ type: StudyDetailDto })
  create(@CurrentPrincipal() me: Principal, @Body() dto: CreateStudyDto): Promise<StudyDetailDto> {
    return this.writing.create(me.userId, dto);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Edit a study (leader only)',
    description: 'Max members never below the current count.',
    errors: [
      StudyErrors.notFound,
      StudyErrors.leaderOnly,
      StudyErrors.dateRangeInvalid,
      StudyErrors.maxBelowCount,
      StudyErrors.tagInvalid,
    ],
    example: { endDate: '2027-04-24', maxMembers: 8, tags: ['nestjs', 'typescript', 'postgres'] },
  })
  @ApiOkResponse({ type: StudyDetailDto })
  update(
    @CurrentPrincipal() me: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: UpdateStudyDto,
  ): Promise<StudyDetailDto> {
    return this.writing.update(me.userId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Delete a study (leader only)',
    errors: [StudyErrors.notFound, StudyErrors.leaderOnly],
  })
  @ApiNoContentResponse({ description: 'Deleted; its chat room is archived.' })
  remove(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.writing.remove(me.userId, id);
  }

  @Put(':id/leader')
  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Hand leadership (and the room) to a member',
    errors: [StudyErrors.notFound, StudyErrors.leaderOnly, StudyErrors.notMember],
    example: { userId: '3f2c1a9e-8d4b-4c6e-9f1a-2b7c5d8e0a41' },
  })
  @ApiOkResponse({ type: StudyDetailDto })
  transfer(
    @CurrentPrincipal() me: Principal,
    @Param('id', uuid) id: string,
    @Body() dto: TransferLeaderDto,
  ): Promise<StudyDetailDto> {
    return this.membership.transferLeadership(me.userId, id, dto.userId);
  }

  @Post(':id/join')
  @HttpCode(200)
  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @RequireVerifiedEmail()
  @ApiDoc({
    summary: 'Join (refused when full or ended); I also join its chat room',
    errors: [StudyErrors.notFound, StudyErrors.alreadyMember, StudyErrors.full, StudyErrors.ended],
  })
  @ApiOkResponse({ type: StudyDetailDto })
  join(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<StudyDetailDto> {
    return this.membership.join(me.userId, id);
  }

  @Post(':id/leave')
  @HttpCode(204)
  @ApiBearerAuth()
  @UseGuards(JwtAuthGuard)
  @ApiDoc({
    summary: 'Leave (not the leader); I also leave its chat room',
    errors: [StudyErrors.notFound, StudyErrors.notMember, StudyErrors.leaderCannotLeave],
  })
  @ApiNoContentResponse()
  leave(@CurrentPrincipal() me: Principal, @Param('id', uuid) id: string): Promise<void> {
    return this.membership.leave(me.userId, id);
  }
}
