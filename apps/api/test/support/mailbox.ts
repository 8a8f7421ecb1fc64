import { serviceEnv } from './env';

/** A message as the SMTP receiver of scripts/services.mjs stored it. */
export interface InboxMail {
  id: number;
  subject: string;
  text: string;
  html: string;
  to: string[];
  from: string;
  date: string;
}

const inboxUrl = () => {
  const url = serviceEnv().SMTP_INBOX_URL;
  if (!url) throw new Error('SMTP_INBOX_URL is not set: the SMTP receiver is not running');
  return url;
};

export const smtpUrl = () => serviceEnv().SMTP_URL;

/** Every mail the receiver holds for an address (the inbox is shared: use unique addresses). */
export async function mailsTo(address: string): Promise<InboxMail[]> {
  const res = await fetch(`${inboxUrl()}/messages?${new URLSearchParams({ to: address })}`);
  if (!res.ok) throw new Error(`inbox answered ${res.status}`);
  return (await res.json()) as InboxMail[];
}

/** Waits until the address has at least `count` mails; returns them oldest first. */
export async function waitForMails(
  address: string,
  count = 1,
  timeoutMs = 10_000,
): Promise<InboxMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(address);
    if (mails.length >= count) return mails;
    if (Date.now() > deadline)
      throw new Error(`expected ${count} mail(s) to ${address}, found ${mails.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function latestMail(address: string, count = 1): Promise<InboxMail> {
  const mails = await waitForMails(address, count);
  return mails[mails.length - 1];
}

/** The 6-digit code of a verification mail. */
export function codeOf(mail: InboxMail): string {
  const match = /인증 코드: (\d{6})/.exec(mail.text);
  if (!match) throw new Error(`no code in mail: ${mail.text}`);
  return match[1];
}

/** The `token` of the first link to `path` (e.g. /verify-email) in a mail. */
export function linkTokenOf(mail: InboxMail, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in mail: ${mail.text}`);
  return match[1];
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
