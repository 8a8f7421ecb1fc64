/** What happens to a leaving user's posts and comments: kept as "탈퇴한 사용자", or removed. */
export const ContentPolicies = ['anonymize', 'remove'] as const;
export type ContentPolicy = (typeof ContentPolicies)[number];

declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    /** After commit; modules owning content (posts, studies, chat) apply `contentPolicy`. */
    'user.account.deleted': {
      userId: string;
      contentPolicy: ContentPolicy;
      /** The avatar object to delete from storage, if there was one. */
      avatarKey: string | null;
    };
  }
}
