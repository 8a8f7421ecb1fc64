import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import { AppError } from '../../infra/http/app-error';
import { ChatRoomsService } from '../chat';
import type { CreateStudyDto, UpdateStudyDto } from './dto/study-input.dto';
import type { StudyDetailDto } from './dto/study.dto';
import { StudyMemberEntity } from './entities/study-member.entity';
import { StudyTagEntity } from './entities/study-tag.entity';
import { StudyEntity } from './entities/study.entity';
import { StudyListingService } from './study-listing.service';
import { lockAsLeader, studyPayload } from './study-locks';
import { StudyErrors } from './study.errors';
import { dateRangeProblem, normaliseTags, todayUtc } from './study.policy';

/**
 * Creating, editing and deleting a study, with its room: each is one transaction that locks the
 * study row first and changes the room after it (see study-locks.ts).
 */
/** Fields of a study that always have a value (the location is the one that may be empty). */
const REQUIRED_FIELDS = [
  'title',
  'description',
  'startDate',
  'endDate',
  'mode',
  'maxMembers',
  'tags',
] as const satisfies readonly (keyof UpdateStudyDto)[];

@Injectable()
export class StudyWritingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(StudyListingService) private readonly listing: StudyListingService,
    @Inject(ChatRoomsService) private readonly rooms: ChatRoomsService,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {}

  async create(me: string, dto: CreateStudyDto): Promise<StudyDetailDto> {
    const today = todayUtc();
    const problem = dateRangeProblem(dto.startDate, dto.endDate, today);
    if (problem) throw StudyErrors.dateRangeInvalid(problem);
    const tags = checkedTags(dto.tags);
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const roomId = await this.rooms.createGroupRoom(
        {
          name: dto.title,
          ownerId: me,
          memberIds: [],
          actorId: me,
          managedBy: { module: 'study', id },
        },
        tx,
      );
      const study = await tx.save(
        tx.create(StudyEntity, {
          id,
          title: dto.title,
          description: dto.description,
          startDate: dto.startDate,
          endDate: dto.endDate,
          mode: dto.mode,
          location: dto.location || null,
          maxMembers: dto.maxMembers,
          memberCount: 1,
          leaderId: me,
          roomId,
        }),
      );
      await tx.insert(StudyMemberEntity, { studyId: id, userId: me });
      await tx.insert(
        StudyTagEntity,
        tags.map((tag) => ({ studyId: id, tag })),
      );
      this.events.record(tx, 'study.created', {
        ...studyPayload(study, me),
        title: study.title,
        tags,
      });
    });
    return this.listing.detail(me, id);
  }

  async update(me: string, id: string, dto: UpdateStudyDto): Promise<StudyDetailDto> {
    // Every field may be left out, but only the location may be cleared with null.
    const cleared = REQUIRED_FIELDS.filter((field) => dto[field] === null);
    if (cleared.length)
      throw new AppError(
        'COMMON_VALIDATION_FAILED',
        400,
        'Please check what you entered.',
        cleared.map((field) => ({ field, code: 'isDefined', message: `${field} cannot be null` })),
      );
    const tags = dto.tags === undefined ? undefined : checkedTags(dto.tags);
    await this.db.transaction(async (tx) => {
      const study = await lockAsLeader(tx, me, id);
      const next = {
        startDate: dto.startDate ?? study.startDate,
        endDate: dto.endDate ?? study.endDate,
      };
      const datesChanged = dto.startDate !== undefined || dto.endDate !== undefined;
      const problem = datesChanged ? dateRangeProblem(next.startDate, next.endDate, null) : null;
      if (problem) throw StudyErrors.dateRangeInvalid(problem);
      if (dto.maxMembers !== undefined && dto.maxMembers < study.memberCount)
        throw StudyErrors.maxBelowCount(study.memberCount);
      const renamed = dto.title !== undefined && dto.title !== study.title;
      Object.assign(study, {
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...next,
        ...(dto.mode !== undefined && { mode: dto.mode }),
        ...(dto.location !== undefined && { location: dto.location || null }),
        ...(dto.maxMembers !== undefined && { maxMembers: dto.maxMembers }),
      });
      await tx.save(study);
      if (tags) {
        await tx.delete(StudyTagEntity, { studyId: id });
        await tx.insert(
          StudyTagEntity,
          tags.map((tag) => ({ studyId: id, tag })),
        );
      }
      if (renamed) await this.rooms.setManagedRoomName(study.roomId, study.title, me, tx);
      this.events.record(tx, 'study.updated', studyPayload(study, me));
    });
    return this.listing.detail(me, id);
  }

  /** Soft delete; the room is archived and every member's sockets leave it. */
  async remove(me: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const study = await lockAsLeader(tx, me, id);
      await tx.softDelete(StudyEntity, { id });
      await this.rooms.archiveRoom(study.roomId, me, tx);
      this.events.record(tx, 'study.deleted', studyPayload(study, me));
    });
  }
}

function checkedTags(raw: string[]): string[] {
  const result = normaliseTags(raw);
  if (!result.ok) throw StudyErrors.tagInvalid(result.reason);
  return result.tags;
}
