import { isCommonPassword } from './password.policy';

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
