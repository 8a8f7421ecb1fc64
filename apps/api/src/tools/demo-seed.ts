import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { avatar, picture } from './demo/pictures';
import { DEMO_PASSWORD, DEMO_PEOPLE, type DemoPerson, demoEmail, FOLLOWS } from './demo/people';
import { POSTS } from './demo/posts';
import { DIRECT_CHAT, GROUP_CHAT, GROUP_MEMBERS, STUDIES } from './demo/rooms';

export { DEMO_PASSWORD, DEMO_PEOPLE, demoEmail } from './demo/people';
export type { DemoPerson } from './demo/people';

/**
 * The demo community of `pnpm demo` (scripts/demo.mjs): a believable Korean community written
 * through the running API's own HTTP endpoints, so every count, sequence and room is what real use
 * would leave. Only the email verification is marked in the database, as there is no inbox.
 * Later features add their content as further steps of `seedDemo`.
 */

/** Where to seed: the running API and its database. */
export interface DemoSeedOptions {
  /** The running API, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  /** Its database: the demo accounts' emails are marked verified there. */
  databaseUrl: string;
  /** Study dates are relative to this day (UTC); today by default. */
  now?: Date;
  log?: (line: string) => void;
}

export interface DemoSeedResult {
  accounts: { email: string; nickname: string }[];
  password: string;
  posts: number;
  groupRoomId: string;
  directRoomId: string;
  studies: { id: string; title: string; roomId: string }[];
}

/** Seeds the demo community into an empty API; throws on the first refused request. */
export async function seedDemo(opts: DemoSeedOptions): Promise<DemoSeedResult> {
  const log = opts.log ?? (() => undefined);
  const now = opts.now ?? new Date();
  const day = (offset: number) =>
    new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

  log(`creating ${DEMO_PEOPLE.length} accounts`);
  const people = new Map<string, Member>();
  for (const [i, person] of DEMO_PEOPLE.entries()) {
    const api = new DemoClient(opts.baseUrl, `10.77.0.${i + 1}`);
    const res = await api.call<{ accessToken: string; user: { id: string } }>(
      'POST',
      '/api/auth/signup',
      { email: demoEmail(person.key), password: DEMO_PASSWORD, nickname: person.nickname },
    );
    api.accessToken = res.accessToken;
    people.set(person.key, { ...person, api, id: res.user.id });
  }
  await markVerified(
    opts.databaseUrl,
    [...people.values()].map((p) => p.id),
  );
  const who = (key: string): Member => {
    const member = people.get(key);
    if (!member) throw new Error(`no demo person "${key}"`);
    return member;
  };

  log('profiles and avatars');
  for (const p of people.values()) {
    await p.api.call('PATCH', '/api/users/me', { about: p.about });
    await p.api.upload('PUT', '/api/users/me/avatar', await avatar(p.colour, p.key));
  }

  log('follows');
  for (const [from, targets] of Object.entries(FOLLOWS)) {
    for (const to of targets) await who(from).api.call('PUT', `/api/users/${who(to).id}/follow`);
  }

  log(`${POSTS.length} posts with comments and likes`);
  const postIds: string[] = [];
  for (const [n, plan] of POSTS.entries()) {
    const author = who(plan.by);
    const imageIds: string[] = [];
    for (const [k, kind] of (plan.images ?? []).entries()) {
      const bytes = await picture(kind, n * 7 + k);
      const image = await author.api.upload<{ id: string }>('POST', '/api/posts/images', bytes);
      imageIds.push(image.id);
    }
    const post = await author.api.call<{ id: string }>('POST', '/api/posts', {
      title: plan.title,
      content: plan.content,
      ...(imageIds.length ? { imageIds } : {}),
    });
    postIds.push(post.id);
    for (const c of plan.comments ?? []) {
      const comment = await who(c.by).api.call<{ id: string }>(
        'POST',
        `/api/posts/${post.id}/comments`,
        { content: c.text },
      );
      for (const r of c.replies ?? []) {
        await who(r.by).api.call('POST', `/api/posts/${post.id}/comments`, {
          content: r.text,
          parentId: comment.id,
        });
      }
    }
    for (const liker of plan.likes ?? []) {
      await who(liker).api.call('PUT', `/api/posts/${post.id}/like`);
    }
  }

  await spreadPostTimes(opts.databaseUrl, postIds);

  log('a group chat and a direct chat');
  const owner = who('minjun');
  const group = await owner.api.call<{ id: string }>('POST', '/api/chat/rooms', {
    name: '백엔드 공부 모임',
    memberIds: GROUP_MEMBERS.map((k) => who(k).id),
  });
  await sendAll(group.id, GROUP_CHAT, who);
  const photo = await who('haeun').api.upload<{ id: string }>(
    'POST',
    `/api/chat/rooms/${group.id}/images`,
    await picture('desk', 99),
  );
  await who('haeun').api.call('POST', `/api/chat/rooms/${group.id}/messages`, {
    clientMessageId: randomUUID(),
    text: '미리 가서 자리 잡았어요 ☕',
    imageId: photo.id,
  });
  const direct = await owner.api.call<{ id: string }>('POST', '/api/chat/rooms/direct', {
    userId: who('seoyeon').id,
  });
  await sendAll(direct.id, DIRECT_CHAT, who);

  log(`${STUDIES.length} studies: recruiting, full, in progress and ended`);
  const studies: DemoSeedResult['studies'] = [];
  for (const plan of STUDIES) {
    const leader = who(plan.by);
    const study = await leader.api.call<{ id: string; roomId: string }>('POST', '/api/studies', {
      title: plan.title,
      description: plan.description,
      startDate: day(plan.start),
      endDate: day(plan.end),
      mode: plan.mode,
      location: plan.location ?? null,
      maxMembers: plan.maxMembers,
      tags: plan.tags,
    });
    for (const m of plan.members) await who(m).api.call('POST', `/api/studies/${study.id}/join`);
    await sendAll(study.roomId, plan.chat ?? [], who);
    if (plan.endedAt) {
      await leader.api.call('PATCH', `/api/studies/${study.id}`, {
        startDate: day(plan.endedAt.start),
        endDate: day(plan.endedAt.end),
      });
    }
    studies.push({ id: study.id, title: plan.title, roomId: study.roomId });
  }

  return {
    accounts: DEMO_PEOPLE.map((p) => ({ email: demoEmail(p.key), nickname: p.nickname })),
    password: DEMO_PASSWORD,
    posts: POSTS.length,
    groupRoomId: group.id,
    directRoomId: direct.id,
    studies,
  };
}

interface Member extends DemoPerson {
  api: DemoClient;
  id: string;
}

async function sendAll(
  roomId: string,
  lines: [string, string][],
  who: (key: string) => Member,
): Promise<void> {
  for (const [key, text] of lines) {
    await who(key).api.call('POST', `/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      text,
    });
  }
}

// No inbox in the demo: the accounts are marked verified directly, as the mail round trip would.
/**
 * Written in a minute, the posts would all read "방금": they are spread over the last five days
 * instead (in the order written, the last one two hours ago, all inside the 7 days of Popular),
 * their comments a few minutes apart after them in their order, and the Following feeds' copy of
 * each post's time moved with it.
 */
async function spreadPostTimes(databaseUrl: string, postIds: string[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(
      `UPDATE post p SET created_at = now() - make_interval(
              hours => (2 + (array_length($1::uuid[], 1) - t.n) * 110 / array_length($1::uuid[], 1))::int)
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)
        WHERE p.id = t.id`,
      [postIds],
    );
    await db.query(
      `UPDATE post_comment c SET created_at = p.created_at + make_interval(mins => (7 * r.rank)::int)
         FROM (SELECT id, row_number() OVER (PARTITION BY post_id ORDER BY created_at, id) AS rank
                 FROM post_comment WHERE post_id = ANY($1::uuid[])) r, post p
        WHERE c.id = r.id AND p.id = c.post_id`,
      [postIds],
    );
    await db.query(
      `UPDATE post_inbox i SET created_at = p.created_at FROM post p
        WHERE p.id = i.post_id AND p.id = ANY($1::uuid[])`,
      [postIds],
    );
    await db.query('COMMIT');
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}

async function markVerified(databaseUrl: string, ids: string[]): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rowCount } = await db.query(
      'UPDATE app_user SET email_verified_at = now() WHERE id = ANY($1::uuid[])',
      [ids],
    );
    // Another API answering on the same address would have created the accounts elsewhere.
    if (rowCount !== ids.length)
      throw new Error(
        `marked ${rowCount} of ${ids.length} demo accounts verified: the API and the database given do not belong together`,
      );
  } finally {
    await db.end();
  }
}

class DemoSeedError extends Error {}

/** One demo person's client: its own address (X-Forwarded-For over loopback) and token. */
class DemoClient {
  accessToken?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly ip: string,
  ) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.ip };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.send<T>(
      method,
      path,
      headers,
      body === undefined ? undefined : JSON.stringify(body),
    );
  }

  async upload<T = unknown>(method: string, path: string, bytes: Buffer): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'image.png');
    return this.send<T>(method, path, { 'x-forwarded-for': this.ip }, form);
  }

  private async send<T>(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: string | FormData | undefined,
  ): Promise<T> {
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    if (!res.ok) throw new DemoSeedError(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
