import type { ImageKind } from './pictures';

/** The demo community's posts: authors, texts, drawn images, likes, comments and replies. */

export interface PostPlan {
  by: string;
  title: string;
  content: string;
  images?: ImageKind[];
  likes?: string[];
  comments?: { by: string; text: string; replies?: { by: string; text: string }[] }[];
}

export const POSTS: PostPlan[] = [
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
