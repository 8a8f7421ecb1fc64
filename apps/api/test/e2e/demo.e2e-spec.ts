import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DEMO_PEOPLE, demoEmail, DemoSeedResult } from '../../src/tools/demo-seed';
import { createScratchDatabase } from '../../src/tools/scratch-db';
import { signIn } from '../factories';
import { ApiProcess, startApi } from '../support/api-process';
import { ApiClient } from '../support/client';
import { readState, repoRoot } from '../support/env';

/**
 * The demo community of `pnpm demo`, seeded over HTTP into a real API process on a database of
 * its own (so its feed and studies do not mix with other specs' data).
 */
jest.setTimeout(120_000);

let api: ApiProcess;
let scratch: { url: string; drop: () => Promise<void> };
let seeded: DemoSeedResult;
const today = new Date();

beforeAll(async () => {
  scratch = await createScratchDatabase(readState().adminUrl, 'orgo_demo');
  api = await startApi({
    DATABASE_URL: scratch.url,
    REDIS_PREFIX: `orgo-demo-${randomBytes(4).toString('hex')}:`,
  });
  seeded = await seedInOwnProcess({ baseUrl: api.url, databaseUrl: scratch.url, now: today });
});

/**
 * Seeds from a process of its own, as `pnpm demo` does (scripts/demo.mjs): the pictures are
 * drawn with libvips, whose settings are process-wide, and specs that build the media module in
 * this process restrict its loaders to the upload formats.
 */
async function seedInOwnProcess(opts: {
  baseUrl: string;
  databaseUrl: string;
  now: Date;
}): Promise<DemoSeedResult> {
  const seeder = join(repoRoot, 'apps/api/dist/tools/demo-seed.js');
  const script = `require(${JSON.stringify(seeder)})
    .seedDemo({ ...${JSON.stringify(opts)}, now: new Date(${JSON.stringify(opts.now.toISOString())}) })
    .then((r) => process.stdout.write(JSON.stringify(r)))
    .catch((e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as DemoSeedResult;
}

afterAll(async () => {
  await api?.stop();
  await scratch?.drop();
});

async function sql<T extends object>(text: string, params: unknown[] = []): Promise<T[]> {
  const db = new Client({ connectionString: scratch.url });
  await db.connect();
  try {
    return (await db.query<T>(text, params)).rows;
  } finally {
    await db.end();
  }
}

const as = (key: string): Promise<ApiClient> =>
  signIn(api, { email: demoEmail(key), password: seeded.password });

it('every account signs in with the one password and has an avatar and an about text', async () => {
  expect(seeded.accounts).toHaveLength(DEMO_PEOPLE.length);
  expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(12);
  for (const person of DEMO_PEOPLE) {
    const client = await as(person.key);
    const me = await client.get('/api/users/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ nickname: person.nickname, about: person.about });
    expect(me.body.avatarUrl).toEqual(expect.any(String));
  }
  const avatar = await fetch(
    new URL((await (await as('minjun')).get('/api/users/me')).body.avatarUrl, api.url),
  );
  expect(avatar.status).toBe(200);
  expect(avatar.headers.get('content-type')).toMatch(/^image\//);
  const [{ verified }] = await sql<{ verified: string }>(
    'SELECT count(*) AS verified FROM app_user WHERE email_verified_at IS NOT NULL',
  );
  expect(Number(verified)).toBe(DEMO_PEOPLE.length);
});

it('people follow each other, and the Following feed of a member has posts', async () => {
  const minjun = await as('minjun');
  const me = (await minjun.get('/api/users/me')).body;
  const following = await minjun.get(`/api/users/${me.id}/following`);
  expect(following.status).toBe(200);
  expect(following.body.items.length).toBeGreaterThanOrEqual(5);
  const feed = await minjun.get('/api/posts/following?limit=50');
  expect(feed.status).toBe(200);
  expect(feed.body.items.length).toBeGreaterThanOrEqual(5);
});

it('the All feed holds the posts, with images, comments, replies and likes', async () => {
  const anonymous = new ApiClient(api.url);
  const feed = await anonymous.get('/api/posts?limit=50');
  expect(feed.status).toBe(200);
  expect(feed.body.items).toHaveLength(seeded.posts);
  const withImages = feed.body.items.filter((p: { imageCount: number }) => p.imageCount > 0);
  expect(withImages.length).toBeGreaterThanOrEqual(5);
  expect(feed.body.items.every((p: { likeCount: number }) => p.likeCount > 0)).toBe(true);
  expect(feed.body.items.some((p: { imageCount: number }) => p.imageCount >= 2)).toBe(true);

  const image = await fetch(new URL(withImages[0].firstImage.url, api.url));
  expect(image.status).toBe(200);
  expect(image.headers.get('content-type')).toMatch(/^image\//);

  const discussed = feed.body.items.filter((p: { commentCount: number }) => p.commentCount > 0);
  expect(discussed.length).toBeGreaterThanOrEqual(seeded.posts - 1);
  const comments = await anonymous.get(`/api/posts/${discussed[0].id}/comments`);
  expect(comments.status).toBe(200);
  expect(comments.body.items.length).toBeGreaterThan(0);
  const [{ replies }] = await sql<{ replies: string }>(
    'SELECT count(*) AS replies FROM post_comment WHERE parent_id IS NOT NULL',
  );
  expect(Number(replies)).toBeGreaterThanOrEqual(10);

  // Spread over days, not all "just now"; comments after their post; Popular still has them.
  const times = feed.body.items.map((p: { createdAt: string }) => Date.parse(p.createdAt));
  expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(3 * 86_400_000);
  expect(Math.max(...times)).toBeLessThan(Date.now() - 3_600_000);
  for (const c of comments.body.items as { createdAt: string }[])
    expect(Date.parse(c.createdAt)).toBeGreaterThan(Date.parse(discussed[0].createdAt));
  const [{ late }] = await sql<{ late: string }>(
    `SELECT count(*) AS late FROM post_comment c JOIN post p ON p.id = c.post_id
      WHERE c.created_at <= p.created_at OR c.created_at > now()`,
  );
  expect(Number(late)).toBe(0);
  const [{ drift }] = await sql<{ drift: string }>(
    `SELECT count(*) AS drift FROM post_inbox i JOIN post p ON p.id = i.post_id
      WHERE i.created_at <> p.created_at`,
  );
  expect(Number(drift)).toBe(0);
  const popular = await anonymous.get('/api/posts/popular');
  expect(popular.body.items).toHaveLength(5);
});

it('the group chat and the direct chat have their history', async () => {
  const minjun = await as('minjun');
  const group = await minjun.get(`/api/chat/rooms/${seeded.groupRoomId}/messages`);
  expect(group.status).toBe(200);
  expect(group.body.items.length).toBeGreaterThanOrEqual(20);
  expect(group.body.items.some((m: { image: unknown }) => m.image)).toBe(true);
  expect(group.body.lastSeq).toBe(group.body.items.at(-1).seq);
  const seoyeon = await as('seoyeon');
  const direct = await seoyeon.get(`/api/chat/rooms/${seeded.directRoomId}/messages`);
  expect(direct.status).toBe(200);
  expect(direct.body.items).toHaveLength(6);
  // A member who never wrote there still has the room in their list.
  const rooms = await (await as('doyun')).get('/api/chat/rooms');
  expect(rooms.status).toBe(200);
  expect(rooms.body.items.map((r: { id: string }) => r.id)).toContain(seeded.groupRoomId);
});

it('studies exist in every status, their rooms equal their members and hold history', async () => {
  const anonymous = new ApiClient(api.url);
  for (const status of ['recruiting', 'full', 'in_progress', 'ended']) {
    const page = await anonymous.get(`/api/studies?status=${status}`);
    expect({ status, code: page.status }).toEqual({ status, code: 200 });
    expect({ status, total: page.body.total > 0 }).toEqual({ status, total: true });
    for (const s of page.body.items) expect(s.memberCount).toBeGreaterThanOrEqual(2);
  }
  const rows = await sql<{ member_count: number; study_members: number; room_members: number }>(
    `SELECT s.member_count,
            (SELECT count(*)::int FROM study_member m WHERE m.study_id = s.id) AS study_members,
            (SELECT count(*)::int FROM chat_member c
              WHERE c.room_id = s.room_id AND c.left_at IS NULL) AS room_members
       FROM study s`,
  );
  expect(rows).toHaveLength(seeded.studies.length);
  for (const r of rows) {
    expect(r.study_members).toBe(r.member_count);
    expect(r.room_members).toBe(r.member_count);
  }
  const [ended] = (await anonymous.get('/api/studies?status=ended')).body.items;
  const detail = seeded.studies.find((s) => s.id === ended.id)!;
  const leader = await as('yejun');
  const history = await leader.get(`/api/chat/rooms/${detail.roomId}/messages`);
  expect(history.status).toBe(200);
  expect(history.body.items.length).toBeGreaterThanOrEqual(5);
});
