import type { UserSummary } from '@orgo/contracts';
import type { EntityManager } from 'typeorm';

/**
 * A user as chat's own queries read it: the columns a summary is made from. Chat joins the user
 * table only where one query is worth it (see ChatRoomRepository, ChatMessageRepository); the
 * user module decides what such a row shows (ChatUsers.summary).
 */
export interface ChatUserRow {
  id: string;
  nickname: string;
  avatarKey: string | null;
  deletedAt: Date | null;
}

/**
 * What chat needs from the user module, so chat does not depend on its entities or DTO helpers
 * (UserModuleChatUsers implements it; service tests may use a fake).
 */
export interface ChatUsers {
  /**
   * The accounts among these ids that exist and are not deleted, read through `manager` (a
   * caller's transaction) when given.
   */
  findActive(ids: string[], manager?: EntityManager): Promise<ChatUserRow[]>;
  /** Summaries of these users, withdrawn accounts included (shown under the shared label). */
  summaries(ids: string[]): Promise<Map<string, UserSummary>>;
  /** The public face of a user row chat has read itself; never carries the email. */
  summary(row: ChatUserRow): UserSummary;
}

export const CHAT_USERS = Symbol('CHAT_USERS');
