import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import sharp from 'sharp';

/**
 * The demo community of `pnpm demo` (scripts/demo.mjs): a believable Korean community written
 * through the running API's own HTTP endpoints, so every count, sequence and room is what real use
 * would leave. Only the email verification is marked in the database, as there is no inbox.
 * Later features add their content as further steps of `seedDemo`.
 */

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

export interface DemoSeedOptions {
  /** The running API, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Its database: the demo accounts' emails are marked verified there. */
  databaseUrl: string;
  /** Study dates are relative to this day (UTC); today by default. */
  now?: Date;
  log?: (line: string) => void;
}

export interface DemoSeedResult {
  accounts: { email: string; nickname: string }[];
  password: string;
  posts: number;
  groupRoomId: string;
  directRoomId: string;
  studies: { id: string; title: string; roomId: string }[];
}

type ImageKind = 'code' | 'chart' | 'diagram' | 'sunset' | 'desk' | 'notebook';

interface PostPlan {
  by: string;
  title: string;
  content: string;
  images?: ImageKind[];
  likes?: string[];
  comments?: { by: string; text: string; replies?: { by: string; text: string }[] }[];
}

const FOLLOWS: Record<string, string[]> = {
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

const POSTS: PostPlan[] = [
  {
    by: 'harin',
    title: '개발 공부 100일 챌린지 시작합니다',
    content:
      '오늘부터 하루에 최소 한 시간씩 백엔드 공부를 기록하려고 해요.\n첫 목표는 REST API 하나를 처음부터 끝까지 만들어 보는 것!\n같이 하실 분들 댓글로 응원 부탁드려요 🙌',
    images: ['notebook'],
    likes: ['haeun', 'seoyun', 'seoyeon', 'minjun', 'sua'],
    comments: [
      {
        by: 'haeun',
        text: '저도 같이 할게요! 매일 인증해요 ㅎㅎ',
        replies: [{ by: 'harin', text: '좋아요! 서로 체크해 줘요 💪' }],
      },
      { by: 'minjun', text: '꾸준함이 최고입니다. 막히는 거 있으면 언제든 물어보세요.' },
    ],
  },
  {
    by: 'minjun',
    title: 'NestJS 모듈 나누기 회고',
    content:
      '서비스가 커지면서 모듈 간 의존성이 꼬여서 한 번 정리했습니다.\n\n1. 모듈마다 공개 API(index.ts)만 export\n2. 다른 모듈 내부 파일은 import 금지 (lint로 막기)\n3. 이벤트로 느슨하게 연결\n\n정리하고 나니 테스트 작성이 훨씬 편해졌어요.\nhttps://docs.nestjs.com/modules',
    images: ['code'],
    likes: ['seoyeon', 'doyun', 'jiho', 'yejun', 'eunwoo', 'siwoo'],
    comments: [
      {
        by: 'eunwoo',
        text: '2번 lint로 막는 거 정말 좋네요. 어떤 규칙 쓰셨어요?',
        replies: [
          { by: 'minjun', text: 'import-x의 no-restricted-paths 비슷한 규칙을 씁니다!' },
          { by: 'eunwoo', text: '오 바로 적용해 볼게요 감사합니다' },
        ],
      },
      { by: 'siwoo', text: 'Spring의 패키지 구조랑 비교해 보면 재밌네요.' },
    ],
  },
  {
    by: 'seoyeon',
    title: 'PostgreSQL 복합 인덱스 실험 결과',
    content:
      '피드 조회 쿼리에 (created_at DESC, id DESC) 복합 인덱스를 걸었더니 p95가 180ms → 9ms로 줄었어요.\nEXPLAIN ANALYZE로 전후를 비교한 그래프 첨부합니다.\n커서 페이지네이션이랑 같이 쓰면 효과가 더 큽니다.',
    images: ['chart'],
    likes: ['minjun', 'jiho', 'eunwoo', 'sua', 'harin', 'doyun', 'yejun'],
    comments: [
      {
        by: 'jiho',
        text: '숫자 차이가 엄청나네요. 데이터는 몇 건 기준인가요?',
        replies: [{ by: 'seoyeon', text: '게시글 10만 건 기준이에요!' }],
      },
      { by: 'doyun', text: '오프셋 페이지네이션이랑도 비교해 주시면 좋겠어요 🙏' },
    ],
  },
  {
    by: 'doyun',
    title: '첫 코드 리뷰를 받았어요',
    content:
      '사이드 프로젝트 PR에 처음으로 리뷰를 받았는데 코멘트가 23개 달렸습니다 😅\n그래도 하나하나 고치면서 많이 배웠어요. 특히 에러 처리를 한곳에 모으는 법!',
    likes: ['minjun', 'jiwoo', 'sua', 'siwoo'],
    comments: [
      { by: 'sua', text: '23개면 그만큼 꼼꼼히 봐주신 거예요. 부럽습니다!' },
      {
        by: 'jiwoo',
        text: '에러 처리 한곳에 모으는 거 예시 공유해 주실 수 있나요?',
        replies: [{ by: 'doyun', text: '정리해서 따로 글 올릴게요!' }],
      },
    ],
  },
  {
    by: 'jiho',
    title: 'Redis 캐시 적용기: 무엇을 캐시하지 말아야 하나',
    content:
      '인기 게시글 목록에 Redis 캐시를 붙였습니다.\n캐시 무효화가 어려운 데이터(좋아요 수처럼 자주 바뀌는 값)는 짧은 TTL로, 거의 안 바뀌는 건 길게.\n구조도 첨부합니다.',
    images: ['diagram'],
    likes: ['minjun', 'seoyeon', 'yejun'],
    comments: [
      {
        by: 'yejun',
        text: 'Redis가 죽었을 때는 DB로 바로 가나요?',
        replies: [{ by: 'jiho', text: '네, 타임아웃 짧게 두고 DB로 폴백합니다.' }],
      },
    ],
  },
  {
    by: 'haeun',
    title: '오늘은 카페에서 공부했어요',
    content:
      '창가 자리에서 HTTP 캐시 헤더 공부했습니다. Cache-Control, ETag 정리 끝!\n노을이 너무 예뻐서 한 장 남겨요 🌇',
    images: ['sunset', 'desk'],
    likes: ['harin', 'seoyun', 'minjun'],
    comments: [{ by: 'seoyun', text: '분위기 최고네요. 어디 카페예요?' }],
  },
  {
    by: 'sua',
    title: '알고리즘 스터디 2주차 후기',
    content:
      '이번 주 주제는 BFS/DFS였습니다.\n같은 문제를 다섯 명이 다 다르게 풀어서 코드 비교하는 시간이 제일 재밌었어요.\n다음 주는 다이나믹 프로그래밍!',
    likes: ['siwoo', 'jiwoo', 'doyun', 'minjun', 'seoyeon'],
    comments: [
      {
        by: 'siwoo',
        text: '저 이번 주 처음 참여했는데 많이 배웠습니다!',
        replies: [{ by: 'sua', text: '환영해요 시우님 🎉' }],
      },
    ],
  },
  {
    by: 'yejun',
    title: '도커 컴포즈로 로컬 개발 환경 한 번에 띄우기',
    content:
      'API 두 대 + nginx + Postgres + Redis를 compose 하나로 띄우는 구성을 정리했습니다.\n헬스체크를 depends_on 조건에 걸어 두면 순서 문제가 사라져요.',
    images: ['diagram'],
    likes: ['jiho', 'minjun', 'eunwoo'],
    comments: [{ by: 'eunwoo', text: '헬스체크 조건 꿀팁 감사합니다.' }],
  },
  {
    by: 'jiwoo',
    title: '백엔드 신입 면접 질문 정리 (1)',
    content:
      '최근 면접에서 받은 질문들입니다.\n- 트랜잭션 격리 수준과 각각의 문제\n- 인덱스가 오히려 느려지는 경우\n- JWT와 세션의 차이\n- N+1 문제와 해결 방법\n답변 정리는 다음 글에 올릴게요!',
    likes: ['doyun', 'sua', 'siwoo', 'harin', 'seoyeon', 'minjun'],
    comments: [
      {
        by: 'seoyeon',
        text: '인덱스가 느려지는 경우는 선택도가 낮을 때랑 쓰기가 많을 때를 꼭 말해 보세요.',
        replies: [{ by: 'jiwoo', text: '메모했습니다! 감사해요 🙇' }],
      },
      { by: 'doyun', text: '다음 글 기다릴게요!' },
    ],
  },
  {
    by: 'siwoo',
    title: 'JWT vs 세션, 여러분은 뭘 쓰세요?',
    content:
      '과제로 로그인을 만들다가 고민이 생겼어요.\n액세스 토큰은 짧게, 리프레시 토큰은 쿠키에 두는 방식이 일반적인가요?',
    likes: ['jiwoo'],
    comments: [
      {
        by: 'minjun',
        text: '네, 액세스 토큰은 메모리에, 리프레시 토큰은 httpOnly 쿠키에 두고 회전시키는 게 흔해요.',
        replies: [
          { by: 'siwoo', text: '회전이라는 게 쓸 때마다 새로 발급하는 거죠?' },
          { by: 'minjun', text: '맞아요. 이전 토큰을 다시 쓰면 탈취로 보고 전부 끊습니다.' },
        ],
      },
    ],
  },
  {
    by: 'seoyun',
    title: '사이드 프로젝트 배포 완료!',
    content:
      '3개월 걸린 스터디 모집 서비스를 드디어 배포했습니다 🎉\n백엔드는 NestJS, DB는 PostgreSQL, 이미지는 S3.\n피드백 환영합니다!',
    images: ['desk', 'chart'],
    likes: ['haeun', 'harin', 'siwoo', 'minjun', 'jiho', 'sua', 'seoyeon', 'doyun'],
    comments: [
      { by: 'harin', text: '축하드려요!! 저도 100일 뒤에는 꼭…' },
      {
        by: 'jiho',
        text: '응답 속도 좋네요. 캐시 쓰셨어요?',
        replies: [{ by: 'seoyun', text: '아직 안 썼어요. 지호님 글 보고 붙여 보려고요!' }],
      },
    ],
  },
  {
    by: 'eunwoo',
    title: '테스트하기 좋은 코드는 읽기도 좋다',
    content:
      '순수 함수로 규칙을 빼 두고(policy), 서비스는 읽고 쓰기만 하게 바꿨더니 단위 테스트가 절반으로 줄었는데 커버리지는 오히려 올랐어요.\n작은 리팩터링부터 시작해 보세요.',
    images: ['code'],
    likes: ['minjun', 'seoyeon', 'yejun'],
    comments: [{ by: 'yejun', text: 'policy 파일 분리 좋네요. 저희 팀도 해 봐야겠어요.' }],
  },
];

const GROUP_MEMBERS = ['seoyeon', 'doyun', 'haeun', 'jiho', 'sua', 'yejun'];
const GROUP_CHAT: [string, string][] = [
  ['minjun', '다들 안녕하세요! 백엔드 공부 모임 방 만들었어요 👋'],
  ['seoyeon', '안녕하세요~ 초대 감사합니다'],
  ['doyun', '반갑습니다! 열심히 하겠습니다'],
  ['haeun', '안녕하세요 ㅎㅎ 프론트 하다 넘어온 하은입니다'],
  ['jiho', '반가워요. 이번 주 목표 하나씩 공유해 볼까요?'],
  ['minjun', '좋아요. 저는 인증 모듈 리팩터링 마무리!'],
  ['seoyeon', '저는 피드 쿼리 인덱스 실험 정리해서 글 올릴게요'],
  ['sua', '저는 DP 문제 10개요 😇'],
  ['doyun', '이력서 업데이트랑 포트폴리오 README 정리입니다'],
  ['haeun', 'HTTP 캐시 헤더 공부요!'],
  ['yejun', '저는 compose 파일 정리해서 공유할게요'],
  ['jiho', '다들 화이팅입니다 🔥'],
  ['seoyeon', '인덱스 실험 글 올렸어요! 피드 탭에서 보실 수 있어요'],
  ['minjun', '와 p95 9ms 실화인가요 ㅋㅋ'],
  ['jiho', '커서 페이지네이션 조합이 핵심이네요'],
  ['doyun', '이번 주 토요일 오프라인 모임 가능하신 분?'],
  ['sua', '저 가능해요!'],
  ['haeun', '저도요. 강남역 근처 어때요?'],
  ['minjun', '좋습니다. 스터디 카페 예약해 둘게요'],
  ['yejun', '저는 오후 3시 이후에 합류할게요'],
];

const DIRECT_CHAT: [string, string][] = [
  ['minjun', '서연님, 인덱스 글 잘 봤어요!'],
  ['seoyeon', '감사합니다 😊 혹시 이상한 부분 있었나요?'],
  ['minjun', '아뇨, 너무 좋았어요. 다음 스터디 때 발표 한 번 해 주실 수 있을까요?'],
  ['seoyeon', '좋아요! 20분 정도면 될까요?'],
  ['minjun', '충분합니다. 자료는 편하게 준비해 주세요 🙏'],
  ['seoyeon', '넵 주말에 정리해서 보내 드릴게요'],
];

interface StudyPlan {
  by: string;
  title: string;
  description: string;
  /** Days from today; an ended study is moved to these past dates after its members joined. */
  start: number;
  end: number;
  endedAt?: { start: number; end: number };
  mode: 'online' | 'offline';
  location?: string;
  maxMembers: number;
  tags: string[];
  members: string[];
  chat?: [string, string][];
}

const STUDIES: StudyPlan[] = [
  {
    by: 'minjun',
    title: 'NestJS 심화 스터디 (모집 중)',
    description:
      '공식 문서 심화 파트와 실전 예제를 8주 동안 함께 봅니다.\n매주 수요일 저녁 9시, 온라인(디스코드).\n모듈 설계, 인터셉터, 테스트까지 다뤄요.',
    start: 10,
    end: 66,
    mode: 'online',
    maxMembers: 8,
    tags: ['nestjs', 'typescript', 'backend'],
    members: ['siwoo', 'eunwoo'],
    chat: [
      ['minjun', '신청해 주셔서 감사합니다! 첫 모임 전에 공식 문서 Fundamentals 읽어 오세요'],
      ['siwoo', '넵 알겠습니다!'],
    ],
  },
  {
    by: 'seoyeon',
    title: 'SQL 튜닝 입문 스터디',
    description:
      '실행 계획 읽는 법부터 인덱스 설계까지. 매주 토요일 오전 10시, 강남역 스터디 카페.',
    start: 5,
    end: 40,
    mode: 'offline',
    location: '서울 강남역 근처 스터디 카페',
    maxMembers: 6,
    tags: ['postgresql', 'sql', 'database'],
    members: ['jiho'],
  },
  {
    by: 'jiwoo',
    title: 'CS 면접 대비 스터디 (마감)',
    description:
      '운영체제, 네트워크, 데이터베이스 면접 질문을 매주 나눠서 준비하고 모의 면접을 합니다.',
    start: 7,
    end: 49,
    mode: 'online',
    maxMembers: 4,
    tags: ['cs', 'interview'],
    members: ['doyun', 'siwoo', 'harin'],
    chat: [
      ['jiwoo', '정원이 다 찼어요! 다음 주 월요일부터 시작합니다'],
      ['harin', '잘 부탁드립니다 🙇'],
      ['doyun', '첫 주 주제는 운영체제 맞죠?'],
      ['jiwoo', '네 프로세스/스레드부터 갑니다'],
    ],
  },
  {
    by: 'sua',
    title: '알고리즘 문제풀이 매일 한 문제',
    description:
      '백준/프로그래머스 문제를 매일 한 문제씩 풀고 스터디 방에 인증합니다. 일요일에는 코드 리뷰.',
    start: -14,
    end: 30,
    mode: 'online',
    maxMembers: 6,
    tags: ['algorithms', 'python', 'java'],
    members: ['siwoo', 'jiwoo', 'doyun', 'seoyeon'],
    chat: [
      ['sua', '오늘 문제는 BFS 기본 문제예요. 다들 인증 부탁드려요!'],
      ['siwoo', '풀었습니다 ✅ 큐를 deque로 바꾸니 시간 초과가 해결됐어요'],
      ['jiwoo', '저도 완료! 방문 체크를 넣는 위치가 헷갈렸어요'],
      ['doyun', '인증합니다 ✅'],
      ['seoyeon', '저는 DFS로도 풀어봤는데 재귀 깊이 제한에 걸렸어요 😂'],
      ['sua', '파이썬은 sys.setrecursionlimit 꼭 넣으세요!'],
      ['siwoo', '일요일 코드 리뷰 때 제 풀이 봐주세요'],
    ],
  },
  {
    by: 'yejun',
    title: '도커 & 쿠버네티스 입문 (종료)',
    description:
      '컨테이너 기초부터 쿠버네티스 배포까지 6주 과정. 수료하신 분들 모두 고생 많으셨습니다!',
    start: -50,
    end: 0,
    endedAt: { start: -50, end: -8 },
    mode: 'online',
    maxMembers: 5,
    tags: ['docker', 'kubernetes', 'devops'],
    members: ['jiho', 'minjun', 'eunwoo'],
    chat: [
      ['yejun', '마지막 주 과제는 직접 만든 API를 클러스터에 배포하기입니다'],
      ['jiho', '배포 완료! 헬스체크 설정하는 게 제일 어려웠어요'],
      ['eunwoo', '저도 완료했습니다. readiness랑 liveness 차이를 이제 알겠네요'],
      ['minjun', '6주 동안 감사했습니다 👏'],
      ['yejun', '다들 수고 많으셨어요! 다음 시즌에 또 봬요 🙌'],
    ],
  },
];

/** Seeds the demo community into an empty API; throws on the first refused request. */
export async function seedDemo(opts: DemoSeedOptions): Promise<DemoSeedResult> {
  const log = opts.log ?? (() => undefined);
  const now = opts.now ?? new Date();
  const day = (offset: number) =>
    new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

  log(`creating ${DEMO_PEOPLE.length} accounts`);
  const people = new Map<string, Member>();
  for (const [i, person] of DEMO_PEOPLE.entries()) {
    const api = new DemoClient(opts.baseUrl, `10.77.0.${i + 1}`);
    const res = await api.call<{ accessToken: string; user: { id: string } }>(
      'POST',
      '/api/auth/signup',
      { email: demoEmail(person.key), password: DEMO_PASSWORD, nickname: person.nickname },
    );
    api.accessToken = res.accessToken;
    people.set(person.key, { ...person, api, id: res.user.id });
  }
  await markVerified(
    opts.databaseUrl,
    [...people.values()].map((p) => p.id),
  );
  const who = (key: string): Member => {
    const member = people.get(key);
    if (!member) throw new Error(`no demo person "${key}"`);
    return member;
  };

  log('profiles and avatars');
  for (const p of people.values()) {
    await p.api.call('PATCH', '/api/users/me', { about: p.about });
    await p.api.upload('PUT', '/api/users/me/avatar', await avatar(p.colour, p.key));
  }

  log('follows');
  for (const [from, targets] of Object.entries(FOLLOWS)) {
    for (const to of targets) await who(from).api.call('PUT', `/api/users/${who(to).id}/follow`);
  }

  log(`${POSTS.length} posts with comments and likes`);
  for (const [n, plan] of POSTS.entries()) {
    const author = who(plan.by);
    const imageIds: string[] = [];
    for (const [k, kind] of (plan.images ?? []).entries()) {
      const bytes = await picture(kind, n * 7 + k);
      const image = await author.api.upload<{ id: string }>('POST', '/api/posts/images', bytes);
      imageIds.push(image.id);
    }
    const post = await author.api.call<{ id: string }>('POST', '/api/posts', {
      title: plan.title,
      content: plan.content,
      ...(imageIds.length ? { imageIds } : {}),
    });
    for (const c of plan.comments ?? []) {
      const comment = await who(c.by).api.call<{ id: string }>(
        'POST',
        `/api/posts/${post.id}/comments`,
        { content: c.text },
      );
      for (const r of c.replies ?? []) {
        await who(r.by).api.call('POST', `/api/posts/${post.id}/comments`, {
          content: r.text,
          parentId: comment.id,
        });
      }
    }
    for (const liker of plan.likes ?? []) {
      await who(liker).api.call('PUT', `/api/posts/${post.id}/like`);
    }
  }

  log('a group chat and a direct chat');
  const owner = who('minjun');
  const group = await owner.api.call<{ id: string }>('POST', '/api/chat/rooms', {
    name: '백엔드 공부 모임',
    memberIds: GROUP_MEMBERS.map((k) => who(k).id),
  });
  await sendAll(group.id, GROUP_CHAT, who);
  const photo = await who('haeun').api.upload<{ id: string }>(
    'POST',
    `/api/chat/rooms/${group.id}/images`,
    await picture('desk', 99),
  );
  await who('haeun').api.call('POST', `/api/chat/rooms/${group.id}/messages`, {
    clientMessageId: randomUUID(),
    text: '미리 가서 자리 잡았어요 ☕',
    imageId: photo.id,
  });
  const direct = await owner.api.call<{ id: string }>('POST', '/api/chat/rooms/direct', {
    userId: who('seoyeon').id,
  });
  await sendAll(direct.id, DIRECT_CHAT, who);

  log(`${STUDIES.length} studies: recruiting, full, in progress and ended`);
  const studies: DemoSeedResult['studies'] = [];
  for (const plan of STUDIES) {
    const leader = who(plan.by);
    const study = await leader.api.call<{ id: string; roomId: string }>('POST', '/api/studies', {
      title: plan.title,
      description: plan.description,
      startDate: day(plan.start),
      endDate: day(plan.end),
      mode: plan.mode,
      location: plan.location ?? null,
      maxMembers: plan.maxMembers,
      tags: plan.tags,
    });
    for (const m of plan.members) await who(m).api.call('POST', `/api/studies/${study.id}/join`);
    await sendAll(study.roomId, plan.chat ?? [], who);
    if (plan.endedAt) {
      await leader.api.call('PATCH', `/api/studies/${study.id}`, {
        startDate: day(plan.endedAt.start),
        endDate: day(plan.endedAt.end),
      });
    }
    studies.push({ id: study.id, title: plan.title, roomId: study.roomId });
  }

  return {
    accounts: DEMO_PEOPLE.map((p) => ({ email: demoEmail(p.key), nickname: p.nickname })),
    password: DEMO_PASSWORD,
    posts: POSTS.length,
    groupRoomId: group.id,
    directRoomId: direct.id,
    studies,
  };
}

interface Member extends DemoPerson {
  api: DemoClient;
  id: string;
}

async function sendAll(
  roomId: string,
  lines: [string, string][],
  who: (key: string) => Member,
): Promise<void> {
  for (const [key, text] of lines) {
    await who(key).api.call('POST', `/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text,
    });
  }
}

// No inbox in the demo: the accounts are marked verified directly, as the mail round trip would.
async function markVerified(databaseUrl: string, ids: string[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      'UPDATE app_user SET email_verified_at = now() WHERE id = ANY($1::uuid[])',
      [ids],
    );
    // Another API answering on the same address would have created the accounts elsewhere.
    if (rowCount !== ids.length)
      throw new Error(
        `marked ${rowCount} of ${ids.length} demo accounts verified: the API and the database given do not belong together`,
      );
  } finally {
    await db.end();
  }
}

class DemoSeedError extends Error {}

/** One demo person's client: its own address (X-Forwarded-For over loopback) and token. */
class DemoClient {
  accessToken?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly ip: string,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.send<T>(
      method,
      path,
      headers,
      body === undefined ? undefined : JSON.stringify(body),
    );
  }

  async upload<T = unknown>(method: string, path: string, bytes: Buffer): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'image.png');
    return this.send<T>(method, path, { 'x-forwarded-for': this.ip }, form);
  }

  private async send<T>(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | FormData | undefined,
  ): Promise<T> {
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    if (!res.ok) throw new DemoSeedError(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

// Pictures are drawn here (SVG rendered by sharp), so the demo needs no network and no files.

const render = (svg: string): Promise<Buffer> => sharp(Buffer.from(svg)).png().toBuffer();

/** A person silhouette on the person's colour, with a pattern chosen by the key. */
function avatar(colour: string, key: string): Promise<Buffer> {
  const h = hash(key);
  const pattern =
    h % 3 === 0
      ? `<circle cx="40" cy="40" r="70" fill="#fff" opacity="0.12"/><circle cx="230" cy="220" r="60" fill="#000" opacity="0.08"/>`
      : h % 3 === 1
        ? `<rect x="-40" y="150" width="360" height="60" fill="#fff" opacity="0.12" transform="rotate(-25 128 128)"/>`
        : `<circle cx="210" cy="50" r="36" fill="#fff" opacity="0.16"/>`;
  return render(`<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
  <rect width="256" height="256" fill="${colour}"/>${pattern}
  <circle cx="128" cy="104" r="46" fill="#fff" opacity="0.92"/>
  <path d="M40 256 C40 186 82 160 128 160 C174 160 216 186 216 256 Z" fill="#fff" opacity="0.92"/>
</svg>`);
}

function picture(kind: ImageKind, seed: number): Promise<Buffer> {
  const rnd = random(seed + 1);
  const W = 960;
  const H = 640;
  const svg = (body: string, bg: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><rect width="${W}" height="${H}" fill="${bg}"/>${body}</svg>`;
  switch (kind) {
    case 'code': {
      const colours = ['#c678dd', '#61afef', '#98c379', '#e5c07b', '#e06c75', '#abb2bf'];
      let lines = '';
      let indent = 0;
      for (let i = 0; i < 16; i++) {
        const y = 90 + i * 32;
        indent = Math.max(0, Math.min(3, indent + Math.floor(rnd() * 3) - 1));
        let x = 90 + indent * 36;
        lines += `<rect x="40" y="${y}" width="24" height="12" rx="3" fill="#4b5263"/>`;
        for (let t = 0, n = 1 + Math.floor(rnd() * 4); t < n; t++) {
          const w = 40 + Math.floor(rnd() * 140);
          lines += `<rect x="${x}" y="${y}" width="${w}" height="14" rx="4" fill="${colours[Math.floor(rnd() * colours.length)]}"/>`;
          x += w + 14;
        }
      }
      return render(
        svg(
          `<rect width="${W}" height="48" fill="#21252b"/><circle cx="28" cy="24" r="8" fill="#ff5f56"/><circle cx="54" cy="24" r="8" fill="#ffbd2e"/><circle cx="80" cy="24" r="8" fill="#27c93f"/><rect x="120" y="14" width="160" height="20" rx="6" fill="#2c313a"/>${lines}`,
          '#282c34',
        ),
      );
    }
    case 'chart': {
      let bars = '';
      const n = 6;
      for (let i = 0; i < n; i++) {
        const before = 120 + Math.floor(rnd() * 320);
        const after = 16 + Math.floor(rnd() * 50);
        const x = 120 + i * 130;
        bars += `<rect x="${x}" y="${560 - before}" width="44" height="${before}" rx="4" fill="#f08c3a"/>`;
        bars += `<rect x="${x + 50}" y="${560 - after}" width="44" height="${after}" rx="4" fill="#4f6df5"/>`;
      }
      let grid = '';
      for (let y = 160; y < 560; y += 80)
        grid += `<line x1="90" y1="${y}" x2="900" y2="${y}" stroke="#e6e8ef" stroke-width="2"/>`;
      return render(
        svg(
          `${grid}<line x1="90" y1="560" x2="900" y2="560" stroke="#8a90a2" stroke-width="3"/><line x1="90" y1="80" x2="90" y2="560" stroke="#8a90a2" stroke-width="3"/>${bars}<rect x="700" y="70" width="22" height="22" rx="4" fill="#f08c3a"/><rect x="700" y="104" width="22" height="22" rx="4" fill="#4f6df5"/><rect x="732" y="76" width="120" height="10" rx="5" fill="#c9cdd8"/><rect x="732" y="110" width="90" height="10" rx="5" fill="#c9cdd8"/>`,
          '#ffffff',
        ),
      );
    }
    case 'diagram': {
      const box = (x: number, y: number, fill: string) =>
        `<rect x="${x}" y="${y}" width="180" height="110" rx="18" fill="${fill}"/><rect x="${x + 30}" y="${y + 48}" width="120" height="14" rx="7" fill="#fff" opacity="0.85"/>`;
      const arrow = (x1: number, y1: number, x2: number, y2: number) =>
        `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#5c6478" stroke-width="6" marker-end="url(#a)"/>`;
      return render(
        svg(
          `<defs><marker id="a" markerWidth="10" markerHeight="10" refX="6" refY="5" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="#5c6478"/></marker></defs>${box(60, 265, '#8a90a2')}${box(390, 120, '#4f6df5')}${box(390, 410, '#4f6df5')}${box(720, 120, '#e5533d')}${box(720, 410, '#2f9e78')}${arrow(240, 300, 380, 190)}${arrow(240, 340, 380, 460)}${arrow(570, 175, 710, 175)}${arrow(570, 465, 710, 465)}${arrow(570, 200, 710, 440)}`,
          '#f4f6fb',
        ),
      );
    }
    case 'sunset':
      return render(
        svg(
          `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3a3f8f"/><stop offset="0.55" stop-color="#f08c3a"/><stop offset="1" stop-color="#ffd27a"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#s)"/><circle cx="${420 + Math.floor(rnd() * 160)}" cy="400" r="90" fill="#ffe6a8"/><path d="M0 470 Q240 400 480 460 T960 440 V640 H0 Z" fill="#5b3a6b"/><path d="M0 540 Q300 480 620 540 T960 520 V640 H0 Z" fill="#3d2850"/>`,
          '#3a3f8f',
        ),
      );
    case 'desk':
      return render(
        svg(
          `<rect y="440" width="${W}" height="200" fill="#b88a5a"/><rect x="250" y="150" width="420" height="270" rx="16" fill="#30343f"/><rect x="270" y="170" width="380" height="230" rx="6" fill="#4f6df5"/><rect x="290" y="195" width="${140 + Math.floor(rnd() * 180)}" height="14" rx="7" fill="#fff" opacity="0.8"/><rect x="290" y="225" width="200" height="14" rx="7" fill="#fff" opacity="0.6"/><rect x="290" y="255" width="260" height="14" rx="7" fill="#fff" opacity="0.6"/><path d="M200 440 L720 440 L690 470 L230 470 Z" fill="#8a90a2"/><rect x="770" y="360" width="80" height="90" rx="10" fill="#fff"/><path d="M850 380 q34 0 34 28 q0 28 -34 28" stroke="#fff" stroke-width="10" fill="none"/><rect x="780" y="370" width="60" height="16" rx="6" fill="#6b4226"/>`,
          '#f3e6d3',
        ),
      );
    case 'notebook': {
      let rows = '';
      for (let i = 0; i < 9; i++) {
        const y = 140 + i * 48;
        const done = i < 4 + Math.floor(rnd() * 3);
        rows += `<rect x="270" y="${y - 14}" width="26" height="26" rx="6" fill="none" stroke="#4f6df5" stroke-width="4"/>`;
        if (done)
          rows += `<path d="M275 ${y} l8 8 l14 -16" stroke="#2f9e78" stroke-width="5" fill="none"/>`;
        rows += `<rect x="320" y="${y - 6}" width="${160 + Math.floor(rnd() * 240)}" height="12" rx="6" fill="#c9cdd8"/>`;
      }
      return render(
        svg(
          `<rect x="220" y="60" width="520" height="540" rx="20" fill="#fffdf6"/><rect x="220" y="60" width="520" height="50" rx="20" fill="#e5533d"/>${rows}`,
          '#dfe7f5',
        ),
      );
    }
  }
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/** A small deterministic generator: the same demo draws the same pictures. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
