import type { QueryRunner, SaveOptions } from 'typeorm';

interface ActorData {
  actorId: string | null;
}

/**
 * Save/remove options naming who acts, for the entity subscribers that record the resulting
 * events: `tx.save(member, byActor(me))`. TypeORM hands `data` to the subscribers of that one
 * call only (through the query runner) and restores the previous value afterwards.
 */
export function byActor(actorId: string | null): SaveOptions & { data: ActorData } {
  return { data: { actorId } };
}

/** In a subscriber: the actor named by the save or remove being broadcast, null if none. */
export function actorOf(event: { queryRunner: QueryRunner }): string | null {
  const data = event.queryRunner.data as Partial<ActorData> | undefined;
  return typeof data?.actorId === 'string' ? data.actorId : null;
}
