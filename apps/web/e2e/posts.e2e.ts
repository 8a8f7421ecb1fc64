import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import {
  launchChromium,
  newAccount,
  openPerson,
  PNG,
  requiredEnv,
  signUpVerified as signUpAndVerify,
} from './support/browser';

// Writing and commenting need verified emails; the codes come from the SMTP receiver.
const baseUrl = requiredEnv('WEB_BASE_URL');
const inboxUrl = requiredEnv('SMTP_INBOX_URL');
const author = newAccount('post', 'author');
const reader = newAccount('post', 'reader');
const blocker = newAccount('post', 'blocker');
const title = `두 장의 사진 ${Date.now().toString(36)}`;

const fill = (text: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

/** The author, a reader who comments and likes, and someone who blocked the author. */
describe('posts in the browser', () => {
  let browser: Browser;
  let authorPage: Page;
  let readerPage: Page;
  let blockerPage: Page;
  let postPath = '';
  const pageErrors: string[] = [];

  const signUpVerified = (page: Page, account: typeof author) =>
    signUpAndVerify(page, account, inboxUrl);

  beforeAll(async () => {
    browser = await launchChromium();
    [, authorPage] = await openPerson(browser, baseUrl, pageErrors);
    [, readerPage] = await openPerson(browser, baseUrl, pageErrors);
    [, blockerPage] = await openPerson(browser, baseUrl, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs three people up; the third blocks the author', async () => {
    await signUpVerified(authorPage, author);
    await signUpVerified(readerPage, reader);
    await signUpVerified(blockerPage, blocker);
    await authorPage.getByRole('link', { name: ko.nav.profile, exact: true }).click();
    await authorPage.waitForURL(/\/users\/[0-9a-f-]{36}$/);
    await blockerPage.goto(new URL(authorPage.url()).pathname);
    await blockerPage
      .getByRole('button', { name: fill(ko.social.moreLabel, { nickname: author.nickname }) })
      .click();
    await blockerPage.getByRole('button', { name: ko.social.block, exact: true }).click();
    await blockerPage
      .getByRole('button', { name: ko.social.blockConfirmButton, exact: true })
      .click();
    await blockerPage
      .getByRole('heading', { name: fill(ko.social.blocked, { nickname: author.nickname }) })
      .waitFor();
  });

  it('writes a post with two photos', async () => {
    await authorPage.goto('/');
    await authorPage.getByRole('link', { name: ko.post.feed.write }).click();
    await authorPage.getByLabel(ko.post.editor.title, { exact: true }).fill(title);
    await authorPage
      .getByLabel(ko.post.editor.content, { exact: true })
      .fill('첫 줄\n둘째 줄 https://example.com');
    await authorPage.locator('input[type=file]').setInputFiles([
      { name: 'one.png', mimeType: 'image/png', buffer: PNG },
      { name: 'two.png', mimeType: 'image/png', buffer: PNG },
    ]);
    await authorPage.waitForFunction(
      () =>
        document.querySelectorAll('.post-editor__thumb.is-ready').length === 2 &&
        !document.querySelector('.post-editor__thumb.is-uploading'),
    );
    await authorPage.getByRole('button', { name: ko.post.editor.submit, exact: true }).click();
    await authorPage.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    postPath = new URL(authorPage.url()).pathname;
    await authorPage.getByRole('heading', { name: title, level: 1 }).waitFor();
    await authorPage.getByText(fill(ko.post.image.position, { index: 1, count: 2 })).waitFor();
    const link = authorPage.getByRole('link', { name: 'https://example.com' });
    expect(await link.getAttribute('rel')).toContain('noopener');
    // The photo itself loads through its signed URL.
    await authorPage.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.image-slider__image');
      return !!img && img.complete && img.naturalWidth > 0;
    });
  });

  it('shows the reader’s comment and like to the author live', async () => {
    await readerPage.goto('/');
    await readerPage.getByRole('heading', { name: title }).click();
    await readerPage.waitForURL((url) => url.pathname === postPath);
    await readerPage
      .getByRole('textbox', { name: ko.post.comments.placeholder })
      .fill('멋진 사진!');
    await readerPage.getByRole('button', { name: ko.post.comments.submit, exact: true }).click();
    await readerPage.getByText('멋진 사진!').waitFor();
    await readerPage.getByRole('button', { name: fill(ko.post.likeCount, { count: 0 }) }).click();
    await readerPage.getByRole('button', { name: fill(ko.post.likeCount, { count: 1 }) }).waitFor();

    // The author's page was never reloaded.
    expect(new URL(authorPage.url()).pathname).toBe(postPath);
    await authorPage.getByText('멋진 사진!').waitFor();
    await authorPage.getByRole('button', { name: fill(ko.post.likeCount, { count: 1 }) }).waitFor();
  });

  it('never shows the post to someone who blocked its author', async () => {
    await blockerPage.goto('/');
    await blockerPage.getByRole('tab', { name: ko.post.feed.all }).waitFor();
    await blockerPage.waitForFunction(
      () => !!document.querySelector('.post-feed, .post-feed__empty'),
    );
    expect(await blockerPage.getByRole('heading', { name: title }).count()).toBe(0);
    await blockerPage.goto(postPath);
    await blockerPage.getByRole('heading', { name: ko.post.notFound }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
