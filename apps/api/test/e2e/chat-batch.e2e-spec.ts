import type { Ack, ChatMessage } from '@orgo/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { webp } from '../factories/images';
import { ApiProcess, startApi } from '../support/api-process';
import { connectChat, createRoom, createVerifiedUser, openDirect, TestUser } from '../factories';
import { committedMessages, record, send, sendText, sleep, waitFor } from '../support/chat';
import { dbClient, withDb } from '../support/db';

/**
 * Sends batched together (one chat_post_messages statement) on a real API process, Postgres
 * and Redis: a send the database refuses fails only its own sender.
 */
jest.setTimeout(60_000);

let api: ApiProcess;
const sockets: Socket[] = [];

beforeAll(async () => {
  // Room for the 17 sends held at once below, plus the two held batches.
  api = await startApi({ DB_POOL_SIZE: '30' });
});

afterAll(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await api?.stop();
});

const connect = async (u: TestUser): Promise<Socket> =>
  (await connectChat(u, { track: sockets })).socket;

async function uploadTo(u: TestUser, roomId: string): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await webp())], { type: 'image/webp' }), 'photo');
  const res = await fetch(`${api.url}/api/chat/rooms/${roomId}/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${u.api.accessToken}`, 'x-forwarded-for': u.api.ip },
    body: form,
  });
  const body = (await res.json()) as { id: string };
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
  return body.id;
}

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: string }>(sql, params);
  return Number(rows[0].n);
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Statements of the API waiting on a lock, whose text mentions `fragment`. */
const waitingOn = (db: Client, fragment: string) =>
  count(
    db,
    `SELECT count(*) AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()
        AND wait_event_type = 'Lock' AND query LIKE $1`,
    [`%${fragment}%`],
  );

describe('a send the database refuses, batched with others', () => {
  it('answers its sender with a 4xx; every other sender gets its committed message, broadcast once', async () => {
    // A text that passes the API's validation but that Postgres refuses (as it refuses U+0000),
    // so the failure happens inside the batch statement.
    const poison = `refused-${randomBytes(6).toString('hex')}`;
    const fn = `e2e_refuse_${randomBytes(6).toString('hex')}`;
    await withDb((db) =>
      db.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.text = '${poison}' THEN
            RAISE EXCEPTION 'refused' USING ERRCODE = 'character_not_in_repertoire';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER ${fn} BEFORE INSERT ON chat_message FOR EACH ROW EXECUTE FUNCTION ${fn}();
      `),
    );
    // Holds locks; `observer` reads pg_stat_activity (a transaction would see a frozen snapshot).
    const holder = await dbClient();
    const observer = await dbClient();
    try {
      // Four rooms, each with an owner who watches and four senders; the bad sender is in room 0.
      const owners = await Promise.all(
        Array.from({ length: 4 }, () => createVerifiedUser(api.url)),
      );
      const senders = await Promise.all(
        Array.from({ length: 16 }, () => createVerifiedUser(api.url)),
      );
      const bad = await createVerifiedUser(api.url);
      const rooms = await Promise.all(
        owners.map((o, r) =>
          createRoom(o, [...senders.slice(r * 4, r * 4 + 4), ...(r === 0 ? [bad] : [])]),
        ),
      );
      const gateRoom = await openDirect(owners[0], owners[1]);
      const sends = senders.map((u, i) => ({
        u,
        roomId: rooms[Math.floor(i / 4)],
        text: `hi ${i}`,
      }));
      sends.push({ u: bad, roomId: rooms[0], text: poison });
      // Every send carries an image: its check (chat_image_room) is the last query before the
      // send is queued for its batch, which makes "all queued" observable below.
      const images = await Promise.all(sends.map((s) => uploadTo(s.u, s.roomId)));
      const watchers = await Promise.all(owners.map(connect));
      const heard = watchers.map((w) => record<ChatMessage>(w, 'message.created'));
      const [gateA, gateB] = [watchers[0], watchers[1]];
      const senderSockets = await Promise.all(sends.map((s) => connect(s.u)));

      // Both batch slots busy: two sends in the gate room wait on its row, held here.
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM chat_room WHERE id = $1 FOR UPDATE', [gateRoom]);
      const gateSends = [sendText(gateA, gateRoom, 'gate 1', 30_000)];
      await until(
        async () => (await waitingOn(observer, 'chat_post_messages')) >= 1,
        'the first gate send',
      );
      gateSends.push(sendText(gateB, gateRoom, 'gate 2', 30_000));
      await until(
        async () => (await waitingOn(observer, 'chat_post_messages')) >= 2,
        'the second gate send',
      );

      // The 17 sends wait at their image check; released together, they queue as one batch.
      const imageLock = await dbClient();
      await imageLock.query('BEGIN');
      await imageLock.query('LOCK TABLE chat_image_room IN ACCESS EXCLUSIVE MODE');
      const acks = sends.map((s, i) =>
        send(
          senderSockets[i],
          { roomId: s.roomId, clientMessageId: randomUUID(), text: s.text, imageId: images[i] },
          30_000,
        ),
      );
      await until(
        async () => (await waitingOn(observer, 'chat_image_room')) >= sends.length,
        'every send at its image check',
      );
      await imageLock.query('COMMIT');
      await imageLock.end();
      await until(
        async () =>
          (await count(
            observer,
            `SELECT count(*) AS n FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND query LIKE '%chat_image_room%' AND state <> 'idle'`,
          )) === 0,
        'every image check answered',
      );
      await holder.query('ROLLBACK');

      const answers: Ack<ChatMessage>[] = await Promise.all(acks);
      expect((await Promise.all(gateSends)).every((a) => a.ok)).toBe(true);
      const good = answers.slice(0, 16);
      expect(good.map((a) => a.ok)).toEqual(Array(16).fill(true));
      const refused = answers[16];
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'COMMON_VALIDATION_FAILED', errors: [{ field: 'text', code: 'invalid' }] },
      });
      const messages = good.map((a) => (a.ok ? a.data : null)!);
      messages.forEach((m, i) =>
        expect(m).toMatchObject({ roomId: sends[i].roomId, text: `hi ${i}` }),
      );

      // Committed: each room holds its four messages with seqs 1..4, nothing from the bad sender.
      for (const [r, roomId] of rooms.entries()) {
        const rows = await committedMessages(roomId);
        expect(rows.map((m) => m.seq)).toEqual([1, 2, 3, 4]);
        expect(rows.map((m) => m.id).sort()).toEqual(
          messages
            .filter((m) => m.roomId === rooms[r])
            .map((m) => m.id)
            .sort(),
        );
      }

      // Broadcast once each to the room's watcher; the refused one never.
      for (const [r, seen] of heard.entries()) {
        const expected = messages.filter((m) => m.roomId === rooms[r]).map((m) => m.id);
        await waitFor(
          () => expected.every((id) => seen.some((m) => m.id === id)),
          10_000,
          `room ${r} broadcasts`,
        );
      }
      await sleep(300);
      for (const [r, seen] of heard.entries()) {
        const inRoom = seen.filter((m) => m.roomId === rooms[r]).map((m) => m.id);
        expect(inRoom.sort()).toEqual(
          messages
            .filter((m) => m.roomId === rooms[r])
            .map((m) => m.id)
            .sort(),
        );
        expect(seen.some((m) => m.text === poison)).toBe(false);
      }

      // Alone, over REST, the same content is a 400 as well, never a 500.
      const alone = await bad.api.post(`/api/chat/rooms/${rooms[0]}/messages`, {
        clientMessageId: randomUUID(),
        text: poison,
      });
      expect([alone.status, alone.body.code]).toEqual([400, 'COMMON_VALIDATION_FAILED']);
      expect(await committedMessages(rooms[0])).toHaveLength(4);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
      await observer.end();
      await withDb((db) =>
        db.query(`DROP TRIGGER IF EXISTS ${fn} ON chat_message; DROP FUNCTION IF EXISTS ${fn}()`),
      );
    }
  });
});
