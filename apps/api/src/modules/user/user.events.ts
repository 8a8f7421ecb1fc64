/** What happens to a leaving user's posts and comments: kept as "탈퇴한 사용자", or removed. */
export const ContentPolicies = ['anonymize', 'remove'] as const;
export type ContentPolicy = (typeof ContentPolicies)[number];

export interface FollowEventPayload {
  followerId: string;
  followeeId: string;
}

export interface BlockEventPayload {
  blockerId: string;
  blockedId: string;
}

/**
 * Who made the change: the follower or blocker for a new edge; for a removed one, whoever
 * removed it (a block ends both follows between the pair, so the blocker may be the followee).
 */
interface Acted {
  actorId: string | null;
}

export interface PresenceEventPayload {
  userId: string;
  online: boolean;
  lastActiveAt: string | null;
}

declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    /** The account's owner is the actor. Modules owning content apply `contentPolicy`. */
    'user.account.deleted': {
      userId: string;
      contentPolicy: ContentPolicy;
      /** The avatar object to delete from storage, if there was one. */
      avatarKey: string | null;
    };
    'user.block.created': BlockEventPayload & Acted;
    'user.block.deleted': BlockEventPayload & Acted;
    'user.follow.created': FollowEventPayload & Acted & { createdAt: string };
    'user.follow.deleted': FollowEventPayload & Acted;
    'user.presence.changed': PresenceEventPayload;
  }
}
