import { assertPasswordAllowed, isCommonPassword, isPersonalPassword } from './password.policy';

describe('common password list', () => {
  it('refuses well-known passwords regardless of case', () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('Baseball')).toBe(true);
    expect(isCommonPassword('12345678')).toBe(true);
  });

  it('accepts an uncommon passphrase', () => {
    expect(isCommonPassword('orgo climbs together 2026')).toBe(false);
  });
});

describe('password rule', () => {
  it.each(['password123', 'Password123!', 'qwerty2024', 'baseball!!', 'iloveyou1'])(
    'treats %s as common',
    (password) => expect(isCommonPassword(password)).toBe(true),
  );

  it('keeps a short stem or a passphrase allowed', () => {
    expect(isCommonPassword('zqv12345')).toBe(false);
    expect(isCommonPassword('fresh-123456789012')).toBe(false);
    expect(isCommonPassword('violet stairs 2026')).toBe(false);
  });

  it.each([
    ['the email local part', 'hyunwoo.kim2026', { email: 'hyunwoo.kim@example.com' }],
    ['the local part before a +tag, any case', 'xHYUNWOOx!', { email: 'hyunwoo+orgo@example.com' }],
    ['the nickname without its spaces', 'bluewhale-9911', { nickname: 'Blue Whale' }],
    ['a Korean nickname', '용감한다람쥐2026', { nickname: '용감한다람쥐' }],
  ])('refuses a password holding %s', (_name, password, words) => {
    expect(isPersonalPassword(password, words)).toBe(true);
    expect(() => assertPasswordAllowed(password, words, 'newPassword')).toThrow(
      expect.objectContaining({
        code: 'AUTH_PASSWORD_TOO_PERSONAL',
        status: 400,
        errors: [expect.objectContaining({ field: 'newPassword', code: 'tooPersonal' })],
      }),
    );
  });

  it('ignores words shorter than 3 and unrelated passwords', () => {
    expect(isPersonalPassword('jo-climbs-high', { email: 'jo@example.com', nickname: 'ab' })).toBe(
      false,
    );
    expect(
      isPersonalPassword('violet stairs 2026', { email: 'mina@example.com', nickname: '미나' }),
    ).toBe(false);
  });

  it('names a common password first, with its code', () => {
    expect(() => assertPasswordAllowed('password123', { email: 'mina@example.com' })).toThrow(
      expect.objectContaining({ code: 'AUTH_PASSWORD_TOO_COMMON' }),
    );
    expect(() =>
      assertPasswordAllowed('violet stairs 2026', { email: 'mina@example.com' }),
    ).not.toThrow();
  });
});
