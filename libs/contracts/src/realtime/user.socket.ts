import type { Ack, ErrorCode } from '../errors';

export interface SessionSummary {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}

/** A user's presence: online while any of their tabs is connected, on any instance. */
export interface PresenceState {
  userId: string;
  online: boolean;
  /** When the user last came online or went offline; null if never seen. */
  lastActiveAt: string | null;
}

/** At most this many user ids per `presence.get`. */
export const PRESENCE_GET_MAX = 100;

/**
 * Sent just before the server closes a socket on purpose, on every namespace; with
 * `AUTH_TOKEN_EXPIRED` the client refreshes its access token and connects again.
 */
export interface ConnectionClosing {
  code: ErrorCode;
  message: string;
}

/** Server → client events on `/user`. */
export interface UserServerEvents {
  'connection.closing': (payload: ConnectionClosing) => void;
  /** To followers of the user (and newly, to someone who just followed them). */
  'presence.updated': (payload: PresenceState) => void;
  'session.created': (payload: SessionSummary) => void;
  'session.revoked': (payload: { id: string }) => void;
}

/** Client → server events on `/user`; every one answers through its ack. */
export interface UserClientEvents {
  /** Answers only for the asker and users they follow; other ids are left out. */
  'presence.get': (
    payload: { userIds: string[] },
    ack: (res: Ack<PresenceState[]>) => void,
  ) => void;
  'session.list': (
    payload: Record<string, never>,
    ack: (res: Ack<SessionSummary[]>) => void,
  ) => void;
}

/** A user as every payload shows them: never the email. */
export interface UserSummary {
  id: string;
  nickname: string;
  avatarUrl: string | null;
}
