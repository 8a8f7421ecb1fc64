import type { Ack } from '../errors';

export interface SessionSummary {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}

/** Server → client events on `/user`. */
export interface UserServerEvents {
  'session.created': (payload: SessionSummary) => void;
  'session.revoked': (payload: { id: string }) => void;
}

/** Client → server events on `/user`; every one answers through its ack. */
export interface UserClientEvents {
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
