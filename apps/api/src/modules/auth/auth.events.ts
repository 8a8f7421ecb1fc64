export interface SessionEventPayload {
  sessionId: string;
  userId: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
}

declare module '../../infra/events/domain-event-map' {
  interface DomainEventMap {
    'auth.session.created': SessionEventPayload;
    'auth.session.revoked': { sessionId: string; userId: string; reason: string };
  }
}
