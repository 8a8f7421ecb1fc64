import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { createFakeFetch, json, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import type { Study, StudyPage } from '../api/types';
import { StudyList } from './study-list';

function buildStudy(overrides: Partial<Study> = {}): Study {
  return {
    id: 'study-1',
    title: '알고리즘 스터디',
    description: '매주 문제를 풉니다.',
    startDate: '2026-03-02',
    endDate: '2026-03-30',
    mode: 'online',
    location: null,
    maxMembers: 6,
    memberCount: 2,
    status: 'recruiting',
    tags: ['algorithms'],
    leader: { id: 'u1', nickname: '지우', avatarUrl: null },
    roomId: 'room-1',
    createdAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

const page = (items: Study[], total: number, pageNo = 1): StudyPage => ({
  items,
  total,
  page: pageNo,
  pageSize: 12,
  nextCursor: null,
});

function renderList(route: string, handler: (url: URL) => Response) {
  const seen: string[] = [];
  const fetch = createFakeFetch({
    'GET /api/studies': (request) => {
      const url = new URL(request.url);
      seen.push(url.search);
      return handler(url);
    },
  });
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(
    <Routes>
      <Route path="/studies" element={<StudyList />} />
    </Routes>,
    { route },
  );
  return seen;
}

describe('StudyList', () => {
  it('asks for the filters in the URL and shows the total, the cards and numbered pages', async () => {
    const seen = renderList('/studies?tag=nestjs&status=full&page=2', (url) =>
      json(200, page([buildStudy({ status: 'full' })], 40, Number(url.searchParams.get('page')))),
    );
    expect(await screen.findByText('40개의 스터디')).toBeInTheDocument();
    expect(seen[0]).toBe('?status=full&tag=nestjs&page=2');
    const list = screen.getByRole('list', { name: ko.study.list.label });
    expect(within(list).getByRole('link', { name: '알고리즘 스터디' })).toHaveAttribute(
      'href',
      '/studies/study-1',
    );
    expect(within(list).getByText(ko.study.status.full)).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: ko.study.list.pages });
    expect(within(pages).getByRole('button', { name: '2 페이지' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    expect(
      within(pages)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([ko.study.list.previous, '1', '2', '3', '4', ko.study.list.next]);
    await userEvent.click(within(pages).getByRole('button', { name: '4 페이지' }));
    await vi.waitFor(() => expect(seen).toContain('?status=full&tag=nestjs&page=4'));
  });

  it('goes back to page 1 when a filter changes', async () => {
    const seen = renderList('/studies?page=3', () => json(200, page([buildStudy()], 30, 3)));
    await screen.findByText('30개의 스터디');
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: ko.study.filters.mode }),
      ko.study.mode.offline,
    );
    await vi.waitFor(() => expect(seen).toContain('?mode=offline&page=1'));
  });

  it('says when nothing matches, and offers to clear the filters', async () => {
    const seen = renderList('/studies?q=zzz', () => json(200, page([], 0)));
    expect(await screen.findByText(ko.study.list.empty)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: ko.study.filters.clear }));
    await vi.waitFor(() => expect(seen).toContain('?page=1'));
  });

  it('shows an error with a retry', async () => {
    renderList('/studies', () => problem(400, 'STUDY_TAG_INVALID'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(ko.study.loadFailed);
    expect(alert).toHaveTextContent(ko.errorCode.STUDY_TAG_INVALID);
  });
});
