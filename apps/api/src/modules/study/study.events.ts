/**
 * Study events, consumed by the `/study` gateway and by notifications and search. Every payload
 * says who acted (`actorId`, null when no person did, e.g. a withdrawn account's follow-up), the
 * leader after the change and the member count after it.
 */
export interface StudyEventPayload {
  studyId: string;
  actorId: string | null;
  leaderId: string;
  memberCount: number;
  maxMembers: number;
  startDate: string;
  endDate: string;
}

export interface StudyCreatedPayload extends StudyEventPayload {
  title: string;
  tags: string[];
}

export interface StudyMemberEventPayload extends StudyEventPayload {
  /** Who joined or left (for a leave, possibly removed by a withdrawal follow-up). */
  userId: string;
}

declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    'study.created': StudyCreatedPayload;
    /** Fields, tags, capacity or leader changed. */
    'study.updated': StudyEventPayload;
    /** Deleted by the leader, or closed when no member remained. */
    'study.deleted': StudyEventPayload;
    'study.member.joined': StudyMemberEventPayload;
    'study.member.left': StudyMemberEventPayload;
  }
}
