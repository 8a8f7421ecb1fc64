import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { ApiProcess, startApi } from '../support/api-process';
import {
  connectChat,
  connectSocket,
  createStudy,
  createUser,
  createVerifiedUser,
  dayFromToday,
  follow,
  joinStudy,
  studyInput,
  TestUser,
} from '../factories';
import { record, sendText, sleep, waitFor } from '../support/chat';
import { ApiClient, nextEvent } from '../support/client';
import { eventually, withDb } from '../support/db';
import { expectProblem } from '../support/expect-problem';

/** Studies over REST and `/study`, their rooms over `/chat`, on one API process. */
jest.setTimeout(60_000);

let api: ApiProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  api = await startApi();
});

afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});

afterAll(async () => {
  await api?.stop();
});

const user = () => createVerifiedUser(api);
const patch = (u: TestUser, path: string, body: unknown) => u.api.request('PATCH', path, { body });
const users = async (n: number): Promise<TestUser[]> => {
  const out: TestUser[] = [];
  // In batches: signing up hashes a password, and the machine is shared.
  while (out.length < n)
    out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - out.length) }, user))));
  return out;
};

/** The study's members, its room's active members and its count, read in SQL. */
async function membership(studyId: string) {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT s.member_count,
              ARRAY(SELECT m.user_id::text FROM study_member m WHERE m.study_id = s.id
                     ORDER BY m.user_id) AS study_members,
              ARRAY(SELECT c.user_id::text FROM chat_member c
                     WHERE c.room_id = s.room_id AND c.left_at IS NULL ORDER BY c.user_id) AS room_members,
              (SELECT c.user_id::text FROM chat_member c
                WHERE c.room_id = s.room_id AND c.left_at IS NULL AND c.role = 'owner') AS room_owner,
              (SELECT r.owner_id::text FROM chat_room r WHERE r.id = s.room_id) AS room_owner_id,
              (SELECT r.archived_at FROM chat_room r WHERE r.id = s.room_id) AS room_archived_at,
              s.leader_id::text AS leader_id, s.deleted_at
         FROM study s WHERE s.id = $1`,
      [studyId],
    );
    return rows[0] as {
      member_count: number;
      study_members: string[];
      room_members: string[];
      room_owner: string | null;
      room_owner_id: string | null;
      room_archived_at: Date | null;
      leader_id: string;
      deleted_at: Date | null;
    };
  });
}

/** After every operation: the room holds exactly the study's members, the leader owns it. */
async function expectInSync(studyId: string, expected: string[]) {
  const m = await membership(studyId);
  const sorted = [...expected].sort();
  expect(m.study_members).toEqual(sorted);
  expect(m.room_members).toEqual(sorted);
  expect(m.member_count).toBe(expected.length);
  if (expected.length && !m.deleted_at) {
    expect(m.room_owner).toBe(m.leader_id);
    expect(m.room_owner_id).toBe(m.leader_id);
  }
  return m;
}

const setDates = (studyId: string, startDays: number, endDays: number) =>
  withDb((db) =>
    db.query('UPDATE study SET start_date = $2, end_date = $3 WHERE id = $1', [
      studyId,
      dayFromToday(startDays),
      dayFromToday(endDays),
    ]),
  );

describe('create', () => {
  it('makes the creator its leader and only member, in a room the study manages', async () => {
    const leader = await user();
    const res = await leader.api.post(
      '/api/studies',
      studyInput({ tags: ['NestJS', ' nestjs ', 'Type Script'], maxMembers: 5 }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: '알고리즘 스터디',
      tags: ['nestjs', 'type-script'],
      maxMembers: 5,
      memberCount: 1,
      status: 'recruiting',
      leader: { id: leader.userId, nickname: leader.nickname },
      myMembership: 'leader',
      members: [{ user: { id: leader.userId }, isLeader: true, isFollowing: false }],
    });
    expect(res.body).not.toHaveProperty('members.0.user.email');
    await expectInSync(res.body.id, [leader.userId]);
    const room = await leader.api.get(`/api/chat/rooms/${res.body.roomId}`);
    expect(room.body).toMatchObject({
      kind: 'group',
      name: '알고리즘 스터디',
      ownerId: leader.userId,
      managedBy: 'study',
      managedId: res.body.id,
    });
  });

  it('needs a verified email to create or join', async () => {
    const [leader, unverified] = [await user(), await createUser(api)];
    expectProblem(
      await unverified.api.post('/api/studies', studyInput()),
      403,
      'AUTH_EMAIL_NOT_VERIFIED',
    );
    const study = await createStudy(leader);
    expectProblem(
      await unverified.api.post(`/api/studies/${study.id}/join`),
      403,
      'AUTH_EMAIL_NOT_VERIFIED',
    );
    expectProblem(
      await new ApiClient(api.url).post('/api/studies', studyInput()),
      401,
      'AUTH_UNAUTHENTICATED',
    );
  });

  it.each([
    [
      'end before start',
      { startDate: dayFromToday(10), endDate: dayFromToday(9) },
      'STUDY_DATE_RANGE_INVALID',
    ],
    [
      'already over',
      { startDate: dayFromToday(-10), endDate: dayFromToday(-1) },
      'STUDY_DATE_RANGE_INVALID',
    ],
    ['30 February', { startDate: '2030-02-30', endDate: '2030-03-10' }, 'COMMON_VALIDATION_FAILED'],
    ['a timestamp', { startDate: '2030-02-01T00:00:00Z' }, 'COMMON_VALIDATION_FAILED'],
    ['year 10000', { endDate: '10000-01-01' }, 'COMMON_VALIDATION_FAILED'],
    ['no tags', { tags: [] }, 'COMMON_VALIDATION_FAILED'],
    ['a symbol tag', { tags: ['<script>'] }, 'STUDY_TAG_INVALID'],
    ['a blank tag', { tags: ['   '] }, 'STUDY_TAG_INVALID'],
    ['a 31-character tag', { tags: ['x'.repeat(31)] }, 'STUDY_TAG_INVALID'],
    ['11 tags', { tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'STUDY_TAG_INVALID'],
    ['tags not strings', { tags: [1, 2] }, 'COMMON_VALIDATION_FAILED'],
    ['1 member', { maxMembers: 1 }, 'COMMON_VALIDATION_FAILED'],
    ['101 members', { maxMembers: 101 }, 'COMMON_VALIDATION_FAILED'],
    ['2.5 members', { maxMembers: 2.5 }, 'COMMON_VALIDATION_FAILED'],
    ['an unknown mode', { mode: 'hybrid' }, 'COMMON_VALIDATION_FAILED'],
    ['an empty title', { title: '   ' }, 'COMMON_VALIDATION_FAILED'],
    ['an 81-character title', { title: 'x'.repeat(81) }, 'COMMON_VALIDATION_FAILED'],
    // 80 to the validator (it does not count variation selectors), 160 characters to Postgres.
    [
      'a title of 80 characters each with a variation selector',
      { title: 'a\uFE0F'.repeat(80) },
      'COMMON_VALIDATION_FAILED',
    ],
  ])('refuses %s with a 400 and a code', async (_name, over, code) => {
    const leader = await user();
    expectProblem(
      await leader.api.post('/api/studies', { ...studyInput(), ...(over as object) }),
      400,
      code,
    );
    const { rows } = await withDb((db) =>
      db.query('SELECT count(*)::int AS n FROM study WHERE leader_id = $1', [leader.userId]),
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('leader-only actions', () => {
  it('are refused for members and strangers, and allowed for the leader', async () => {
    const [leader, member, stranger] = await users(3);
    const study = await createStudy(leader);
    await joinStudy(member, study.id);
    for (const who of [member, stranger]) {
      expectProblem(
        await patch(who, `/api/studies/${study.id}`, { title: '내 스터디' }),
        403,
        'STUDY_LEADER_ONLY',
      );
      expectProblem(await who.api.delete(`/api/studies/${study.id}`), 403, 'STUDY_LEADER_ONLY');
      expectProblem(
        await who.api.put(`/api/studies/${study.id}/leader`, { userId: who.userId }),
        403,
        'STUDY_LEADER_ONLY',
      );
    }
    expectProblem(
      await leader.api.post(`/api/studies/${study.id}/leave`),
      409,
      'STUDY_LEADER_CANNOT_LEAVE',
    );
    expectProblem(
      await stranger.api.post(`/api/studies/${study.id}/leave`),
      409,
      'STUDY_NOT_MEMBER',
    );
    expectProblem(
      await member.api.post(`/api/studies/${study.id}/join`),
      409,
      'STUDY_ALREADY_MEMBER',
    );
    expectProblem(
      await leader.api.put(`/api/studies/${study.id}/leader`, { userId: stranger.userId }),
      409,
      'STUDY_NOT_MEMBER',
    );
    await expectInSync(study.id, [leader.userId, member.userId]);

    const edited = await patch(leader, `/api/studies/${study.id}`, {
      title: '새 이름',
      tags: ['Go', 'go', 'Rust'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '새 이름', tags: ['go', 'rust'] });
    const room = await member.api.get(`/api/chat/rooms/${study.roomId}`);
    expect(room.body.name).toBe('새 이름');
  });

  it('keeps the member limit at or above the count and the dates in order', async () => {
    const [leader, a, b] = await users(3);
    const study = await createStudy(leader, { maxMembers: 5 });
    await joinStudy(a, study.id);
    await joinStudy(b, study.id);
    expectProblem(
      await patch(leader, `/api/studies/${study.id}`, { maxMembers: 2 }),
      409,
      'STUDY_MAX_BELOW_COUNT',
    );
    expectProblem(
      await patch(leader, `/api/studies/${study.id}`, { endDate: dayFromToday(1) }),
      400,
      'STUDY_DATE_RANGE_INVALID',
    );
    const res = await patch(leader, `/api/studies/${study.id}`, { maxMembers: 3 });
    expect(res.body).toMatchObject({ maxMembers: 3, memberCount: 3, status: 'full' });
  });

  it('refuses null for every field but the location, which null clears', async () => {
    const leader = await user();
    const study = await createStudy(leader, { location: '강남역' });
    for (const field of [
      'title',
      'description',
      'startDate',
      'endDate',
      'mode',
      'maxMembers',
      'tags',
    ])
      expectProblem(
        await patch(leader, `/api/studies/${study.id}`, { [field]: null }),
        400,
        'COMMON_VALIDATION_FAILED',
      );
    const cleared = await patch(leader, `/api/studies/${study.id}`, { location: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.location).toBeNull();
    expect(cleared.body.title).toBe('알고리즘 스터디');
  });

  it('hands leadership and the room to a member; the old leader may then leave', async () => {
    const [leader, heir] = await users(2);
    const study = await createStudy(leader);
    await joinStudy(heir, study.id);
    const res = await leader.api.put(`/api/studies/${study.id}/leader`, { userId: heir.userId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ leader: { id: heir.userId }, myMembership: 'member' });
    await expectInSync(study.id, [leader.userId, heir.userId]);
    expect((await leader.api.post(`/api/studies/${study.id}/leave`)).status).toBe(204);
    await expectInSync(study.id, [heir.userId]);
  });
});

describe('capacity', () => {
  it('lets exactly 9 of 50 concurrent joins into 9 free places; the rest are told it is full', async () => {
    const leader = await user();
    const study = await createStudy(leader, { maxMembers: 10 });
    const joiners = await users(50);
    const results = await Promise.all(
      joiners.map((j) => j.api.post(`/api/studies/${study.id}/join`)),
    );
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(ok).toHaveLength(9);
    expect(refused).toHaveLength(41);
    for (const r of refused) expectProblem(r, 409, 'STUDY_FULL');
    const inside = joiners.filter((_, i) => results[i].status === 200).map((j) => j.userId);
    await expectInSync(study.id, [leader.userId, ...inside]);
    expect((await leader.api.get(`/api/studies/${study.id}`)).body.status).toBe('full');

    // Leaving re-opens it, for exactly one more.
    const leaver = joiners.find((j) => inside.includes(j.userId))!;
    expect((await leaver.api.post(`/api/studies/${study.id}/leave`)).status).toBe(204);
    expect((await leader.api.get(`/api/studies/${study.id}`)).body).toMatchObject({
      status: 'recruiting',
      memberCount: 9,
    });
    const outside = joiners.filter((j) => !inside.includes(j.userId));
    const again = await Promise.all(
      outside.slice(0, 5).map((j) => j.api.post(`/api/studies/${study.id}/join`)),
    );
    expect(again.filter((r) => r.status === 200)).toHaveLength(1);
    const newcomer = outside[again.findIndex((r) => r.status === 200)];
    await expectInSync(study.id, [
      leader.userId,
      ...inside.filter((id) => id !== leaver.userId),
      newcomer.userId,
    ]);
  });

  it('refuses joining an ended study with its own code, and an unknown one with 404', async () => {
    const [leader, late] = await users(2);
    const study = await createStudy(leader);
    await setDates(study.id, -30, -1);
    expect((await late.api.get(`/api/studies/${study.id}`)).body.status).toBe('ended');
    expectProblem(await late.api.post(`/api/studies/${study.id}/join`), 409, 'STUDY_ENDED');
    expectProblem(await late.api.post(`/api/studies/${randomUUID()}/join`), 404, 'STUDY_NOT_FOUND');
    expectProblem(
      await late.api.post('/api/studies/not-a-uuid/join'),
      400,
      'COMMON_VALIDATION_FAILED',
    );
    await expectInSync(study.id, [leader.userId]);
  });
});

describe('the study room', () => {
  it("refuses chat's own invite, expel, leave and rename", async () => {
    const [leader, member, friend] = await users(3);
    const study = await createStudy(leader);
    await joinStudy(member, study.id);
    await follow(leader, friend);
    const room = `/api/chat/rooms/${study.roomId}`;
    expectProblem(
      await leader.api.post(`${room}/members`, { userIds: [friend.userId] }),
      409,
      'CHAT_ROOM_MANAGED',
    );
    expectProblem(
      await leader.api.delete(`${room}/members/${member.userId}`),
      409,
      'CHAT_ROOM_MANAGED',
    );
    expectProblem(await patch(leader, room, { name: '다른 이름' }), 409, 'CHAT_ROOM_MANAGED');
    expectProblem(await member.api.post(`${room}/leave`), 409, 'CHAT_ROOM_MANAGED');
    expectProblem(await leader.api.post(`${room}/leave`), 409, 'CHAT_ROOM_MANAGED');
    await expectInSync(study.id, [leader.userId, member.userId]);
  });

  it("a member's socket stops receiving the room when they leave the study", async () => {
    const [leader, member] = await users(2);
    const study = await createStudy(leader);
    const m = await connectChat(member, { track: sockets });
    const l = await connectChat(leader, { track: sockets });
    const added = nextEvent<{ roomId: string }>(l.socket, 'member.joined');
    await joinStudy(member, study.id);
    await added;
    // The already-connected member socket was put into the room by the join.
    const heard = nextEvent<{ text: string }>(m.socket, 'message.created');
    await sendText(l.socket, study.roomId, '첫 모임은 월요일');
    expect((await heard).text).toBe('첫 모임은 월요일');

    const removed = nextEvent<{ roomId: string }>(m.socket, 'room.removed');
    expect((await member.api.post(`/api/studies/${study.id}/leave`)).status).toBe(204);
    expect(await removed).toEqual({ roomId: study.roomId });
    const after = record(m.socket, 'message.created');
    await sendText(l.socket, study.roomId, '다음 모임');
    await sleep(300);
    expect(after).toEqual([]);
    expectProblem(
      await member.api.get(`/api/chat/rooms/${study.roomId}`),
      404,
      'CHAT_ROOM_NOT_FOUND',
    );
    await expectInSync(study.id, [leader.userId]);
  });

  it("deleting the study archives the room and every member's sockets leave it", async () => {
    const [leader, member] = await users(2);
    const study = await createStudy(leader);
    await joinStudy(member, study.id);
    const m = await connectChat(member, { track: sockets });
    expect(m.roomIds).toContain(study.roomId);
    const removed = nextEvent<{ roomId: string }>(m.socket, 'room.removed');
    expect((await leader.api.delete(`/api/studies/${study.id}`)).status).toBe(204);
    expect(await removed).toEqual({ roomId: study.roomId });
    expectProblem(await member.api.get(`/api/studies/${study.id}`), 404, 'STUDY_NOT_FOUND');
    expectProblem(await member.api.post(`/api/studies/${study.id}/join`), 404, 'STUDY_NOT_FOUND');
    const row = await membership(study.id);
    expect(row.deleted_at).toBeInstanceOf(Date);
    expect(row.room_archived_at).toBeInstanceOf(Date);
    expect(row.room_members).toEqual([]);
    expect((await member.api.get('/api/studies/mine')).body.items).toEqual([]);
  });
});

describe('withdrawn accounts', () => {
  const withdraw = async (u: TestUser) => {
    const res = await u.api.request('DELETE', '/api/users/me', {
      body: { password: u.password, contentPolicy: 'anonymize' },
    });
    expect(res.status).toBe(204);
    await eventually(
      async () =>
        (
          await withDb((db) =>
            db.query(
              `SELECT 1 FROM account_followup
                WHERE user_id = $1 AND module IN ('study', 'chat') AND done_at IS NOT NULL`,
              [u.userId],
            ),
          )
        ).rows.length === 2,
      'the account follow-ups',
      15_000,
    );
  };

  it("pass a leader's study to the longest-standing member, room owner too", async () => {
    const [leader, first, second] = await users(3);
    const study = await createStudy(leader);
    await joinStudy(first, study.id);
    await joinStudy(second, study.id);
    await withdraw(leader);
    const m = await expectInSync(study.id, [first.userId, second.userId]);
    expect(m.leader_id).toBe(first.userId);
    expect((await second.api.get(`/api/studies/${study.id}`)).body).toMatchObject({
      leader: { id: first.userId },
      memberCount: 2,
    });
  });

  it("close a leader's study when no member remains, and end a member's memberships", async () => {
    const [leader, member, other] = await users(3);
    const alone = await createStudy(leader);
    const joined = await createStudy(other);
    await joinStudy(member, joined.id);
    await joinStudy(leader, joined.id);
    await withdraw(leader);
    const closed = await membership(alone.id);
    expect(closed.deleted_at).toBeInstanceOf(Date);
    expect(closed.room_archived_at).toBeInstanceOf(Date);
    expect(closed.room_members).toEqual([]);
    await expectInSync(joined.id, [other.userId, member.userId]);
    await withdraw(member);
    await expectInSync(joined.id, [other.userId]);
  });
});

describe('list and detail', () => {
  it('pages of 12 with totals right under every filter, and a cursor over the same rows', async () => {
    const [leader, joiner] = await users(2);
    const tag = `t${randomUUID().slice(0, 8)}`;
    const made: { id: string }[] = [];
    for (let i = 0; i < 14; i++)
      made.push(
        await createStudy(leader, {
          title: i % 2 ? `Rust 모임 ${i}` : `Go 모임 ${i}`,
          tags: [tag, i % 3 ? 'common' : 'rare'],
          mode: i < 4 ? 'offline' : 'online',
          location: i < 4 ? '강남역' : null,
          maxMembers: i === 13 ? 2 : 10,
        }),
      );
    await setDates(made[0].id, -30, -1); // ended
    await setDates(made[1].id, -1, 10); // in progress
    await joinStudy(joiner, made[13].id); // full

    const list = (query: string) => joiner.api.get(`/api/studies?tag=${tag}${query}`);
    const first = await list('');
    expect(first.body).toMatchObject({ total: 14, page: 1, pageSize: 12 });
    expect(first.body.items).toHaveLength(12);
    expect(first.body.items[0].id).toBe(made[13].id); // newest first
    const second = await list('&page=2');
    expect(second.body).toMatchObject({ total: 14, page: 2 });
    expect(second.body.items.map((s: { id: string }) => s.id)).toEqual([made[1].id, made[0].id]);
    expect((await list('&page=3')).body).toMatchObject({ total: 14, items: [] });

    const totals = async (query: string) => (await list(query)).body.total;
    expect(await totals('&status=ended')).toBe(1);
    expect(await totals('&status=in_progress')).toBe(1);
    expect(await totals('&status=full')).toBe(1);
    expect(await totals('&status=recruiting')).toBe(11);
    expect(await totals('&mode=offline')).toBe(4);
    expect(await totals('&mode=offline&status=recruiting')).toBe(2);
    expect(await totals('&q=rust')).toBe(7);
    const upper = await joiner.api.get(`/api/studies?tag=${tag.toUpperCase()}`);
    expect(upper.body.total).toBe(14);
    const rare = await joiner.api.get(`/api/studies?tag=rare&q=${encodeURIComponent('모임')}`);
    expect(rare.body.total).toBeGreaterThanOrEqual(5);
    for (const s of (await list('&status=recruiting')).body.items)
      expect(s.status).toBe('recruiting');

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null; page: null } } =
        await list(`&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      if (cursor) expect(res.body.page).toBeNull();
      seen.push(...res.body.items.map((s) => s.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...made].reverse().map((s) => s.id));

    for (const bad of ['&page=0', '&page=x', '&limit=49', '&status=open', '&mode=x', '&cursor=zz!'])
      expectProblem(await list(bad), 400, 'COMMON_VALIDATION_FAILED');
    expectProblem(await joiner.api.get('/api/studies?tag=%3Cb%3E'), 400, 'STUDY_TAG_INVALID');
  });

  it('suggests tags by prefix, most used first, and shows the viewer their state', async () => {
    const [leader, viewer] = await users(2);
    const stem = `p${randomUUID().slice(0, 6)}`;
    await createStudy(leader, { tags: [`${stem}-one`, `${stem}-two`] });
    const study = await createStudy(leader, { tags: [`${stem}-two`] });
    const res = await viewer.api.get(`/api/studies/tags?prefix=${stem.toUpperCase()}`);
    expect(res.body.items).toEqual([
      { tag: `${stem}-two`, count: 2 },
      { tag: `${stem}-one`, count: 1 },
    ]);
    expect((await viewer.api.get('/api/studies/tags?prefix=%25')).body.items).toEqual([]);

    await follow(viewer, leader);
    const detail = await viewer.api.get(`/api/studies/${study.id}`);
    expect(detail.body).toMatchObject({
      myMembership: 'none',
      members: [{ user: { id: leader.userId }, isFollowing: true, isLeader: true }],
    });
    await joinStudy(viewer, study.id);
    const mine = await viewer.api.get('/api/studies/mine');
    expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([study.id]);
    expect((await viewer.api.get(`/api/studies/${study.id}`)).body.myMembership).toBe('member');
  });

  it('shows viewers on /study the count and members change live', async () => {
    const [leader, viewer, joiner] = await users(3);
    const study = await createStudy(leader, { maxMembers: 2 });
    const socket = await connectSocket(viewer, '/study', { track: sockets });
    const ack = await socket.emitWithAck('study.watch', { studyId: study.id });
    expect(ack).toEqual({ ok: true, data: { studyId: study.id } });
    const joined = nextEvent(socket, 'member.joined');
    await joinStudy(joiner, study.id);
    expect(await joined).toMatchObject({
      studyId: study.id,
      userId: joiner.userId,
      memberCount: 2,
      status: 'full',
      leaderId: leader.userId,
    });
    const left = nextEvent(socket, 'member.left');
    await joiner.api.post(`/api/studies/${study.id}/leave`);
    expect(await left).toMatchObject({
      userId: joiner.userId,
      memberCount: 1,
      status: 'recruiting',
    });
    const unknown = await socket.emitWithAck('study.watch', { studyId: randomUUID() });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'STUDY_NOT_FOUND' } });
    const bad = await socket.emitWithAck('study.watch', { studyId: 'x' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'COMMON_VALIDATION_FAILED' } });
    await waitFor(() => socket.connected);
  });
});
