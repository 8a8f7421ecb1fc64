import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import { decodeCursor, encodeCursor } from '../../infra/http/pagination/keyset-cursor';
import { ChatRoomsService } from '../chat';
import { SocialService } from '../user';
import type { ListStudiesQueryDto, CreateStudyDto, UpdateStudyDto } from './dto/study-input.dto';
import type {
  MyStudiesDto,
  StudyDetailDto,
  StudyDto,
  StudyPageDto,
  TagSuggestionsDto,
} from './dto/study.dto';
import { StudyMemberEntity } from './entities/study-member.entity';
import { StudyTagEntity } from './entities/study-tag.entity';
import { StudyEntity } from './entities/study.entity';
import type { StudyEventPayload } from './study.events';
import { StudyErrors } from './study.errors';
import {
  dateRangeProblem,
  joinRefusal,
  nextLeader,
  normaliseTag,
  normaliseTags,
  pageOffset,
  PAGE_SIZE,
  TAG_SUGGESTIONS,
  todayUtc,
} from './study.policy';
import { StudyRepository, type StudyRow } from './study.repository';

const MY_STUDIES_MAX = 200;

/**
 * Studies, their members and their rooms. Every write is one transaction that locks the study row
 * first and the room after it (chat sends lock the room, so the order is always study → room);
 * the study room is kept equal to the study's members by changing both in that transaction.
 */
@Injectable()
export class StudyService {
  private readonly logger = new Logger(StudyService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(StudyRepository) private readonly studies: StudyRepository,
    @Inject(ChatRoomsService) private readonly rooms: ChatRoomsService,
    @Inject(SocialService) private readonly social: SocialService,
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
        ...payload(study, me),
        title: study.title,
        tags,
      });
    });
    return this.detail(me, id);
  }

  async update(me: string, id: string, dto: UpdateStudyDto): Promise<StudyDetailDto> {
    const tags = dto.tags === undefined ? undefined : checkedTags(dto.tags);
    await this.db.transaction(async (tx) => {
      const study = await this.lockAsLeader(tx, me, id);
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
      this.events.record(tx, 'study.updated', payload(study, me));
    });
    return this.detail(me, id);
  }

  /** Soft delete; the room is archived and every member's sockets leave it. */
  async remove(me: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const study = await this.lockAsLeader(tx, me, id);
      await tx.softDelete(StudyEntity, { id });
      await this.rooms.archiveRoom(study.roomId, me, tx);
      this.events.record(tx, 'study.deleted', payload(study, me));
    });
  }

  async transferLeadership(me: string, id: string, userId: string): Promise<StudyDetailDto> {
    await this.db.transaction(async (tx) => {
      const study = await this.lockAsLeader(tx, me, id);
      if (userId === me) return;
      if (!(await tx.exists(StudyMemberEntity, { where: { studyId: id, userId } })))
        throw StudyErrors.notMember();
      study.leaderId = userId;
      await tx.save(study);
      await this.rooms.changeOwner(study.roomId, userId, me, tx);
      this.events.record(tx, 'study.updated', payload(study, me));
    });
    return this.detail(me, id);
  }

  /**
   * One transaction: the count goes up only while below capacity and the study not ended (a
   * conditional UPDATE, so concurrent joins queue on the row and never overshoot), then the
   * member row, then the room membership.
   */
  async join(me: string, id: string): Promise<StudyDetailDto> {
    const today = todayUtc();
    await this.db.transaction(async (tx) => {
      if (!(await tx.exists(StudyEntity, { where: { id } }))) throw StudyErrors.notFound();
      if (await tx.exists(StudyMemberEntity, { where: { studyId: id, userId: me } }))
        throw StudyErrors.alreadyMember();
      const [rows] = (await tx.query(
        `UPDATE study SET member_count = member_count + 1, updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL AND member_count < max_members AND end_date >= $2::date
          RETURNING id`,
        [id, today],
      )) as [{ id: string }[], number];
      if (!rows.length) throw await this.joinRefused(tx, id, me, today);
      try {
        await tx.transaction((sp) => sp.insert(StudyMemberEntity, { studyId: id, userId: me }));
      } catch (err) {
        if ((err as { code?: string }).code === '23505') throw StudyErrors.alreadyMember();
        throw err;
      }
      const study = await tx.findOneByOrFail(StudyEntity, { id });
      await this.rooms.addMembers(study.roomId, [me], tx);
      this.events.record(tx, 'study.member.joined', { ...payload(study, me), userId: me });
    });
    return this.detail(me, id);
  }

  /** A member (not the leader) leaves; a full study re-opens. */
  async leave(me: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const study = await this.lock(tx, id);
      if (study.leaderId === me) throw StudyErrors.leaderCannotLeave();
      await this.removeMember(tx, study, me, me);
    });
  }

  /**
   * A withdrawn account: each study it leads passes to the longest-standing member (room owner
   * too) or closes when nobody remains; its other memberships end, room included. One
   * transaction per study; idempotent, so the account follow-up can run it again.
   */
  async onAccountDeleted(event: { userId: string }): Promise<void> {
    const rows = (await this.db.query(
      `SELECT m.study_id FROM study_member m JOIN study s ON s.id = m.study_id
        WHERE m.user_id = $1 AND s.deleted_at IS NULL`,
      [event.userId],
    )) as { study_id: string }[];
    let failed = 0;
    for (const { study_id: studyId } of rows) {
      try {
        await this.db.transaction((tx) => this.withdraw(tx, studyId, event.userId));
      } catch (err) {
        failed++;
        this.logger.error(
          { err, studyId, userId: event.userId },
          'withdrawn user still in a study',
        );
      }
    }
    if (failed) throw new Error(`withdrawn user still in ${failed} stud(ies)`);
  }

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

  /** Whether a study exists and is not deleted (for `/study` watchers). */
  async exists(id: string): Promise<boolean> {
    return this.db.getRepository(StudyEntity).exists({ where: { id } });
  }

  async suggestTags(prefix: string | undefined): Promise<TagSuggestionsDto> {
    const normalised = prefix?.trim() ? normaliseTag(prefix) : '';
    if (normalised === null) return { items: [] };
    return { items: await this.studies.suggestTags(normalised, TAG_SUGGESTIONS) };
  }

  private async withdraw(tx: EntityManager, studyId: string, userId: string): Promise<void> {
    const study = await tx.findOne(StudyEntity, {
      where: { id: studyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!study) return;
    if (!(await tx.exists(StudyMemberEntity, { where: { studyId, userId } }))) return;
    if (study.leaderId !== userId) return this.removeMember(tx, study, userId, null);
    const others = await tx.query(
      `SELECT m.user_id AS "userId", m.joined_at AS "joinedAt"
         FROM study_member m JOIN app_user u ON u.id = m.user_id
        WHERE m.study_id = $1 AND m.user_id <> $2 AND u.deleted_at IS NULL`,
      [studyId, userId],
    );
    const heir = nextLeader(others as { userId: string; joinedAt: Date }[], userId);
    if (!heir) {
      await tx.delete(StudyMemberEntity, { studyId, userId });
      study.memberCount = Math.max(0, study.memberCount - 1);
      await tx.save(study);
      await tx.softDelete(StudyEntity, { id: studyId });
      await this.rooms.archiveRoom(study.roomId, null, tx);
      this.events.record(tx, 'study.deleted', payload(study, null));
      return;
    }
    study.leaderId = heir.userId;
    await tx.save(study);
    await this.rooms.changeOwner(study.roomId, heir.userId, null, tx);
    this.events.record(tx, 'study.updated', payload(study, null));
    await this.removeMember(tx, study, userId, null);
  }

  /** The member row, the count and the room membership go together. */
  private async removeMember(
    tx: EntityManager,
    study: StudyEntity,
    userId: string,
    actorId: string | null,
  ): Promise<void> {
    const { affected } = await tx.delete(StudyMemberEntity, { studyId: study.id, userId });
    if (!affected) throw StudyErrors.notMember();
    const [rows] = (await tx.query(
      `UPDATE study SET member_count = member_count - 1, updated_at = now()
        WHERE id = $1 RETURNING member_count`,
      [study.id],
    )) as [{ member_count: number }[], number];
    study.memberCount = rows[0].member_count;
    await this.rooms.removeMember(study.roomId, userId, tx);
    this.events.record(tx, 'study.member.left', { ...payload(study, actorId), userId });
  }

  private async lock(tx: EntityManager, id: string): Promise<StudyEntity> {
    const study = await tx.findOne(StudyEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!study) throw StudyErrors.notFound();
    return study;
  }

  /** Members and strangers are told the same: only the leader may. */
  private async lockAsLeader(tx: EntityManager, me: string, id: string): Promise<StudyEntity> {
    const study = await this.lock(tx, id);
    if (study.leaderId !== me) throw StudyErrors.leaderOnly();
    return study;
  }

  private async joinRefused(tx: EntityManager, id: string, me: string, today: string) {
    const study = await tx.findOne(StudyEntity, { where: { id } });
    if (!study) return StudyErrors.notFound();
    const isMember = await tx.exists(StudyMemberEntity, { where: { studyId: id, userId: me } });
    switch (joinRefusal(study, today, isMember)) {
      case 'member':
        return StudyErrors.alreadyMember();
      case 'ended':
        return StudyErrors.ended();
      default:
        return StudyErrors.full();
    }
  }
}

function checkedTag(raw: string): string {
  const tag = normaliseTag(raw);
  if (tag === null) throw StudyErrors.tagInvalid(`"${raw.slice(0, 40)}" is not a valid tag`);
  return tag;
}

function checkedTags(raw: string[]): string[] {
  const result = normaliseTags(raw);
  if (!result.ok) throw StudyErrors.tagInvalid(result.reason);
  return result.tags;
}

function payload(study: StudyEntity, actorId: string | null): StudyEventPayload {
  return {
    studyId: study.id,
    actorId,
    leaderId: study.leaderId,
    memberCount: study.memberCount,
    maxMembers: study.maxMembers,
    startDate: study.startDate,
    endDate: study.endDate,
  };
}

function card({ key: _key, ...study }: StudyRow): StudyDto {
  return study;
}
