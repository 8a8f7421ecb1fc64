import type { Ack } from '../errors';
import type { ConnectionClosing } from './user.socket';

/** Derived from the dates, the member count and the capacity; never stored. */
export type StudyStatus = 'recruiting' | 'full' | 'in_progress' | 'ended';
export type StudyMode = 'online' | 'offline';

/** What a viewer of a study sees change: its count, status and leader. */
export interface StudyChange {
  studyId: string;
  memberCount: number;
  maxMembers: number;
  status: StudyStatus;
  leaderId: string;
}

/** A member joined or left: the study's change and who. */
export interface StudyMemberChange extends StudyChange {
  userId: string;
}

/** Server → client events on `/study`, to the sockets watching the study. */
export interface StudyServerEvents {
  'connection.closing': (payload: ConnectionClosing) => void;
  /** Fields, leader or capacity changed. */
  'study.updated': (payload: StudyChange) => void;
  'study.deleted': (payload: { studyId: string }) => void;
  'member.joined': (payload: StudyMemberChange) => void;
  'member.left': (payload: StudyMemberChange) => void;
}

/** Client → server events on `/study`; every one answers through its ack. */
export interface StudyClientEvents {
  /** Starts receiving a study's changes; an unknown or deleted study answers `STUDY_NOT_FOUND`. */
  'study.watch': (
    payload: { studyId: string },
    ack: (res: Ack<{ studyId: string }>) => void,
  ) => void;
  'study.unwatch': (
    payload: { studyId: string },
    ack: (res: Ack<{ studyId: string }>) => void,
  ) => void;
}
