import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import { clientIpHeader, launchChromium, requiredEnv } from './support/browser';

const baseUrl = requiredEnv('WEB_BASE_URL');
const inboxUrl = requiredEnv('SMTP_INBOX_URL');

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const email = `mail-${suffix}@example.com`;
let password = `orgo-${suffix}-mail-Pw!`;

interface InboxMail {
  subject: string;
  text: string;
}

/** Waits for the `count`-th mail to the address and returns it. */
async function nthMail(count: number): Promise<InboxMail> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await fetch(`${inboxUrl}/messages?${new URLSearchParams({ to: email })}`);
    const mails = (await res.json()) as InboxMail[];
    const mail = mails[count - 1];
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`mail #${count} to ${email} never arrived`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function firstGroup(pattern: RegExp, text: string): string {
  const found = pattern.exec(text)?.[1];
  if (!found) throw new Error(`${pattern} not found in: ${text}`);
  return found;
}

describe('email verification, password recovery and account deletion in the browser', () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const banner = () => page.getByText(ko.auth.verifyEmail.banner);
  const logoutButton = () => page.getByRole('button', { name: ko.nav.logout, exact: true });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'ko-KR',
      extraHTTPHeaders: clientIpHeader(),
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs up and verifies with the code from the SMTP receiver', async () => {
    await page.goto('/signup');
    await page.getByLabel(ko.auth.fields.email).fill(email);
    await page.getByLabel(ko.auth.fields.password).fill(password);
    await page.getByRole('button', { name: ko.auth.signup.submit, exact: true }).click();
    await banner().waitFor();

    await page.getByRole('link', { name: ko.auth.verifyEmail.bannerAction }).click();
    await heading(ko.auth.verifyEmail.title);
    const code = firstGroup(/인증 코드: (\d{6})/, (await nthMail(1)).text);
    await page.getByLabel(ko.auth.fields.code).fill(code);
    await page.getByRole('button', { name: ko.auth.verifyEmail.submit, exact: true }).click();

    await page.getByText(ko.auth.verifyEmail.verified).waitFor();
    await page.getByRole('link', { name: ko.auth.verifyEmail.toFeed }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await banner().count()).toBe(0);
  });

  it('changes the password in account settings', async () => {
    await page.getByRole('link', { name: ko.nav.account, exact: true }).click();
    await heading(ko.account.title);
    const next = `${password}-2`;
    await page.getByLabel(ko.auth.fields.currentPassword).first().fill(password);
    await page.getByLabel(ko.auth.fields.newPassword, { exact: true }).fill(next);
    await page.getByLabel(ko.auth.fields.confirmPassword).fill(next);
    await page.getByRole('button', { name: ko.account.changePassword.submit }).click();
    await page.getByText(ko.account.changePassword.done).waitFor();
    password = next;
  });

  it('recovers the account through the reset link, which leaves the address bar', async () => {
    await logoutButton().click();
    await page.waitForURL(`${baseUrl}/login`);
    await page.getByRole('link', { name: ko.auth.forgot.link }).click();
    await heading(ko.auth.forgot.title);
    await page.getByLabel(ko.auth.fields.email).fill(email);
    await page.getByRole('button', { name: ko.auth.forgot.submit }).click();
    await page.getByText(ko.auth.forgot.sent).waitFor();

    const link = new URL(
      firstGroup(/(https?:\/\/\S+\/reset-password\?token=[\w-]+)/, (await nthMail(2)).text),
    );
    await page.goto(link.pathname + link.search);
    await heading(ko.auth.reset.title);
    await page.waitForURL(`${baseUrl}/reset-password`);
    password = `${password}-3`;
    await page.getByLabel(ko.auth.fields.newPassword, { exact: true }).fill(password);
    await page.getByLabel(ko.auth.fields.confirmPassword).fill(password);
    await page.getByRole('button', { name: ko.auth.reset.submit }).click();
    await page.getByText(ko.auth.reset.done).waitFor();

    await page.getByRole('link', { name: ko.auth.reset.toLogin }).click();
    await page.getByLabel(ko.auth.fields.email).fill(email);
    await page.getByLabel(ko.auth.fields.password).fill(password);
    await page.getByRole('button', { name: ko.auth.login.submit, exact: true }).click();
    await logoutButton().waitFor();
  });

  it('deletes the account after a confirmation, and the old password no longer works', async () => {
    await page.getByRole('link', { name: ko.nav.account, exact: true }).click();
    await heading(ko.account.title);
    await page
      .getByRole('radio', { name: new RegExp(ko.account.deleteAccount.policyRemove) })
      .check();
    await page.getByLabel(ko.auth.fields.currentPassword).last().fill(password);
    await page.getByRole('button', { name: ko.account.deleteAccount.submit }).click();
    await page.getByRole('alertdialog', { name: ko.account.deleteAccount.confirmTitle }).waitFor();
    await page.getByRole('button', { name: ko.account.deleteAccount.confirm, exact: true }).click();
    await page.getByRole('link', { name: ko.nav.login, exact: true }).waitFor();

    await page.goto('/login');
    await page.getByLabel(ko.auth.fields.email).fill(email);
    await page.getByLabel(ko.auth.fields.password).fill(password);
    await page.getByRole('button', { name: ko.auth.login.submit, exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: ko.errorCode.AUTH_CREDENTIALS_INVALID })
      .waitFor();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
