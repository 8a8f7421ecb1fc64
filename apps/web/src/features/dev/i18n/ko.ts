/** The development mail outbox (Korean, the default language; `en.ts` must have exactly these keys). */
export const devKo = {
  devOutbox: {
    description:
      '내장 모드(SMTP_URL 없음)에서 서버가 보낸 메일입니다. 최근 50통만 메모리에 보관합니다.',
    empty: '아직 보낸 메일이 없습니다.',
    hint: '이 서버는 메일을 실제로 보내지 않는 개발 모드입니다.',
    open: '개발용 메일함 열기',
    refresh: '새로 고침',
    sentAt: '{date}에 보냄',
    title: '개발용 메일함',
    to: '받는 사람 {to}',
    unavailable:
      '개발용 메일함이 꺼져 있습니다. SMTP가 설정되었거나, 운영 모드이거나, 서버가 아닌 다른 컴퓨터에서 열었습니다.',
  },
};
