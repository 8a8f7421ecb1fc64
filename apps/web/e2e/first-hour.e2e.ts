import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import {
  clickFollow,
  clientIpHeader,
  launchChromium,
  newAccount,
  openPerson,
  requiredEnv,
  signUpVerified,
} from './support/browser';

// A newcomer on a phone (390 × 844, touch) and someone already here on a laptop.
const baseUrl = requiredEnv('WEB_BASE_URL');
const inboxUrl = requiredEnv('SMTP_INBOX_URL');
const newcomer = newAccount('first', 'min');
const host = newAccount('first', 'hana');
const PHONE = { width: 390, height: 844 };

const fill = (text: string, nickname: string) => text.replace('{nickname}', nickname);
const composer = (page: Page) =>
  page.getByRole('textbox', { name: ko.chat.composer.label, exact: true });
const messageLog = (page: Page, title: string) =>
  page.getByRole('log', { name: ko.chat.messages.replace('{title}', title) });

/** The page itself does not scroll, and each element is entirely on screen. */
async function expectOnScreenWithoutScrolling(page: Page, targets: Locator[]) {
  const layout = await page.evaluate(() => ({
    pageOverflow: document.scrollingElement!.scrollHeight - window.innerHeight,
    scrollY: window.scrollY,
    height: window.innerHeight,
  }));
  expect(layout.pageOverflow).toBeLessThanOrEqual(0);
  expect(layout.scrollY).toBe(0);
  for (const target of targets) {
    const box = await target.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(layout.height);
  }
}

describe('the first hour, on a phone', () => {
  let browser: Browser;
  let phone: Page;
  let laptop: Page;
  let roomPath = '';
  let newcomerProfilePath = '';
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'ko-KR',
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      extraHTTPHeaders: clientIpHeader(),
    });
    phone = await context.newPage();
    phone.setDefaultTimeout(15_000);
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    [, laptop] = await openPerson(browser, baseUrl, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    expect(pageErrors).toEqual([]);
  });

  it('signs up and gets a first step that suggests someone active to follow', async () => {
    // Someone already here, online (so recently active) on a laptop.
    await signUpVerified(laptop, host, inboxUrl);
    await laptop.goto('/chat');

    await signUpVerified(phone, newcomer, inboxUrl);
    await phone.goto('/');
    const welcome = phone.getByRole('region', { name: ko.home.welcome.title });
    await welcome.waitFor();
    // The header is one row with a menu, not the whole navigation wrapped over three.
    const header = await phone.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    await phone.getByRole('button', { name: ko.nav.menu }).click();
    await phone.getByRole('link', { name: ko.nav.people, exact: true }).waitFor();
    await phone.getByRole('link', { name: ko.nav.profile, exact: true }).click();
    await phone.waitForURL(/\/users\/[0-9a-f-]{36}$/);
    newcomerProfilePath = new URL(phone.url()).pathname;
    await phone.goto('/');
    await welcome.waitFor();

    const suggestions = welcome.getByRole('list', { name: ko.home.welcome.people });
    const follow = suggestions.getByRole('button', {
      name: fill(ko.social.followLabel, host.nickname),
    });
    await clickFollow(follow);
    await phone.waitForFunction(
      (label) =>
        document.querySelector(`button[aria-label="${label}"]`)?.getAttribute('aria-pressed') ===
        'true',
      fill(ko.social.followLabel, host.nickname),
    );
  });

  it('opens a direct chat from the profile and sends; composer and message stay in view', async () => {
    await phone.getByRole('link', { name: host.nickname, exact: true }).first().click();
    await phone.waitForURL(/\/users\/[0-9a-f-]{36}$/);
    await phone.getByRole('button', { name: ko.people.message }).click();
    await phone.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    roomPath = new URL(phone.url()).pathname;
    await phone.getByRole('heading', { level: 1, name: host.nickname, exact: true }).waitFor();

    for (let i = 1; i <= 12; i++) {
      await composer(phone).fill(`인사 ${i}번째`);
      await composer(phone).press('Enter');
    }
    await messageLog(phone, host.nickname).getByText('인사 12번째').waitFor();
    await phone.waitForFunction(() => document.querySelector('.message--pending') === null);
    await expectOnScreenWithoutScrolling(phone, [
      composer(phone),
      phone.getByRole('button', { name: ko.chat.composer.send, exact: true }),
      messageLog(phone, host.nickname).getByRole('listitem').filter({ hasText: '인사 12번째' }),
    ]);
  });

  it('shows the unread total in the tab title when a message arrives on another page', async () => {
    await phone.goto('/people');
    await phone.getByRole('heading', { level: 1, name: ko.people.title }).waitFor();
    expect(await phone.title()).toBe(`${ko.people.title} · ${ko.app.name}`);

    await laptop.goto(roomPath);
    await composer(laptop).fill('반가워요, 민!');
    await composer(laptop).press('Enter');

    await phone.waitForFunction(
      (title) => document.title === title,
      `(1) ${ko.people.title} · ${ko.app.name}`,
    );
    // The toast says who wrote, and leads to the room.
    const toast = phone
      .getByRole('region', { name: ko.chat.attention.region })
      .getByRole('link', { name: new RegExp(host.nickname) });
    await toast.waitFor();
    await toast.click();
    await phone.waitForURL(`${baseUrl}${roomPath}`);
    await messageLog(phone, host.nickname).getByText('반가워요, 민!').waitFor();
    await phone.waitForFunction(
      (title) => document.title === title,
      `${host.nickname} · ${ko.app.name}`,
    );
  });

  it('says why a send is refused once blocked, with no retry', async () => {
    await laptop.goto(newcomerProfilePath);
    await laptop
      .getByRole('button', { name: fill(ko.social.moreLabel, newcomer.nickname) })
      .click();
    await laptop.getByRole('button', { name: ko.social.block, exact: true }).click();
    await laptop.getByRole('button', { name: ko.social.blockConfirmButton, exact: true }).click();
    await laptop.getByText(fill(ko.social.blocked, newcomer.nickname)).waitFor();

    await composer(phone).fill('들리세요?');
    await composer(phone).press('Enter');
    const failed = phone.locator('.message--failed');
    await failed.getByText(ko.errorCode.CHAT_DIRECT_BLOCKED).waitFor();
    expect(await failed.getByRole('button', { name: ko.chat.retry }).count()).toBe(0);
    await failed.getByRole('button', { name: ko.chat.status.discard }).waitFor();
  });
});
