import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ko } from '../src/i18n/ko';
import { clientIpHeader, launchChromium, PNG, requiredEnv } from './support/browser';

const baseUrl = requiredEnv('WEB_BASE_URL');

const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

describe('avatar upload in the browser', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: 'ko-KR',
      extraHTTPHeaders: clientIpHeader(),
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (/Content[- ]Security[- ]Policy|blocked/i.test(message.text()))
        problems.push(message.text());
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const avatar = () => page.getByRole('img', { name: ko.avatar.alt });

  it('uploads, shows, replaces and removes an avatar on my profile', async () => {
    await page.goto('/signup');
    await page.getByLabel(ko.auth.fields.email).fill(`avatar-${suffix}@example.com`);
    await page.getByLabel(ko.auth.fields.password).fill(`orgo-${suffix}-avatar-Pw!`);
    await page.getByRole('button', { name: ko.auth.signup.submit, exact: true }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('link', { name: ko.nav.profile, exact: true }).click();
    // The home page's first step offers a photo too, with the same heading and button, and the
    // URL changes before the profile replaces it: wait for what only my own profile shows.
    await page.waitForURL(/\/users\/[0-9a-f-]{36}$/);
    await page.getByRole('link', { name: ko.profile.edit, exact: true }).waitFor();
    await page.getByRole('heading', { name: ko.avatar.title, exact: true }).waitFor();

    await page.getByLabel(ko.avatar.choose).setInputFiles({
      name: 'me.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByText(ko.avatar.uploaded).waitFor();
    const first = await avatar().getAttribute('src');
    expect(first).toMatch(/^\/api\/media\/[0-9a-f-]{36}\?size=thumb$/);
    await expect
      .poll(() => avatar().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);

    await page.getByLabel(ko.avatar.replace).setInputFiles({
      name: 'again.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    // The preview (a blob: URL) shows while the upload runs; wait for the stored picture.
    await expect
      .poll(async () => {
        const src = await avatar().getAttribute('src');
        return src !== first && /^\/api\/media\//.test(src ?? '');
      })
      .toBe(true);
    expect((await page.request.get(first!)).status()).toBe(404);

    await page.getByRole('button', { name: ko.avatar.remove }).click();
    await page.getByText(ko.avatar.removed).waitFor();
    await page.getByRole('img', { name: ko.avatar.none }).waitFor();

    await page.getByLabel(ko.avatar.choose).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('not an image'),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: ko.errorCode.MEDIA_TYPE_UNSUPPORTED })
      .waitFor();
    expect(problems).toEqual([]);
  });
});
