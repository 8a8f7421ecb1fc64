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

export function emailChangeCodeMail(input: {
  to: string;
  nickname: string;
  code: string;
  ttlMin: number;
}): MailMessage {
  const { to, nickname, code, ttlMin } = input;
  return {
    to,
    subject: '[OrGo] 새 이메일 주소 확인 / Confirm your new email address',
    text: [
      `${nickname}님, OrGo 계정의 이메일을 이 주소로 바꾸려고 합니다.`,
      '',
      `인증 코드: ${code}`,
      `코드는 ${ttlMin}분 동안 유효합니다. 직접 요청하지 않았다면 이 메일을 무시하세요. 아무것도 바뀌지 않습니다.`,
      '',
      `Your OrGo code to confirm this new address is ${code}. It expires in ${ttlMin} minutes.`,
    ].join('\n'),
    html: layout([
      `${escapeHtml(nickname)}님, OrGo 계정의 이메일을 이 주소로 바꾸려고 합니다.`,
      `인증 코드: <strong style="font-size:1.5em;letter-spacing:0.2em">${code}</strong>`,
      `코드는 ${ttlMin}분 동안 유효합니다. 직접 요청하지 않았다면 이 메일을 무시하세요. 아무것도 바뀌지 않습니다.`,
      `Your OrGo code to confirm this new address is ${code}. It expires in ${ttlMin} minutes.`,
    ]),
  };
}

/** To the old address once the change is done; names the new one only partly. */
export function emailChangedNoticeMail(input: {
  to: string;
  nickname: string;
  newEmail: string;
}): MailMessage {
  const { to, nickname } = input;
  const masked = maskEmail(input.newEmail);
  const text = [
    `${nickname}님, OrGo 계정의 이메일이 ${masked}(으)로 바뀌었습니다.`,
    '직접 바꾸지 않았다면 바로 비밀번호를 재설정하고 모든 세션을 종료하세요.',
    '',
    `The email of your OrGo account was changed to ${masked}. If this was not you, reset your password now.`,
  ];
  return {
    to,
    subject: '[OrGo] 이메일 주소가 바뀌었습니다 / Your email address was changed',
    text: text.join('\n'),
    html: layout(text.filter(Boolean).map(escapeHtml)),
  };
}

/** `ab***@example.com`: enough to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}
