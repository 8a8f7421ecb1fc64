import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import {
  launchChromium,
  newAccount,
  openPerson,
  requiredEnv,
  signUpVerified,
} from './support/browser';

// Studies need verified emails, and the codes come from the SMTP receiver.
const baseUrl = requiredEnv('WEB_BASE_URL');
const inboxUrl = requiredEnv('SMTP_INBOX_URL');
const leader = newAccount('study', 'lead');
const joiner = newAccount('study', 'join');
const tag = `tag${Date.now().toString(36)}`;
const title = `브라우저 스터디 ${tag}`;

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A leader creates a study with tags; a second person finds it by tag, joins and chats. */
describe('studies in the browser', () => {
  let browser: Browser;
  let leaderPage: Page;
  let joinerPage: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    [, leaderPage] = await openPerson(browser, baseUrl, pageErrors);
    [, joinerPage] = await openPerson(browser, baseUrl, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('creates a study with tags, dates and a member limit', async () => {
    await signUpVerified(leaderPage, leader, inboxUrl);
    await leaderPage.getByRole('link', { name: ko.nav.studies, exact: true }).click();
    // An empty list offers the same link again in its empty state: either one will do.
    await leaderPage.getByRole('link', { name: ko.study.create }).first().click();
    await leaderPage.getByLabel(ko.study.form.title).fill(title);
    await leaderPage.getByLabel(ko.study.form.description).fill('매주 토요일에 모입니다.');
    await leaderPage.getByLabel(ko.study.form.startDate).fill(day(3));
    await leaderPage.getByLabel(ko.study.form.endDate).fill(day(30));
    await leaderPage.getByLabel(ko.study.form.maxMembers).fill('4');
    const tags = leaderPage.getByPlaceholder(ko.study.form.tagInput);
    await tags.fill(tag.toUpperCase());
    await tags.press('Enter');
    await tags.fill('NestJS');
    await tags.press('Enter');
    await leaderPage.getByRole('button', { name: ko.study.form.submitCreate }).click();
    await leaderPage.waitForURL(/\/studies\/[0-9a-f-]{36}$/);
    await leaderPage.getByRole('heading', { name: title }).waitFor();
    await leaderPage.getByRole('link', { name: `#${tag}` }).waitFor();
    expect(await leaderPage.getByText('1/4명').count()).toBe(1);
  });

  it('lets a second person find it by tag, join and chat in its room', async () => {
    await signUpVerified(joinerPage, joiner, inboxUrl);
    await joinerPage.goto('/studies');
    await joinerPage.getByLabel(ko.study.filters.tag).fill(tag);
    await joinerPage.getByRole('button', { name: ko.study.filters.apply }).click();
    // The filter goes into the URL; the unfiltered list of a fresh database holds one study too.
    await joinerPage.waitForURL((url) => url.searchParams.get('tag') === tag);
    await joinerPage.getByText('1개의 스터디').waitFor();
    await joinerPage.getByRole('link', { name: title }).click();
    await joinerPage.getByRole('button', { name: ko.study.detail.join }).click();
    await joinerPage.getByText('2/4명').waitFor();
    // The leader watching the study sees the count change live.
    await leaderPage.getByText('2/4명').waitFor();

    await joinerPage.getByRole('link', { name: ko.study.detail.openRoom }).click();
    await joinerPage.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    const composer = joinerPage.getByRole('textbox', { name: ko.chat.composer.label, exact: true });
    await composer.fill('안녕하세요, 참여했습니다!');
    await composer.press('Enter');

    await leaderPage.getByRole('link', { name: ko.study.detail.openRoom }).click();
    await leaderPage.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    // In the room's log, not the toast that announced the message on the study page.
    await leaderPage.getByRole('log').getByText('안녕하세요, 참여했습니다!').waitFor();
  });

  it("offers none of the room's member controls, and links back to the study", async () => {
    for (const page of [leaderPage, joinerPage]) {
      // The members panel lives in the room's menu.
      await page.getByRole('button', { name: ko.chat.roomMenu }).click();
      await page.getByRole('button', { name: ko.chat.members.toggle }).click();
      const panel = page.getByRole('region', {
        name: ko.chat.members.title.replace('{count}', '2'),
      });
      await panel.waitFor();
      await panel.getByRole('link', { name: ko.chat.members.openStudy }).waitFor();
      expect(await panel.getByRole('button').count()).toBe(0);
      expect(await panel.getByRole('textbox').count()).toBe(0);
    }
    await joinerPage.getByRole('link', { name: ko.chat.members.openStudy }).click();
    // The room is named after the study, so its heading is no proof: wait for the study page.
    await joinerPage.waitForURL(/\/studies\/[0-9a-f-]{36}$/);
    await joinerPage.getByRole('button', { name: ko.study.detail.leave, exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
