import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import { clickFollow, clientIpHeader, launchChromium, requiredEnv } from './support/browser';

const baseUrl = requiredEnv('WEB_BASE_URL');

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const newAccount = (tag: string) => ({
  email: `social-${tag}-${suffix}@example.com`,
  nickname: `${tag}${suffix.slice(-8)}`,
  password: `orgo-social-${suffix}-Pw!`,
});
const fan = newAccount('fan');
const star = newAccount('star');

/** Two people, each in their own browser context (separate cookies, sockets and tabs). */
describe('follow and presence in the browser', () => {
  let browser: Browser;
  let starContext: BrowserContext;
  let fanPage: Page;
  let starPage: Page;
  let starProfileUrl: string;
  const pageErrors: string[] = [];

  async function signUp(page: Page, account: typeof fan) {
    await page.goto('/signup');
    await page.getByLabel(ko.auth.fields.email).fill(account.email);
    await page.getByLabel(ko.auth.fields.password).fill(account.password);
    await page.getByLabel(ko.auth.fields.nickname).fill(account.nickname);
    await page.getByRole('button', { name: ko.auth.signup.submit, exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
  }

  async function openContext(): Promise<[BrowserContext, Page]> {
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

  beforeAll(async () => {
    browser = await launchChromium();
    [, fanPage] = await openContext();
    [starContext, starPage] = await openContext();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('edits my profile and shows it on my page', async () => {
    await signUp(starPage, star);
    await starPage.goto('/settings/profile');
    await starPage.getByLabel(ko.editProfile.about).fill('NestJS를 공부하고 있어요.');
    await starPage.getByRole('button', { name: ko.editProfile.addLink }).click();
    await starPage.getByLabel('링크 1 이름').fill('GitHub');
    await starPage.getByLabel('링크 1 주소').fill('https://github.com/orgo');
    await starPage.getByRole('button', { name: ko.editProfile.save }).click();
    await starPage.getByText(ko.editProfile.saved).waitFor();
    await starPage.getByRole('link', { name: ko.editProfile.viewProfile }).click();
    await starPage.waitForURL(/\/users\/[0-9a-f-]{36}$/);
    await starPage.locator('.profile__about', { hasText: 'NestJS를 공부하고 있어요.' }).waitFor();
    starProfileUrl = starPage.url();
    expect(starProfileUrl).toMatch(/\/users\/[0-9a-f-]{36}$/);
    expect(await starPage.getByRole('link', { name: 'GitHub' }).getAttribute('href')).toBe(
      'https://github.com/orgo',
    );
  });

  it('follows from the profile, and sees the user online, live, once the follow is mutual', async () => {
    await signUp(fanPage, fan);
    await fanPage.goto(starProfileUrl);
    await fanPage.getByRole('heading', { name: star.nickname, exact: true }).waitFor();
    // Not following yet: no presence for a stranger.
    expect(await fanPage.getByText(ko.presence.online).count()).toBe(0);

    const follow = fanPage.getByRole('button', { name: `${star.nickname} 님 팔로우` });
    await clickFollow(follow);
    await fanPage.waitForFunction(
      (name) =>
        document
          .querySelector(`button[aria-label="${name} 님 팔로우"]`)
          ?.getAttribute('aria-pressed') === 'true',
      star.nickname,
    );
    await fanPage.getByRole('link', { name: '팔로워 1' }).waitFor();
    // Presence is shared only between mutual followers: a one-way follow shows none.
    expect(await fanPage.getByText(ko.presence.online).count()).toBe(0);

    // The star follows back, from their own followers list.
    await starPage.goto(starProfileUrl);
    await starPage.getByRole('link', { name: '팔로워 1' }).click();
    await starPage.getByRole('link', { name: fan.nickname }).click();
    await starPage.getByRole('heading', { name: fan.nickname, exact: true }).waitFor();
    await clickFollow(starPage.getByRole('button', { name: `${fan.nickname} 님 팔로우` }));
    // The star's tab is open, so they are online for the fan, without a reload.
    await fanPage.getByText(ko.presence.online).waitFor();
  });

  it('sees the user go offline when their last tab closes', async () => {
    await starContext.close();
    await fanPage.getByText(/활동$/).waitFor();
    expect(await fanPage.getByText(ko.presence.online).count()).toBe(0);
  });

  it('lists the follower on the followers page', async () => {
    await fanPage.getByRole('link', { name: '팔로워 1' }).click();
    await fanPage.getByRole('link', { name: fan.nickname }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
