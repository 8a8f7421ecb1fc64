import type { EntityManager } from 'typeorm';
import { StudyEntity } from './entities/study.entity';
import { StudyErrors } from './study.errors';
import type { StudyEventPayload } from './study.events';

/**
 * Every study write locks the study row first: chat sends lock the room, so the order is always
 * study → room.
 */
export async function lockStudy(tx: EntityManager, id: string): Promise<StudyEntity> {
  const study = await tx.findOne(StudyEntity, {
    where: { id },
    lock: { mode: 'pessimistic_write' },
  });
  if (!study) throw StudyErrors.notFound();
  return study;
}

/** Members and strangers are told the same: only the leader may. */
export async function lockAsLeader(
  tx: EntityManager,
  me: string,
  id: string,
): Promise<StudyEntity> {
  const study = await lockStudy(tx, id);
  if (study.leaderId !== me) throw StudyErrors.leaderOnly();
  return study;
}

/** The study after a change, as its events describe it. */
export function studyPayload(study: StudyEntity, actorId: string | null): StudyEventPayload {
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
