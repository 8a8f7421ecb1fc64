/** The app shell: navigation, pages, error screens and shared messages (Korean, the default language; `en.ts` must have exactly these keys). */
export const appKo = {
  app: {
    loading: '불러오는 중…',
    name: 'OrGo',
    skipToContent: '본문으로 건너뛰기',
    tagline: '백엔드 개발을 함께 배우는 실시간 커뮤니티',
  },
  comingSoon: {
    back: '피드로 돌아가기',
    title: '곧 제공됩니다',
  },
  errorPage: {
    description: '화면을 그리는 중 문제가 생겼습니다.',
    reload: '새로 고침',
    title: '문제가 발생했습니다',
  },
  errors: {
    network: '서버에 연결할 수 없습니다. 네트워크를 확인하세요.',
    retryAfter: '{seconds}초 후에 다시 시도하세요.',
    unknown: '알 수 없는 오류가 발생했습니다.',
  },
  home: {
    allChats: '모든 채팅 보기',
    chats: '내 채팅',
    haveAccount: '이미 계정이 있어요',
    join: 'OrGo 시작하기',
    morePeople: '사람들 더 보기',
    myProfile: '내 프로필로 가기',
    noChats: '아직 대화가 없습니다. 팔로우한 사람의 프로필에서 "메시지 보내기"로 시작하세요.',
    title: '홈',
    welcome: {
      description:
        '두 가지만 하면 시작할 준비가 끝납니다. 언제든 건너뛸 수 있습니다.',
      done: '시작하기',
      people: '2. 팔로우할 사람 고르기',
      photo: '1. 프로필 사진 올리기',
      title: 'OrGo에 오신 것을 환영합니다',
    },
  },
  language: {
    en: 'English',
    ko: '한국어',
    label: '언어',
  },
  nav: {
    account: '계정 설정',
    chat: '채팅',
    feed: '피드',
    label: '주 메뉴',
    login: '로그인',
    logout: '로그아웃',
    menu: '메뉴',
    notifications: '알림',
    people: '사람들',
    profile: '프로필',
    search: '검색',
    sessions: '세션 관리',
    signup: '회원가입',
    studies: '스터디',
    user: '{nickname} 님',
  },
  notFound: {
    description: '주소가 바뀌었거나 없는 페이지입니다.',
    home: '피드로 가기',
    title: '페이지를 찾을 수 없습니다',
  },
  pages: {
    feed: '질문, 회고, 스터디 후기를 올리고 댓글과 좋아요로 서로 돕는 피드가 이곳에 열립니다.',
    notifications: '댓글, 좋아요, 스터디 소식을 실시간으로 모아 보는 알림함이 이곳에 열립니다.',
    search: '글, 스터디, 사람을 한 번에 찾는 검색이 이곳에 열립니다.',
    studies: '스터디를 만들고 참여하며 함께 집중 시간을 재는 공간이 이곳에 열립니다.',
  },
};
