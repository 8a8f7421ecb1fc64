import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webp } from '../factories/images';
import { ApiProcess, startApi } from '../support/api-process';
import { createRoom, createVerifiedUser, TestUser } from '../factories';
import { eventually, withDb } from '../support/db';

/**
 * Two real API processes on one database, with short intervals: the scheduler's lock, the media
 * module's sweep of unattached uploads, and the reconciler of account-deletion follow-ups.
 */
const PROBE_MS = 400;
let mediaDir: string;
let apis: ApiProcess[] = [];

beforeAll(async () => {
  await withDb(async (db) => {
    await db.query(`CREATE TABLE IF NOT EXISTS scheduler_probe (
      id serial PRIMARY KEY, instance text NOT NULL,
      started_at timestamptz NOT NULL, finished_at timestamptz)`);
    await db.query('TRUNCATE scheduler_probe');
  });
  mediaDir = mkdtempSync(join(tmpdir(), 'orgo-scheduler-'));
  const env = {
    MEDIA_DIR: mediaDir,
    SCHEDULER_TEST_JOB: '1',
    SCHEDULER_TEST_JOB_MS: String(PROBE_MS),
    MEDIA_SWEEP_INTERVAL_SEC: '1',
    MEDIA_UNATTACHED_GRACE_SEC: '8',
    ACCOUNT_FOLLOWUP_INTERVAL_SEC: '1',
    ACCOUNT_FOLLOWUP_RETRY_AFTER_SEC: '1',
    ACCOUNT_FOLLOWUP_FAIL_ONCE: 'chat',
  };
  apis = await Promise.all([startApi(env), startApi(env)]);
});

afterAll(async () => {
  await Promise.all(apis.map((api) => api.stop()));
  rmSync(mediaDir, { recursive: true, force: true });
});

interface ProbeRun {
  instance: string;
  started: number;
  finished: number;
}

/** Finished probe runs in start order, on the database clock (microseconds). */
async function probeRuns(): Promise<ProbeRun[]> {
  return withDb(async (db) => {
    const { rows } = await db.query<{ instance: string; started: string; finished: string }>(
      `SELECT instance,
              (extract(epoch FROM started_at) * 1e6)::bigint AS started,
              (extract(epoch FROM finished_at) * 1e6)::bigint AS finished
         FROM scheduler_probe WHERE finished_at IS NOT NULL ORDER BY started_at`,
    );
    return rows.map((r) => ({
      instance: r.instance,
      started: Number(r.started),
      finished: Number(r.finished),
    }));
  });
}

/** A counter of the probe job in one process's /api/metrics (0 when not reported yet). */
async function probeMetric(api: ApiProcess, metric: string, label: string): Promise<number> {
  const text = await (await fetch(`${api.url}/api/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${metric}{`) && l.includes('job="test.probe"') && l.includes(label));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('scheduler', () => {
  it('runs a job on one process at a time; the other takes over when the first stops', async () => {
    // The probe holds each run for 1.5 intervals, so without the lock the two processes' runs
    // would overlap within a few ticks.
    await eventually(async () => (await probeRuns()).length >= 6, 'six probe runs', 30_000);
    const runs = await probeRuns();
    for (let i = 1; i < runs.length; i++)
      expect(runs[i].started).toBeGreaterThanOrEqual(runs[i - 1].finished);

    // Both processes were ticking: between them, some ticks found the lock taken.
    const locked = await Promise.all(
      apis.map((api) => probeMetric(api, 'orgo_scheduler_skips_total', 'reason="locked"')),
    );
    expect(locked[0] + locked[1]).toBeGreaterThan(0);

    // Stop the process that ran last; the other one now runs every tick.
    const last = runs[runs.length - 1].instance;
    const [gone, left] = apis[0].url.endsWith(`:${last}`) ? apis : [apis[1], apis[0]];
    expect(gone.url.endsWith(`:${last}`)).toBe(true);
    expect(await gone.stop()).toBe(0);
    apis = [left];
    const leftPort = new URL(left.url).port;
    const seen = runs.length;
    await eventually(
      async () =>
        (await probeRuns()).slice(seen).filter((r) => r.instance === leftPort).length >= 2,
      'runs by the remaining process',
      30_000,
    );
    expect(await probeMetric(left, 'orgo_scheduler_runs_total', 'outcome="ok"')).toBeGreaterThan(0);
  });
});

describe('media sweep', () => {
  const exists = (id: string) =>
    withDb(
      async (db) =>
        (await db.query('SELECT 1 FROM media_object WHERE id = $1', [id])).rowCount === 1,
    );

  async function uploadTo(u: TestUser, roomId: string) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await webp())], { type: 'image/webp' }), 'p');
    const res = await fetch(`${apis[0].url}/api/chat/rooms/${roomId}/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${u.api.accessToken}`, 'x-forwarded-for': u.api.ip },
      body: form,
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it('removes an upload nobody attached once past the grace period, and keeps attached ones', async () => {
    const [owner, member] = await Promise.all([
      createVerifiedUser(apis[0].url),
      createVerifiedUser(apis[0].url),
    ]);
    const roomId = await createRoom(owner, [member]);
    const avatarForm = new FormData();
    avatarForm.append(
      'file',
      new Blob([new Uint8Array(await webp())], { type: 'image/webp' }),
      'a',
    );
    const avatar = await fetch(`${apis[0].url}/api/users/me/avatar`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${owner.api.accessToken}`,
        'x-forwarded-for': owner.api.ip,
      },
      body: avatarForm,
    });
    expect(avatar.status).toBe(200);
    const avatarKey = /([0-9a-f-]{36})$/.exec(((await avatar.json()) as any).avatarUrl)![1];

    const sent = await uploadTo(owner, roomId);
    const abandoned = await uploadTo(owner, roomId);
    const posted = await owner.api.post(`/api/chat/rooms/${roomId}/messages`, {
      clientMessageId: randomUUID(),
      imageId: sent,
    });
    expect(posted.status).toBe(201);

    await eventually(async () => !(await exists(abandoned)), 'the abandoned upload swept', 30_000);
    // Both are past the grace period by now; the sweep kept what a message and a profile hold.
    expect(await exists(sent)).toBe(true);
    expect(await exists(avatarKey)).toBe(true);
  });
});

describe('account deletion follow-ups', () => {
  it('re-applies a follow-up that failed once, until chat has marked it done', async () => {
    const password = `climb-${randomUUID()}`;
    const [leaving, member] = await Promise.all([
      createVerifiedUser(apis[0].url, { password }),
      createVerifiedUser(apis[0].url),
    ]);
    const roomId = await createRoom(leaving, [member]);
    const res = await leaving.api.request('DELETE', '/api/users/me', {
      body: { password, contentPolicy: 'anonymize' },
    });
    expect(res.status).toBe(204);

    const followup = () =>
      withDb(async (db) => {
        const { rows } = await db.query(
          `SELECT attempts, last_error, done_at FROM account_followup
            WHERE user_id = $1 AND module = 'chat'`,
          [leaving.userId],
        );
        return rows[0] as { attempts: number; last_error: string | null; done_at: Date | null };
      });
    await eventually(
      async () => (await followup())?.done_at != null,
      'chat follow-up done',
      30_000,
    );
    const row = await followup();
    // The first attempt (after commit) failed; a later reconciler pass applied it.
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.last_error).toMatch(/injected failure of the first chat follow-up/);

    const chat = await withDb(async (db) => {
      const member = await db.query(
        'SELECT left_at FROM chat_member WHERE room_id = $1 AND user_id = $2',
        [roomId, leaving.userId],
      );
      const room = await db.query('SELECT owner_id FROM chat_room WHERE id = $1', [roomId]);
      return { leftAt: member.rows[0].left_at, ownerId: room.rows[0].owner_id };
    });
    expect(chat.leftAt).not.toBeNull();
    expect(chat.ownerId).toBe(member.userId);

    // Every registered module got its row in the deletion's transaction; the others ran once.
    const rows = await withDb(
      async (db) =>
        (
          await db.query(
            `SELECT module, attempts, done_at IS NOT NULL AS done FROM account_followup
              WHERE user_id = $1 ORDER BY module`,
            [leaving.userId],
          )
        ).rows,
    );
    expect(rows).toEqual([
      { module: 'chat', attempts: row.attempts, done: true },
      { module: 'oauth', attempts: 1, done: true },
      { module: 'post', attempts: 1, done: true },
      { module: 'study', attempts: 1, done: true },
    ]);
  });
});
