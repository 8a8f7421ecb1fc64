export interface SessionTimes {
  expiresAt: Date;
  lastUsedAt: Date;
  revokedAt: Date | null;
}

/** A session may be used while not revoked, before its absolute expiry, and within the idle limit. */
export function isSessionUsable(session: SessionTimes, idleSec: number, now = new Date()): boolean {
  if (session.revokedAt) return false;
  if (session.expiresAt.getTime() <= now.getTime()) return false;
  return now.getTime() - session.lastUsedAt.getTime() <= idleSec * 1000;
}

/** A rotated refresh token still answers (with the same successor) inside the grace window. */
export function isWithinGrace(rotatedAt: Date, graceSec: number, now = new Date()): boolean {
  return now.getTime() - rotatedAt.getTime() <= graceSec * 1000;
}

/** Browser refresh/logout with the cookie must prove same-site intent: header plus allowed origin. */
export function isCsrfSafe(
  headers: { csrf?: string; origin?: string },
  allowedOrigins: string[],
): boolean {
  if (headers.csrf !== '1') return false;
  return headers.origin === undefined || allowedOrigins.includes(headers.origin);
}

/** The access token's signature algorithm (signing and verifying). */
export const JWT_ALGORITHM = 'HS256';
