import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ko } from '@/i18n/ko';
import { authSession } from '@/lib/auth-session';
import { buildTokens } from '@/testing/factories';
import { createFakeFetch, json, problem } from '@/testing/fake-fetch';
import { renderWithProviders } from '@/testing/render';
import type { StudyDetail } from '../api/types';
import { StudyDetailView } from './study-detail';

vi.mock('../realtime/use-live-study', () => ({ useLiveStudy: () => undefined }));

const leader = { id: 'u1', nickname: '지우', avatarUrl: null };
const member = { id: 'u2', nickname: '민준', avatarUrl: null };

function buildDetail(overrides: Partial<StudyDetail> = {}): StudyDetail {
  return {
    id: 'study-1',
    title: '알고리즘 스터디',
    description: '매주 문제를 풉니다.',
    startDate: '2026-03-02',
    endDate: '2026-03-30',
    mode: 'offline',
    location: '강남역',
    maxMembers: 3,
    memberCount: 2,
    status: 'recruiting',
    tags: ['algorithms', 'c++'],
    leader,
    roomId: 'room-1',
    createdAt: '2026-03-01T00:00:00.000Z',
    members: [
      { user: leader, isLeader: true, isFollowing: false, joinedAt: '2026-03-01T00:00:00.000Z' },
      { user: member, isLeader: false, isFollowing: true, joinedAt: '2026-03-01T01:00:00.000Z' },
    ],
    myMembership: 'none',
    ...overrides,
  };
}

function renderDetail(meId: string | null, handlers: Parameters<typeof createFakeFetch>[0]) {
  const fetch = createFakeFetch(handlers);
  vi.stubGlobal('fetch', fetch);
  renderWithProviders(
    <Routes>
      <Route path="/studies/:studyId" element={<StudyDetailView studyId="study-1" meId={meId} />} />
      <Route path="/studies" element={<h1>목록 화면</h1>} />
    </Routes>,
    { route: '/studies/study-1' },
  );
  return fetch;
}

describe('StudyDetailView', () => {
  beforeEach(() => authSession.signIn(buildTokens()));

  it('lets a visitor join, then links into the study room', async () => {
    let joined = false;
    renderDetail('u3', {
      'GET /api/studies/study-1': () =>
        json(200, buildDetail(joined ? { myMembership: 'member', memberCount: 3 } : {})),
      'POST /api/studies/study-1/join': () => {
        joined = true;
        return json(200, buildDetail({ myMembership: 'member', memberCount: 3, status: 'full' }));
      },
    });
    expect(await screen.findByText('2/3명')).toBeInTheDocument();
    expect(screen.getByText('강남역')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '#c++' })).toHaveAttribute(
      'href',
      '/studies?tag=c%2B%2B',
    );
    expect(screen.queryByRole('link', { name: ko.study.detail.openRoom })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: ko.study.detail.join }));
    expect(await screen.findByRole('link', { name: ko.study.detail.openRoom })).toHaveAttribute(
      'href',
      '/chat/room-1',
    );
    expect(screen.getByRole('button', { name: ko.study.detail.leave })).toBeInTheDocument();
  });

  it('shows why a join was refused', async () => {
    renderDetail('u3', {
      'GET /api/studies/study-1': () => json(200, buildDetail()),
      'POST /api/studies/study-1/join': () => problem(409, 'STUDY_FULL'),
    });
    await userEvent.click(await screen.findByRole('button', { name: ko.study.detail.join }));
    expect(await screen.findByText(ko.errorCode.STUDY_FULL)).toHaveRole('alert');
  });

  it('offers no join on a full or ended study', async () => {
    renderDetail('u3', {
      'GET /api/studies/study-1': () => json(200, buildDetail({ status: 'ended', memberCount: 2 })),
    });
    expect(await screen.findByText(ko.study.detail.closed)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: ko.study.detail.join })).toBeNull();
  });

  it('gives the leader edit, delete and hand-over, never leave', async () => {
    renderDetail('u1', {
      'GET /api/studies/study-1': () => json(200, buildDetail({ myMembership: 'leader' })),
    });
    expect(await screen.findByRole('link', { name: ko.study.detail.edit })).toHaveAttribute(
      'href',
      '/studies/study-1/edit',
    );
    expect(screen.getByRole('button', { name: ko.study.detail.delete })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '민준 님에게 스터디장 넘기기' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: ko.study.detail.leave })).toBeNull();
  });

  it('says a deleted study is gone', async () => {
    renderDetail('u3', { 'GET /api/studies/study-1': () => problem(404, 'STUDY_NOT_FOUND') });
    expect(await screen.findByRole('alert')).toHaveTextContent(ko.study.notFound);
  });
});
