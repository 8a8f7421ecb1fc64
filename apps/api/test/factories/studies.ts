import type { TestUser } from './users';

/** A calendar day `days` from today (UTC), as the API takes dates. */
export const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export interface StudyInput {
  title?: string;
  description?: string;
  startDate?: string;
  endDate?: string;
  mode?: 'online' | 'offline';
  location?: string | null;
  maxMembers?: number;
  tags?: string[];
}

/** A valid study input: starts in a week, runs a month, online, 10 places. */
export const studyInput = (over: StudyInput = {}): Required<StudyInput> => ({
  title: '알고리즘 스터디',
  description: '매주 문제를 풉니다.',
  startDate: dayFromToday(7),
  endDate: dayFromToday(37),
  mode: 'online',
  location: null,
  maxMembers: 10,
  tags: ['algorithms'],
  ...over,
});

/** Creates a study led by `leader`; returns its detail (id, roomId, …). */
export async function createStudy(leader: TestUser, over: StudyInput = {}) {
  const res = await leader.api.post('/api/studies', studyInput(over));
  if (res.status !== 201)
    throw new Error(`create study: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; roomId: string; memberCount: number; status: string };
}

/** `user` joins the study; throws unless it succeeds. */
export async function joinStudy(user: TestUser, studyId: string): Promise<void> {
  const res = await user.api.post(`/api/studies/${studyId}/join`);
  if (res.status !== 200) throw new Error(`join study: ${res.status} ${JSON.stringify(res.body)}`);
}
