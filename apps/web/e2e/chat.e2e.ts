import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import {
  clickFollow,
  launchChromium,
  newAccount,
  openPerson,
  PNG,
  requiredEnv,
  signUpVerified as signUpAndVerify,
} from './support/browser';

// Chat needs verified emails, and the codes come from the SMTP receiver.
const baseUrl = requiredEnv('WEB_BASE_URL');
const inboxUrl = requiredEnv('SMTP_INBOX_URL');
const alice = newAccount('chat', 'alice');
const bob = newAccount('chat', 'bob');

/** Every message of the page acknowledged: no row left in the outbox. */
const allSent = (page: Page) =>
  page.waitForFunction(() => document.querySelector('.message--pending') === null);

const messageLog = (page: Page, title: string) =>
  page.getByRole('log', { name: ko.chat.messages.replace('{title}', title) });
const texts = (page: Page, title: string) =>
  messageLog(page, title).locator('.message__text').allTextContents();

/** Two people in their own browser contexts (own cookies, sockets, network). */
describe('chat in the browser', () => {
  let browser: Browser;
  let aliceContext: BrowserContext;
  let bobContext: BrowserContext;
  let alicePage: Page;
  let bobPage: Page;
  const pageErrors: string[] = [];

  const openContext = () => openPerson(browser, baseUrl, pageErrors);

  const signUpVerified = (page: Page, account: typeof alice) =>
    signUpAndVerify(page, account, inboxUrl);

  async function send(page: Page, text: string) {
    await page.getByRole('textbox', { name: ko.chat.composer.label, exact: true }).fill(text);
    await page.getByRole('textbox', { name: ko.chat.composer.label, exact: true }).press('Enter');
  }

  beforeAll(async () => {
    browser = await launchChromium();
    [aliceContext, alicePage] = await openContext();
    [bobContext, bobPage] = await openContext();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs both up, and Alice follows Bob', async () => {
    await signUpVerified(alicePage, alice);
    await signUpVerified(bobPage, bob);
    await bobPage.getByRole('link', { name: ko.nav.profile, exact: true }).click();
    await bobPage.waitForURL(/\/users\/[0-9a-f-]{36}$/);

    await alicePage.goto(new URL(bobPage.url()).pathname);
    await clickFollow(alicePage.getByRole('button', { name: `${bob.nickname} 님 팔로우` }));
    await alicePage.waitForFunction(
      (name) =>
        document
          .querySelector(`button[aria-label="${name} 님 팔로우"]`)
          ?.getAttribute('aria-pressed') === 'true',
      bob.nickname,
    );
  });

  it('opens a direct room from the picker and chats live, with unread, typing and seen', async () => {
    await bobPage.goto('/chat');
    await bobPage.getByText(ko.chat.empty).waitFor();

    await alicePage.goto('/chat');
    await alicePage.getByRole('button', { name: ko.chat.newChat }).click();
    await alicePage
      .getByRole('button', { name: ko.chat.contacts.start.replace('{nickname}', bob.nickname) })
      .click();
    await alicePage.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await alicePage.getByRole('heading', { level: 1, name: bob.nickname }).waitFor();
    await send(alicePage, '안녕하세요, 밥!');
    await messageLog(alicePage, bob.nickname).getByText('안녕하세요, 밥!').waitFor();

    // Bob's list shows the new room live, with the unread badge and the preview.
    const room = bobPage.getByRole('link', { name: new RegExp(alice.nickname) });
    await room.getByLabel('읽지 않은 메시지 1개').waitFor();
    expect(await room.textContent()).toContain('안녕하세요, 밥!');
    await room.click();
    await messageLog(bobPage, alice.nickname).getByText('안녕하세요, 밥!').waitFor();

    // Alice sees that Bob read it, and that he is typing.
    await alicePage.getByText(ko.chat.seen).waitFor();
    await bobPage
      .getByRole('textbox', { name: ko.chat.composer.label, exact: true })
      .fill('반가워요');
    await alicePage.getByText(`${bob.nickname} 님이 입력 중…`).waitFor();
    await bobPage
      .getByRole('textbox', { name: ko.chat.composer.label, exact: true })
      .press('Enter');
    await messageLog(alicePage, bob.nickname).getByText('반가워요').waitFor();
    await alicePage.getByText(`${bob.nickname} 님이 입력 중…`).waitFor({ state: 'detached' });
  });

  it('brings Bob every message he missed offline, once each and in order', async () => {
    await bobContext.setOffline(true);
    await bobPage.getByText(ko.chat.connection.offline).waitFor();

    for (const text of ['못 본 메시지 1', '못 본 메시지 2', '못 본 메시지 3']) {
      await send(alicePage, text);
    }
    await messageLog(alicePage, bob.nickname).getByText('못 본 메시지 3').waitFor();
    await allSent(alicePage);
    // Still offline: nothing arrived.
    expect(await texts(bobPage, alice.nickname)).toEqual(['안녕하세요, 밥!', '반가워요']);

    await bobContext.setOffline(false);
    await bobPage.getByText(ko.chat.connection.offline).waitFor({ state: 'detached' });
    await messageLog(bobPage, alice.nickname).getByText('못 본 메시지 3').waitFor();
    const expected = [
      '안녕하세요, 밥!',
      '반가워요',
      '못 본 메시지 1',
      '못 본 메시지 2',
      '못 본 메시지 3',
    ];
    expect(await texts(bobPage, alice.nickname)).toEqual(expected);
    expect(await texts(alicePage, bob.nickname)).toEqual(expected);
  });

  it('keeps a message written offline and sends it once when back online', async () => {
    await aliceContext.setOffline(true);
    await alicePage.getByText(ko.chat.connection.offline).waitFor();
    await send(alicePage, '오프라인에서 쓴 메시지');
    await alicePage.getByText(ko.chat.status.pending).waitFor();

    await aliceContext.setOffline(false);
    await allSent(alicePage);
    await messageLog(bobPage, alice.nickname).getByText('오프라인에서 쓴 메시지').waitFor();
    const bobTexts = await texts(bobPage, alice.nickname);
    expect(bobTexts.filter((t) => t === '오프라인에서 쓴 메시지')).toHaveLength(1);
    expect(bobTexts.at(-1)).toBe('오프라인에서 쓴 메시지');
  });

  it('sends a photo; both sides see it, behind a signed URL', async () => {
    await alicePage.getByLabel(ko.chat.image.choose).setInputFiles({
      name: 'desk.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    const photo = (page: Page) =>
      messageLog(page, page === alicePage ? bob.nickname : alice.nickname).getByRole('img', {
        name: ko.chat.image.alt.replace('{nickname}', alice.nickname),
      });
    for (const page of [alicePage, bobPage]) {
      await expect
        .poll(() =>
          photo(page).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        )
        .toBeGreaterThan(0);
    }
    expect(await photo(bobPage).getAttribute('src')).toMatch(
      /^\/api\/media\/[0-9a-f-]{36}\?exp=\d+&sig=[\w-]{43}&size=thumb$/,
    );
    await allSent(alicePage);
  });

  it('reacts, and edits my own message, live on the other side', async () => {
    const item = (page: Page, title: string, text: string) =>
      messageLog(page, title).locator('li.message', { hasText: text });

    // A message's actions open from its menu; no toolbar stays on the bubbles.
    const openMenu = (message: Locator, sender: string) =>
      message
        .getByRole('button', { name: ko.chat.message.more.replace('{nickname}', sender) })
        .click();
    const onBob = item(bobPage, alice.nickname, '오프라인에서 쓴 메시지');
    expect(await onBob.getByRole('button', { name: '👍 반응 남기기' }).count()).toBe(0);
    await openMenu(onBob, alice.nickname);
    await onBob.getByRole('button', { name: '👍 반응 남기기' }).click();
    const onAlice = item(alicePage, bob.nickname, '오프라인에서 쓴 메시지');
    await onAlice.getByRole('button', { name: '👍 반응 1개' }).waitFor();

    await openMenu(onAlice, alice.nickname);
    await onAlice.getByRole('button', { name: ko.chat.message.edit, exact: true }).click();
    await alicePage
      .getByRole('textbox', { name: ko.chat.message.editLabel })
      .fill('고쳐 쓴 메시지');
    await alicePage.getByRole('button', { name: ko.chat.message.save, exact: true }).click();
    const edited = item(bobPage, alice.nickname, '고쳐 쓴 메시지');
    await edited.getByText(ko.chat.message.edited).waitFor();
    expect(await item(bobPage, alice.nickname, '오프라인에서 쓴 메시지').count()).toBe(0);
  });

  it('creates a group with people I follow, and it appears in their list live', async () => {
    await bobPage.goto('/chat');
    await alicePage.goto('/chat');
    await alicePage.getByRole('button', { name: ko.chat.group.title }).click();
    await alicePage.getByLabel(ko.chat.group.name).fill('백엔드 스터디');
    await alicePage.getByRole('checkbox', { name: bob.nickname }).check();
    await alicePage.getByRole('button', { name: ko.chat.group.create }).click();
    await alicePage.getByRole('heading', { level: 1, name: '백엔드 스터디' }).waitFor();
    await send(alicePage, '그룹에 오신 걸 환영해요');

    const group = bobPage.getByRole('link', { name: /백엔드 스터디/ });
    await group.getByLabel('읽지 않은 메시지 1개').waitFor();
    await bobPage.getByLabel(ko.chat.filter).fill('스터디');
    await bobPage
      .getByRole('link', { name: new RegExp(`^${alice.nickname}`) })
      .waitFor({ state: 'detached' });
    expect(await bobPage.getByRole('list', { name: ko.chat.list }).getByRole('link').count()).toBe(
      1,
    );
    expect(pageErrors).toEqual([]);
  });
});
