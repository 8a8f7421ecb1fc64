import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import { SocialService } from '../user';
import type { ListStudiesQueryDto } from './dto/study-input.dto';
import type {
  MyStudiesDto,
  StudyDetailDto,
  StudyDto,
  StudyPageDto,
  TagSuggestionsDto,
} from './dto/study.dto';
import { StudyEntity } from './entities/study.entity';
import { StudyErrors } from './study.errors';
import { normaliseTag, pageOffset, PAGE_SIZE, TAG_SUGGESTIONS, todayUtc } from './study.policy';
import { StudyRepository, type StudyRow } from './study.repository';

const MY_STUDIES_MAX = 200;

/** Reading studies: the filtered list, mine, one study with its members, tag suggestions. */
@Injectable()
export class StudyListingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(StudyRepository) private readonly studies: StudyRepository,
    @Inject(SocialService) private readonly social: SocialService,
  ) {}

  async list(query: ListStudiesQueryDto): Promise<StudyPageDto> {
    const today = todayUtc();
    const filter = {
      status: query.status,
      mode: query.mode,
      tag: query.tag === undefined ? undefined : checkedTag(query.tag),
      q: query.q || undefined,
    };
    const limit = query.limit ?? PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor, 'micros') : undefined;
    const [rows, total] = await Promise.all([
      this.studies.page(
        today,
        filter,
        after
          ? { after: { micros: after.key, id: after.id } }
          : { offset: pageOffset(query.page, limit) },
        limit + 1,
      ),
      this.studies.count(today, filter),
    ]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(card),
      total,
      page: after ? null : (query.page ?? 1),
      pageSize: limit,
      nextCursor: rows.length > limit ? encodeCursor({ key: last.key, id: last.id }) : null,
    };
  }

  async mine(me: string): Promise<MyStudiesDto> {
    const rows = await this.studies.page(
      todayUtc(),
      { memberId: me },
      { offset: 0 },
      MY_STUDIES_MAX,
    );
    return { items: rows.map(card) };
  }

  async detail(viewerId: string | null, id: string): Promise<StudyDetailDto> {
    const row = await this.studies.findOne(todayUtc(), id);
    if (!row) throw StudyErrors.notFound();
    const members = await this.studies.members(id);
    const following = viewerId
      ? await this.social.followingAmong(
          viewerId,
          members.map((m) => m.userId),
        )
      : new Set<string>();
    const leaderId = row.leader.id;
    return {
      ...card(row),
      members: members.map((m) => ({
        user: m.user,
        isLeader: m.userId === leaderId,
        isFollowing: following.has(m.userId),
        joinedAt: m.joinedAt.toISOString(),
      })),
      myMembership:
        viewerId === leaderId
          ? 'leader'
          : members.some((m) => m.userId === viewerId)
            ? 'member'
            : 'none',
    };
  }

  /** Throws 404 unless the study exists and is not deleted (for `/study` watchers). */
  async assertExists(id: string): Promise<void> {
    if (!(await this.db.getRepository(StudyEntity).exists({ where: { id } })))
      throw StudyErrors.notFound();
  }

  async suggestTags(prefix: string | undefined): Promise<TagSuggestionsDto> {
    const normalised = prefix?.trim() ? normaliseTag(prefix) : '';
    if (normalised === null) return { items: [] };
    return { items: await this.studies.suggestTags(normalised, TAG_SUGGESTIONS) };
  }
}

function checkedTag(raw: string): string {
  const tag = normaliseTag(raw);
  if (tag === null) throw StudyErrors.tagInvalid(`"${raw.slice(0, 40)}" is not a valid tag`);
  return tag;
}

function card({ key: _key, ...study }: StudyRow): StudyDto {
  return study;
}
