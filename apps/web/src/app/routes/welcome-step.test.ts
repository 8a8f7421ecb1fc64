import { afterEach, describe, expect, it } from 'vitest';
import { isWelcomeDue, markWelcomeDone } from './welcome-step';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.parse('2026-03-10T12:00:00Z');

describe('the first step after sign-up', () => {
  afterEach(() => window.localStorage.clear());

  it('shows to a new account until it is finished', () => {
    const me = { id: 'u1', createdAt: new Date(now - 60_000).toISOString() };
    expect(isWelcomeDue(me, now)).toBe(true);
    markWelcomeDone('u1');
    expect(isWelcomeDue(me, now)).toBe(false);
    expect(isWelcomeDue({ ...me, id: 'u2' }, now)).toBe(true);
  });

  it('does not show to an account older than a week, or with an unreadable date', () => {
    expect(isWelcomeDue({ id: 'u3', createdAt: new Date(now - 8 * DAY).toISOString() }, now)).toBe(
      false,
    );
    expect(isWelcomeDue({ id: 'u4', createdAt: 'not a date' }, now)).toBe(false);
  });
});
