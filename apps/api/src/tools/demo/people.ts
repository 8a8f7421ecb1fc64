/** The people of the demo community (`pnpm demo`): accounts, their about texts and follows. */

/** The one password of every demo account. */
export const DEMO_PASSWORD = 'orgo-demo-2026';

export interface DemoPerson {
  key: string;
  nickname: string;
  about: string;
  /** Avatar background. */
  colour: string;
}

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    key: 'minjun',
    nickname: '김민준',
    about: '백엔드 3년 차, 스터디 모임장. NestJS와 PostgreSQL을 좋아합니다.',
    colour: '#4f6df5',
  },
  {
    key: 'seoyeon',
    nickname: '이서연',
    about: 'DB 덕후. 요즘은 실행 계획 읽는 재미에 빠져 있어요.',
    colour: '#e0607e',
  },
  {
    key: 'doyun',
    nickname: '박도윤',
    about: '부트캠프 수료 후 첫 이직 준비 중입니다.',
    colour: '#2f9e78',
  },
  {
    key: 'haeun',
    nickname: '최하은',
    about: '프론트엔드에서 백엔드로 넘어오는 중. 카페 공부파.',
    colour: '#f08c3a',
  },
  {
    key: 'jiho',
    nickname: '정지호',
    about: 'Redis, 캐시, 성능 측정. 숫자로 말하는 걸 좋아합니다.',
    colour: '#7b5cd6',
  },
  {
    key: 'sua',
    nickname: '강수아',
    about: '알고리즘 하루 한 문제, 500일째.',
    colour: '#d9a413',
  },
  {
    key: 'yejun',
    nickname: '조예준',
    about: '인프라 담당. 도커, 쿠버네티스, CI/CD.',
    colour: '#1c8fb5',
  },
  {
    key: 'jiwoo',
    nickname: '윤지우',
    about: '취준생. CS 면접 질문 정리해서 공유해요.',
    colour: '#c2527a',
  },
  {
    key: 'siwoo',
    nickname: '장시우',
    about: '컴공 3학년, Spring 하다가 Nest로 왔습니다.',
    colour: '#5a8f2e',
  },
  {
    key: 'seoyun',
    nickname: '임서윤',
    about: '사이드 프로젝트를 끝까지 만들어 보는 게 목표!',
    colour: '#e5533d',
  },
  {
    key: 'eunwoo',
    nickname: '한은우',
    about: '테스트 코드와 리팩터링 이야기를 좋아합니다.',
    colour: '#3b7d8c',
  },
  {
    key: 'harin',
    nickname: '오하린',
    about: '개발 공부 100일 챌린지 진행 중 🌱',
    colour: '#a0569e',
  },
];

export const demoEmail = (key: string): string => `${key}@example.com`;

/** Who follows whom, by key. */
export const FOLLOWS: Record<string, string[]> = {
  minjun: ['seoyeon', 'doyun', 'haeun', 'jiho', 'sua', 'yejun', 'eunwoo'],
  seoyeon: ['minjun', 'jiho', 'sua', 'eunwoo', 'harin'],
  doyun: ['minjun', 'seoyeon', 'jiwoo', 'siwoo'],
  haeun: ['minjun', 'seoyun', 'harin', 'sua'],
  jiho: ['minjun', 'seoyeon', 'yejun'],
  sua: ['minjun', 'seoyeon', 'jiwoo', 'siwoo', 'doyun'],
  yejun: ['minjun', 'jiho', 'eunwoo'],
  jiwoo: ['sua', 'doyun', 'siwoo', 'minjun'],
  siwoo: ['sua', 'jiwoo', 'minjun', 'seoyun'],
  seoyun: ['haeun', 'harin', 'siwoo', 'minjun'],
  eunwoo: ['minjun', 'seoyeon', 'yejun'],
  harin: ['haeun', 'seoyun', 'seoyeon', 'minjun', 'sua'],
};
