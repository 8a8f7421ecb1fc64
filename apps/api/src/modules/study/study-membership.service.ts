import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEventsService } from '../../infra/events/domain-events.service';
import { ChatRoomsService } from '../chat';
import type { StudyDetailDto } from './dto/study.dto';
import { StudyMemberEntity } from './entities/study-member.entity';
import { StudyEntity } from './entities/study.entity';
import { StudyListingService } from './study-listing.service';
import { lockAsLeader, lockStudy, studyPayload } from './study-locks';
import { StudyErrors } from './study.errors';
import { joinRefusal, nextLeader, todayUtc } from './study.policy';

/**
 * Who is in a study: joining, leaving, handing over the lead, and a withdrawn account's
 * memberships. The study room is kept equal to the study's members by changing both in one
 * transaction, the study row locked first (see study-locks.ts).
 */
@Injectable()
export class StudyMembershipService {
  private readonly logger = new Logger(StudyMembershipService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(StudyListingService) private readonly listing: StudyListingService,
    @Inject(ChatRoomsService) private readonly rooms: ChatRoomsService,
    @Inject(DomainEventsService) private readonly events: DomainEventsService,
  ) {}

  async transferLeadership(me: string, id: string, userId: string): Promise<StudyDetailDto> {
    await this.db.transaction(async (tx) => {
      const study = await lockAsLeader(tx, me, id);
      if (userId === me) return;
      if (!(await tx.exists(StudyMemberEntity, { where: { studyId: id, userId } })))
        throw StudyErrors.notMember();
      study.leaderId = userId;
      await tx.save(study);
      await this.rooms.changeOwner(study.roomId, userId, me, tx);
      this.events.record(tx, 'study.updated', studyPayload(study, me));
    });
    return this.listing.detail(me, id);
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
      this.events.record(tx, 'study.member.joined', { ...studyPayload(study, me), userId: me });
    });
    return this.listing.detail(me, id);
  }

  /** A member (not the leader) leaves; a full study re-opens. */
  async leave(me: string, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const study = await lockStudy(tx, id);
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
      this.events.record(tx, 'study.deleted', studyPayload(study, null));
      return;
    }
    study.leaderId = heir.userId;
    await tx.save(study);
    await this.rooms.changeOwner(study.roomId, heir.userId, null, tx);
    this.events.record(tx, 'study.updated', studyPayload(study, null));
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
    this.events.record(tx, 'study.member.left', { ...studyPayload(study, actorId), userId });
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
