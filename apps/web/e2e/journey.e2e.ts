import { randomBytes } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';

const baseUrl = process.env.WEB_BASE_URL?.replace(/\/$/, '');
const inboxUrl = process.env.SMTP_INBOX_URL?.replace(/\/$/, '');
if (!baseUrl || !inboxUrl) {
  // Never pass silently: without the server and its SMTP receiver this suite proves nothing.
  throw new Error('WEB_BASE_URL and SMTP_INBOX_URL must be set (see e2e/account.e2e.ts).');
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];

// A 4×4 PNG: small enough to inline, real enough for the server to decode and re-encode.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWPQz38LRwzEcQB2Uhix4YJvIQAAAABJRU5ErkJggg==',
  'base64',
);

const suffix = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const account = (tag: string) => ({
  email: `journey-${tag}-${suffix}@example.com`,
  nickname: `${tag}${suffix.slice(-8)}`,
  password: `orgo-journey-${suffix}-Pw!`,
});
const climber = account('climb');
const friend = account('friend');

async function verificationCode(email: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${inboxUrl}/messages?${new URLSearchParams({ to: email })}`);
    const [mail] = (await res.json()) as { text: string }[];
    const code = mail && /인증 코드: (\d{6})/.exec(mail.text)?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no verification mail to ${email}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The accounts journey of issue 3, end to end in Chromium against the real API, Postgres, Redis
 * and SMTP receiver: sign up → verify with the mailed code → upload an avatar → follow a second
 * user → that user (following back, since presence is for followers) sees the first one online.
 */
describe('the accounts journey in the browser', () => {
  let browser: Browser;
  let climberPage: Page;
  let friendPage: Page;
  let climberContext: BrowserContext;
  let friendProfileUrl: string;
  let climberProfileUrl: string;
  const pageErrors: string[] = [];

  async function openContext(): Promise<[BrowserContext, Page]> {
    // Each person is their own client IP, as in real life: sign-ups are limited per IP.
    const ip = `2001:db8:7::${randomBytes(2).toString('hex')}`;
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'ko-KR',
      extraHTTPHeaders: { 'X-Forwarded-For': ip },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return [context, page];
  }

  async function signUp(page: Page, who: typeof climber) {
    await page.goto('/signup');
    await page.getByLabel(ko.auth.fields.email).fill(who.email);
    await page.getByLabel(ko.auth.fields.password).fill(who.password);
    await page.getByLabel(ko.auth.fields.nickname).fill(who.nickname);
    await page.getByRole('button', { name: ko.auth.signup.submit, exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
  }

  async function openOwnProfile(page: Page): Promise<string> {
    await page.getByRole('link', { name: ko.nav.profile, exact: true }).click();
    await page.waitForURL(/\/users\/[0-9a-f-]{36}$/);
    return page.url();
  }

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    [climberContext, climberPage] = await openContext();
    [, friendPage] = await openContext();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs up and verifies the email with the code from the SMTP receiver', async () => {
    await signUp(friendPage, friend);
    friendProfileUrl = await openOwnProfile(friendPage);

    await signUp(climberPage, climber);
    const banner = climberPage.getByText(ko.auth.verifyEmail.banner);
    await banner.waitFor();
    await climberPage.getByRole('link', { name: ko.auth.verifyEmail.bannerAction }).click();
    await climberPage.getByLabel(ko.auth.fields.code).fill(await verificationCode(climber.email));
    await climberPage
      .getByRole('button', { name: ko.auth.verifyEmail.submit, exact: true })
      .click();
    await climberPage.getByText(ko.auth.verifyEmail.verified).waitFor();
    await climberPage.goto('/');
    await climberPage.getByRole('link', { name: ko.nav.profile, exact: true }).waitFor();
    expect(await banner.count()).toBe(0);
  });

  it('uploads an avatar on my profile', async () => {
    climberProfileUrl = await openOwnProfile(climberPage);
    await climberPage.getByRole('heading', { name: ko.avatar.title }).waitFor();
    await climberPage.getByLabel(ko.avatar.choose).setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await climberPage.getByText(ko.avatar.uploaded).waitFor();
    const avatar = climberPage.getByRole('img', { name: ko.avatar.alt });
    await expect
      .poll(() => avatar.getAttribute('src'))
      .toMatch(/^\/api\/media\/[0-9a-f-]{36}\?size=thumb$/);
    await expect
      .poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
  });

  it('follows the second user, who follows back and sees the first one online, live', async () => {
    await climberPage.goto(friendProfileUrl);
    await climberPage.getByRole('heading', { name: friend.nickname, exact: true }).waitFor();
    await climberPage.getByRole('button', { name: `${friend.nickname} 님 팔로우` }).click();

    // The friend finds the new follower on their profile (live follow notices come with the
    // notifications issue) and follows back from the followers list.
    await friendPage.reload();
    await friendPage.getByRole('link', { name: '팔로워 1' }).click();
    await friendPage.getByRole('link', { name: climber.nickname }).click();
    await friendPage.waitForURL(climberProfileUrl);
    await friendPage.getByRole('heading', { name: climber.nickname, exact: true }).waitFor();
    // The climber's picture is public on their profile.
    await expect
      .poll(() => friendPage.locator('img.avatar').first().getAttribute('src'))
      .toMatch(/^\/api\/media\/[0-9a-f-]{36}/);
    expect(await friendPage.getByText(ko.presence.online).count()).toBe(0);

    await friendPage.getByRole('button', { name: `${climber.nickname} 님 팔로우` }).click();
    await friendPage.getByText(ko.presence.online).waitFor();

    // And live: when the climber's last tab closes, the friend sees it without reloading.
    await climberContext.close();
    await friendPage.getByText(/활동$/).waitFor();
    expect(await friendPage.getByText(ko.presence.online).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
