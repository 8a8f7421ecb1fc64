/** The demo community's chats and studies (dates relative to the day of the first start). */

export const GROUP_MEMBERS = ['seoyeon', 'doyun', 'haeun', 'jiho', 'sua', 'yejun'];
export const GROUP_CHAT: [string, string][] = [
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

export const DIRECT_CHAT: [string, string][] = [
  ['minjun', '서연님, 인덱스 글 잘 봤어요!'],
  ['seoyeon', '감사합니다 😊 혹시 이상한 부분 있었나요?'],
  ['minjun', '아뇨, 너무 좋았어요. 다음 스터디 때 발표 한 번 해 주실 수 있을까요?'],
  ['seoyeon', '좋아요! 20분 정도면 될까요?'],
  ['minjun', '충분합니다. 자료는 편하게 준비해 주세요 🙏'],
  ['seoyeon', '넵 주말에 정리해서 보내 드릴게요'],
];

export interface StudyPlan {
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

export const STUDIES: StudyPlan[] = [
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
