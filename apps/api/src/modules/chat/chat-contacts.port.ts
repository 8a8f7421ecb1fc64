/**
 * What chat needs from the social graph, so chat does not depend on the social module's
 * internals (SocialChatContacts implements it on SocialService; service tests use a fake).
 */
export interface ChatContacts {
  /**
   * Direct rooms and adding someone to a group: only a user I follow, not blocked either way
   * (existence is checked first).
   */
  canStartDirect(me: string, other: string): Promise<boolean>;
  isBlockedEitherWay(a: string, b: string): Promise<boolean>;
}

export const CHAT_CONTACTS = Symbol('CHAT_CONTACTS');
