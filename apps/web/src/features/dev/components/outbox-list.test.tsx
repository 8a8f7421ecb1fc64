import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { createFakeFetch, json, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import { DevOutboxHint } from './dev-outbox-hint';
import { OutboxList } from './outbox-list';

describe('OutboxList', () => {
  it('lists mail as plain text, never as HTML', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch({
        'GET /api/dev/outbox': () =>
          json(200, [
            {
              id: 2,
              to: 'jiwoo@example.com',
              subject: '[OrGo] 이메일 인증 코드',
              text: '인증 코드: 042917\n<b>not bold</b>',
              sentAt: '2025-01-02T03:04:05.000Z',
            },
          ]),
      }),
    );
    renderWithProviders(<OutboxList />);
    const list = await screen.findByRole('list', { name: ko.devOutbox.title });
    expect(list).toHaveTextContent('인증 코드: 042917');
    expect(list).toHaveTextContent('<b>not bold</b>');
    expect(list.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { name: '[OrGo] 이메일 인증 코드' })).toBeInTheDocument();
  });

  it('says the outbox is off when the server hides it', async () => {
    vi.stubGlobal(
      'fetch',
      createFakeFetch({ 'GET /api/dev/outbox': () => problem(404, 'COMMON_NOT_FOUND') }),
    );
    renderWithProviders(<OutboxList />);
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.devOutbox.unavailable);
  });
});

describe('DevOutboxHint', () => {
  it('links to the outbox only when the server keeps one', async () => {
    vi.stubGlobal('fetch', createFakeFetch({ 'GET /api/dev/outbox': () => json(200, []) }));
    const { unmount } = renderWithProviders(<DevOutboxHint />);
    expect(await screen.findByRole('link', { name: ko.devOutbox.open })).toHaveAttribute(
      'href',
      '/dev/outbox',
    );
    unmount();

    const hidden = createFakeFetch({
      'GET /api/dev/outbox': () => problem(404, 'COMMON_NOT_FOUND'),
    });
    vi.stubGlobal('fetch', hidden);
    renderWithProviders(<DevOutboxHint />);
    await waitFor(() => expect(hidden).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: ko.devOutbox.open })).not.toBeInTheDocument();
  });
});
