import { defaultNickname, isValidNickname } from './nickname';

describe('nickname rule', () => {
  it.each(['용감한다람쥐', 'climber_01', 'Mina K.', 'a-b', '山田'])('accepts %s', (nickname) => {
    expect(isValidNickname(nickname)).toBe(true);
  });

  it.each([
    ['markup', '<b>boss</b>'],
    ['a right-to-left override', 'admin\u202Egnp'],
    ['a zero-width joiner', 'ad\u200Dmin'],
    ['a newline', 'two\nlines'],
    ['a leading space', ' mina'],
    ['two spaces in a row', 'mina  kim'],
    ['one character', 'a'],
    ['21 characters', 'n'.repeat(21)],
  ])('refuses %s', (_name, nickname) => {
    expect(isValidNickname(nickname)).toBe(false);
  });

  it('generates defaults that obey the rule, retries included', () => {
    for (let attempt = 0; attempt < 8; attempt++)
      for (let i = 0; i < 50; i++) expect(isValidNickname(defaultNickname(attempt))).toBe(true);
  });
});
