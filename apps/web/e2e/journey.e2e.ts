import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import {
  clickFollow,
  launchChromium,
  newAccount,
  openPerson,
  PNG,
  requiredEnv,
  signUp as fillSignUp,
  verificationCode,
} from './support/browser';

const baseUrl = requiredEnv('WEB_BASE_URL');
const inboxUrl = requiredEnv('SMTP_INBOX_URL');
const climber = newAccount('journey', 'climb');
const friend = newAccount('journey', 'friend');

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

  const openContext = () => openPerson(browser, baseUrl, pageErrors);

  async function signUp(page: Page, who: typeof climber) {
    await fillSignUp(page, who);
    await page.waitForURL(`${baseUrl}/`);
  }

  async function openOwnProfile(page: Page, who: typeof climber): Promise<string> {
    await page.getByRole('link', { name: ko.nav.profile, exact: true }).click();
    await page.waitForURL(/\/users\/[0-9a-f-]{36}$/);
    // The URL changes before the profile replaces the home page (whose first-step card has its
    // own avatar uploader): wait for the profile itself.
    await page.getByRole('heading', { name: who.nickname, exact: true }).waitFor();
    return page.url();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    [climberContext, climberPage] = await openContext();
    [, friendPage] = await openContext();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs up and verifies the email with the code from the SMTP receiver', async () => {
    await signUp(friendPage, friend);
    friendProfileUrl = await openOwnProfile(friendPage, friend);

    await signUp(climberPage, climber);
    const banner = climberPage.getByText(ko.auth.verifyEmail.banner);
    await banner.waitFor();
    await climberPage.getByRole('link', { name: ko.auth.verifyEmail.bannerAction }).click();
    await climberPage
      .getByLabel(ko.auth.fields.code)
      .fill(await verificationCode(inboxUrl, climber.email));
    await climberPage
      .getByRole('button', { name: ko.auth.verifyEmail.submit, exact: true })
      .click();
    await climberPage.getByText(ko.auth.verifyEmail.verified).waitFor();
    await climberPage.goto('/');
    await climberPage.getByRole('link', { name: ko.nav.profile, exact: true }).waitFor();
    expect(await banner.count()).toBe(0);
  });

  it('uploads an avatar on my profile', async () => {
    climberProfileUrl = await openOwnProfile(climberPage, climber);
    await climberPage.getByRole('heading', { name: ko.avatar.title, exact: true }).waitFor();
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
    await clickFollow(climberPage.getByRole('button', { name: `${friend.nickname} 님 팔로우` }));

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

    await clickFollow(friendPage.getByRole('button', { name: `${climber.nickname} 님 팔로우` }));
    await friendPage.getByText(ko.presence.online).waitFor();

    // And live: when the climber's last tab closes, the friend sees it without reloading.
    await climberContext.close();
    await friendPage.getByText(/활동$/).waitFor();
    expect(await friendPage.getByText(ko.presence.online).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
