import { describe, expect, it } from 'vitest';
import { canRetrySend } from './send-failure';

describe('canRetrySend', () => {
  it('offers a retry after a timeout or a passing fault', () => {
    expect(canRetrySend(undefined)).toBe(true);
    expect(canRetrySend('COMMON_RATE_LIMITED')).toBe(true);
    expect(canRetrySend('COMMON_INTERNAL')).toBe(true);
  });

  it('offers none where the same message can never go through', () => {
    for (const code of [
      'CHAT_DIRECT_BLOCKED',
      'CHAT_DIRECT_NOT_ALLOWED',
      'CHAT_MEMBER_NOT_FOUND',
      'CHAT_ROOM_NOT_FOUND',
      'AUTH_EMAIL_NOT_VERIFIED',
      'COMMON_VALIDATION_FAILED',
    ])
      expect(canRetrySend(code)).toBe(false);
  });
});
