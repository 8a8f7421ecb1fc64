import {
  emailChangeCodeMail,
  emailChangedNoticeMail,
  maskEmail,
  passwordResetMail,
  verificationMail,
} from './auth.mails';

describe('auth mails', () => {
  it('puts the code and link in both parts, Korean first with an English line', () => {
    const mail = verificationMail({
      to: 'a@example.com',
      nickname: '용감한수달',
      code: '042917',
      link: 'http://localhost:3000/verify-email?token=abc',
      ttlMin: 10,
    });
    expect(mail.text).toContain('인증 코드: 042917');
    expect(mail.text).toContain('http://localhost:3000/verify-email?token=abc');
    expect(mail.text).toMatch(/expires in 10 minutes/);
    expect(mail.html).toContain('042917');
  });

  it('escapes the nickname and the link in HTML', () => {
    const mail = passwordResetMail({
      to: 'a@example.com',
      nickname: '<img src=x onerror=alert(1)>',
      link: 'http://localhost:3000/reset-password?token=a&b="c"',
      ttlMin: 30,
    });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('token=a&amp;b=&quot;c&quot;');
  });

  it('sends the change code to the new address and tells the old one without the full new address', () => {
    const code = emailChangeCodeMail({
      to: 'new@example.com',
      nickname: '<b>x</b>',
      code: '123456',
      ttlMin: 10,
    });
    expect(code.to).toBe('new@example.com');
    expect(code.text).toContain('인증 코드: 123456');
    expect(code.html).not.toContain('<b>');
    const notice = emailChangedNoticeMail({
      to: 'old@example.com',
      nickname: '<b>x</b>',
      newEmail: 'newaddress@example.com',
    });
    expect(notice.to).toBe('old@example.com');
    expect(notice.text).toContain('ne***@example.com');
    expect(notice.text + notice.html).not.toContain('newaddress@');
    expect(notice.html).not.toContain('<b>');
  });

  it('masks an address down to two characters and its domain', () => {
    expect(maskEmail('climber@example.com')).toBe('cl***@example.com');
    expect(maskEmail('a@example.com')).toBe('a***@example.com');
    expect(maskEmail('nope')).toBe('***');
  });
});
