import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import { clientIpHeader, launchChromium, requiredEnv } from './support/browser';

const baseUrl = requiredEnv('WEB_BASE_URL');

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const account = {
  email: `e2e-${suffix}@example.com`,
  nickname: `e2e${suffix.slice(-8)}`,
  password: `orgo-${suffix}-e2e-Pw!`,
};

describe('auth in the browser', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];

  const logoutButton = () => page.getByRole('button', { name: ko.nav.logout, exact: true });
  const loginLink = () => page.getByRole('link', { name: ko.nav.login, exact: true });

  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'ko-KR',
      extraHTTPHeaders: clientIpHeader(),
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) cspViolations.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs up with a fresh email and shows the logged-in header', async () => {
    await page.goto('/signup');
    await page.getByRole('heading', { level: 1, name: ko.auth.signup.title }).waitFor();
    await page.getByLabel(ko.auth.fields.email).fill(account.email);
    await page.getByLabel(ko.auth.fields.password).fill(account.password);
    await page.getByLabel(ko.auth.fields.nickname).fill(account.nickname);
    await page.getByRole('button', { name: ko.auth.signup.submit, exact: true }).click();

    await page.waitForURL(`${baseUrl}/`);
    await logoutButton().waitFor();
    await page.getByText(ko.nav.user.replace('{nickname}', account.nickname)).waitFor();
  });

  it('logs out', async () => {
    await logoutButton().click();
    await page.waitForURL(`${baseUrl}/login`);
    await loginLink().waitFor();
    expect(await logoutButton().count()).toBe(0);
  });

  it('logs in again', async () => {
    await page.getByLabel(ko.auth.fields.email).fill(account.email);
    await page.getByLabel(ko.auth.fields.password).fill(account.password);
    await page.getByRole('button', { name: ko.auth.login.submit, exact: true }).click();

    await page.waitForURL(`${baseUrl}/`);
    await logoutButton().waitFor();
  });

  it('stays logged in after a reload through the refresh cookie', async () => {
    await page.reload();
    await logoutButton().waitFor();
    const cookies = await context.cookies();
    const refreshCookie = cookies.find((cookie) => cookie.name === '__Host-rt');
    expect(refreshCookie?.httpOnly).toBe(true);
  });

  it('lists the current session on the sessions page', async () => {
    await page.getByRole('link', { name: ko.nav.sessions, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ko.sessions.title }).waitFor();
    const current = page
      .getByRole('list', { name: ko.sessions.list })
      .getByRole('listitem')
      .filter({ hasText: ko.sessions.current });
    await current.waitFor();
    expect(await current.count()).toBe(1);
  });

  it('logs out and stays logged out after a reload', async () => {
    await logoutButton().click();
    await page.waitForURL(`${baseUrl}/login`);
    await page.reload();
    await loginLink().waitFor();
    expect(await logoutButton().count()).toBe(0);
  });

  it('raised no page errors and no CSP violations', () => {
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
