import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { randomInt } from 'node:crypto';

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;

/**
 * Letters (any script, so Korean), digits, `_ . -`, and single spaces between words: no markup,
 * no direction overrides or other invisible characters, no line breaks.
 */
export const NICKNAME_PATTERN = /^[\p{L}\p{N}_.-]+(?: [\p{L}\p{N}_.-]+)*$/u;

/** The one nickname rule, after trimming, wherever a nickname comes in. */
export function isValidNickname(nickname: string): boolean {
  return (
    nickname.length >= NICKNAME_MIN &&
    nickname.length <= NICKNAME_MAX &&
    NICKNAME_PATTERN.test(nickname)
  );
}

/** The nickname rule as DTO validation: sign-up and profile edit answer the same field errors. */
export function IsNickname(): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim() : value,
    ),
    IsString(),
    Length(NICKNAME_MIN, NICKNAME_MAX),
    Matches(NICKNAME_PATTERN, {
      message: 'nickname may hold letters, digits, _ . - and single spaces between words',
    }),
  );
}

const adjectives = [
  '용감한',
  '성실한',
  '느긋한',
  '반짝이는',
  '부지런한',
  '씩씩한',
  '호기심많은',
  '차분한',
  '명랑한',
  '든든한',
  '재빠른',
  '꼼꼼한',
  '다정한',
  '신나는',
  '지혜로운',
  '유쾌한',
];
const animals = [
  '다람쥐',
  '수달',
  '고양이',
  '판다',
  '여우',
  '펭귄',
  '고래',
  '부엉이',
  '너구리',
  '코알라',
  '토끼',
  '거북이',
  '사슴',
  '햄스터',
  '돌고래',
  '알파카',
];

/** A default Korean "adjective + animal" nickname; `attempt` > 0 adds digits to dodge collisions. */
export function defaultNickname(attempt = 0): string {
  const base = `${adjectives[randomInt(adjectives.length)]}${animals[randomInt(animals.length)]}`;
  return attempt === 0 ? base : `${base}${randomInt(10 ** Math.min(attempt + 1, 6))}`.slice(0, 20);
}
