import { randomBytes } from 'node:crypto';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { ko } from '../../src/i18n/ko';

/** The API serving the built SPA. Never pass silently without it: the suite would prove nothing. */
export function requiredEnv(name: 'WEB_BASE_URL' | 'SMTP_INBOX_URL'): string {
  const value = process.env[name]?.replace(/\/$/, '');
  if (!value)
    throw new Error(
      `${name} is not set: run the browser tests through \`pnpm test\`, or start the API serving ` +
        'apps/web/dist (mail to the SMTP receiver of scripts/services.mjs) and set it by hand.',
    );
  return value;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium (or CHROMIUM_PATH) driven by playwright-core. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

// A 4×4 PNG: small enough to inline, real enough for the server to decode and re-encode.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWPQz38LRwzEcQB2Uhix4YJvIQAAAABJRU5ErkJggg==',
  'base64',
);

export interface Account {
  email: string;
  nickname: string;
  password: string;
}

/** A fresh account per run: `<prefix>-<tag>-<suffix>@example.com`, nickname ≤ 20 chars. */
export function newAccount(prefix: string, tag: string): Account {
  const suffix = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  return {
    email: `${prefix}-${tag}-${suffix}@example.com`,
    nickname: `${tag}${suffix.slice(-8)}`,
    password: `orgo-${prefix}-${suffix}-Pw!`,
  };
}

/** A client IP of its own for a browser context (see openPerson). */
export function clientIpHeader(): Record<string, string> {
  return { 'X-Forwarded-For': `2001:db8:7::${randomBytes(2).toString('hex')}` };
}

/**
 * One person: their own context (cookies, sockets, network) and client IP. The API limits
 * sign-ups per IP and trusts X-Forwarded-For from loopback, as it would behind a proxy.
 */
export async function openPerson(
  browser: Browser,
  baseUrl: string,
  pageErrors: string[],
): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'ko-KR',
    extraHTTPHeaders: clientIpHeader(),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return [context, page];
}

/** The 6-digit code of the first verification mail to `email`, read from the SMTP receiver. */
export async function verificationCode(inboxUrl: string, email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${inboxUrl}/messages?${new URLSearchParams({ to: email })}`);
    const mails = (await res.json()) as { text: string }[];
    const code = /인증 코드: (\d{6})/.exec(mails[0]?.text ?? '')?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no verification mail to ${email}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function signUp(page: Page, account: Account): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel(ko.auth.fields.email).fill(account.email);
  await page.getByLabel(ko.auth.fields.password).fill(account.password);
  await page.getByLabel(ko.auth.fields.nickname).fill(account.nickname);
  await page.getByRole('button', { name: ko.auth.signup.submit, exact: true }).click();
}

/** Signs up, then verifies through the banner with the mailed code. */
export async function signUpVerified(page: Page, account: Account, inboxUrl: string) {
  await signUp(page, account);
  await page.getByRole('link', { name: ko.auth.verifyEmail.bannerAction }).click();
  await page.getByLabel(ko.auth.fields.code).fill(await verificationCode(inboxUrl, account.email));
  await page.getByRole('button', { name: ko.auth.verifyEmail.submit, exact: true }).click();
  await page.getByText(ko.auth.verifyEmail.verified).waitFor();
}

/**
 * Clicks a follow button and waits for the server to answer the follow. The button turns
 * pressed at once (an optimistic update), so only the answer proves that another person's page,
 * loaded next, will see the follow.
 */
export async function clickFollow(button: Locator): Promise<void> {
  const page = button.page();
  const saved = page.waitForResponse(
    (res) =>
      res.request().method() === 'PUT' &&
      /^\/api\/users\/[0-9a-f-]{36}\/follow$/.test(new URL(res.url()).pathname),
  );
  await button.click();
  const res = await saved;
  if (!res.ok()) throw new Error(`the follow was answered ${res.status()}`);
}
