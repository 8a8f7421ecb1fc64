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
    'user.block.created': BlockEventPayload;
    'user.block.deleted': BlockEventPayload;
    'user.follow.created': FollowEventPayload & { createdAt: string };
    'user.follow.deleted': FollowEventPayload;
    'user.presence.changed': PresenceEventPayload;
  }
}
