import type { MailMessage } from '../../infra/mail/mail.service';

// The user's language is not stored yet: Korean first, with an English line for everyone else.

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function layout(paragraphs: string[]): string {
  return `<!doctype html><html lang="ko"><body style="font-family:sans-serif;line-height:1.6">${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</body></html>`;
}

export function verificationMail(input: {
  to: string;
  nickname: string;
  code: string;
  link: string;
  ttlMin: number;
}): MailMessage {
  const { to, nickname, code, link, ttlMin } = input;
  return {
    to,
    subject: '[OrGo] 이메일 인증 코드 / Verify your email',
    text: [
      `${nickname}님, OrGo에 오신 것을 환영합니다.`,
      '',
      `인증 코드: ${code}`,
      `또는 이 링크를 여세요: ${link}`,
      `코드와 링크는 ${ttlMin}분 동안 유효합니다. 직접 가입하지 않았다면 이 메일을 무시하세요.`,
      '',
      `Your OrGo verification code is ${code}, or open the link above. It expires in ${ttlMin} minutes.`,
    ].join('\n'),
    html: layout([
      `${escapeHtml(nickname)}님, OrGo에 오신 것을 환영합니다.`,
      `인증 코드: <strong style="font-size:1.5em;letter-spacing:0.2em">${code}</strong>`,
      `<a href="${escapeHtml(link)}">이메일 인증하기</a>`,
      `코드와 링크는 ${ttlMin}분 동안 유효합니다. 직접 가입하지 않았다면 이 메일을 무시하세요.`,
      `Your OrGo verification code is ${code}, or use the link above. It expires in ${ttlMin} minutes.`,
    ]),
  };
}

export function passwordResetMail(input: {
  to: string;
  nickname: string;
  link: string;
  ttlMin: number;
}): MailMessage {
  const { to, nickname, link, ttlMin } = input;
  return {
    to,
    subject: '[OrGo] 비밀번호 재설정 / Reset your password',
    text: [
      `${nickname}님, 비밀번호 재설정을 요청하셨습니다.`,
      '',
      `이 링크에서 새 비밀번호를 정하세요: ${link}`,
      `링크는 ${ttlMin}분 동안 한 번만 쓸 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요.`,
      '',
      `Reset your OrGo password with the link above. It works once, for ${ttlMin} minutes.`,
    ].join('\n'),
    html: layout([
      `${escapeHtml(nickname)}님, 비밀번호 재설정을 요청하셨습니다.`,
      `<a href="${escapeHtml(link)}">새 비밀번호 정하기</a>`,
      `링크는 ${ttlMin}분 동안 한 번만 쓸 수 있습니다. 요청하지 않았다면 이 메일을 무시하세요.`,
      `Reset your OrGo password with the link above. It works once, for ${ttlMin} minutes.`,
    ]),
  };
}
