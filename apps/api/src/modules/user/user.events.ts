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

export interface PresenceEventPayload {
  userId: string;
  online: boolean;
  lastActiveAt: string | null;
}

declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    /** After commit; modules owning content (posts, studies, chat) apply `contentPolicy`. */
    'user.account.deleted': {
      userId: string;
      contentPolicy: ContentPolicy;
      /** The avatar object to delete from storage, if there was one. */
      avatarKey: string | null;
    };
    'user.block.created': BlockEventPayload;
    'user.block.deleted': BlockEventPayload;
    'user.follow.created': FollowEventPayload & { createdAt: string };
    'user.follow.deleted': FollowEventPayload;
    'user.presence.changed': PresenceEventPayload;
  }
}
