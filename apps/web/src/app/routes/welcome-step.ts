import type { Me } from '@/lib/api-types';

/** The first step shows to accounts younger than this, until it is finished. */
export const WELCOME_DAYS = 7;
const KEY_PREFIX = 'orgo.welcome.done.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** A new account (this week) that has not finished the first step in this browser. */
export function isWelcomeDue(me: Pick<Me, 'id' | 'createdAt'>, now = Date.now()): boolean {
  const age = now - Date.parse(me.createdAt);
  if (!(age < WELCOME_DAYS * 24 * 60 * 60 * 1000)) return false;
  try {
    return storage()?.getItem(`${KEY_PREFIX}${me.id}`) !== '1';
  } catch {
    return true;
  }
}

export function markWelcomeDone(userId: string): void {
  try {
    storage()?.setItem(`${KEY_PREFIX}${userId}`, '1');
  } catch {
    // Storage blocked: the step shows again next time, which does no harm.
  }
}
