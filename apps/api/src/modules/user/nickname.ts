import { randomInt } from 'node:crypto';

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
