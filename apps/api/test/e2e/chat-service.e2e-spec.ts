import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createDataSource } from '../../src/infra/database/data-source';
import { CommitFlushSubscriber } from '../../src/infra/events/commit-flush.subscriber';
import { DomainEventsService } from '../../src/infra/events/domain-events.service';
import type { RateLimitService } from '../../src/infra/http/rate-limit.service';
import type { ChatContacts } from '../../src/modules/chat/chat-contacts.port';
import { ChatMediaService } from '../../src/modules/chat/chat-media.service';
import { MediaModuleChatMedia } from '../../src/modules/chat/chat-media.media-module';
import { ChatMembershipService } from '../../src/modules/chat/chat-membership.service';
import { ChatMessagesService, PostedMessage } from '../../src/modules/chat/chat-messages.service';
import { ChatRoomsService } from '../../src/modules/chat/chat-rooms.service';
import { UserModuleChatUsers } from '../../src/modules/chat/chat-users.user-module';
import { ChatRoomEntity } from '../../src/modules/chat/entities/chat-room.entity';
import {
  ChatMessageRepository,
  NewMessage,
} from '../../src/modules/chat/repositories/chat-message.repository';
import { ChatRoomRepository } from '../../src/modules/chat/repositories/chat-room.repository';
import { PerfSwitches } from '../../src/config/perf-switches';
import { ChatMemberSubscriber } from '../../src/modules/chat/subscribers/chat-member.subscriber';
import { ChatMessageSubscriber } from '../../src/modules/chat/subscribers/chat-message.subscriber';
import { ChatReactionSubscriber } from '../../src/modules/chat/subscribers/chat-reaction.subscriber';
import { ChatRoomSubscriber } from '../../src/modules/chat/subscribers/chat-room.subscriber';
import type { AppConfig } from '../../src/config/app.config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskDriver } from '../../src/infra/storage/local-disk.driver';
import { MediaObjectEntity } from '../../src/modules/media/entities/media-object.entity';
import { ImageProcessor } from '../../src/modules/media/image-processor';
import { MediaUrls } from '../../src/modules/media/media-urls';
import { MediaService } from '../../src/modules/media/media.service';
import { insertUsers } from '../factories/entities';
import { readState } from '../support/env';
import { webp } from '../factories/images';
import { Readable } from 'node:stream';

/**
 * Medium-size: the chat services on a real Postgres with its real subscribers, no HTTP. Covers the
 * surface other modules use (study rooms) and the contacts port with a controllable fake.
 */
let ds: DataSource;
let chatRooms: ChatRoomsService;
let messaging: ChatMessagesService;
let chatImages: ChatMediaService;
let chatMessages: ChatMessageRepository;
let media: MediaService;
const events: { name: string; payload: any }[] = [];
const chatEventNames = [
  'chat.member.joined',
  'chat.member.left',
  'chat.message.created',
  'chat.message.deleted',
  'chat.message.updated',
  'chat.reaction.added',
  'chat.reaction.removed',
  'chat.room.read',
  'chat.room.updated',
] as const;
const rule = { allowed: true, blocked: false };
const contacts: ChatContacts = {
  canStartDirect: async () => rule.allowed,
  isBlockedEitherWay: async () => rule.blocked,
};

beforeAll(async () => {
  ds = createDataSource(readState().databaseUrl, 8);
  await ds.initialize();
  const domainEvents = new DomainEventsService();
  for (const name of chatEventNames)
    domainEvents.on(name, (payload: unknown) => events.push({ name, payload }));
  const urls = new MediaUrls({ jwtSecret: randomBytes(32).toString('hex') } as AppConfig);
  new CommitFlushSubscriber(ds, domainEvents);
  for (const S of [
    ChatMemberSubscriber,
    ChatMessageSubscriber,
    ChatReactionSubscriber,
    ChatRoomSubscriber,
  ])
    new S(ds, domainEvents);
  const noLimits = { enabled: false } as RateLimitService;
  media = new MediaService(
    ds.getRepository(MediaObjectEntity),
    new LocalDiskDriver(mkdtempSync(join(tmpdir(), 'orgo-chat-service-'))),
    new ImageProcessor(),
    noLimits,
    urls,
  );
  chatMessages = new ChatMessageRepository(ds);
  const users = new UserModuleChatUsers(ds);
  const roomRepository = new ChatRoomRepository(ds, users);
  const membership = new ChatMembershipService(ds, users);
  chatImages = new ChatMediaService(new MediaModuleChatMedia(media, urls, ds), ds, membership);
  chatRooms = new ChatRoomsService(contacts, users, ds, roomRepository, membership);
  messaging = new ChatMessagesService(
    contacts,
    users,
    ds,
    noLimits,
    chatMessages,
    roomRepository,
    membership,
    chatImages,
    domainEvents,
  );
  chatImages.onModuleInit();
});

afterAll(async () => {
  await ds?.destroy();
});

beforeEach(() => {
  events.length = 0;
  rule.allowed = true;
  rule.blocked = false;
});

const newUsers = (n: number) => insertUsers(ds, n, { verified: true });

const names = () => events.map((e) => e.name);

describe('the surface for other modules', () => {
  it('creates a room inside the caller’s transaction: gone on rollback, events only after commit', async () => {
    const [owner, m1] = await newUsers(2);
    let doomed = '';
    await expect(
      ds.transaction(async (tx) => {
        doomed = await chatRooms.createGroupRoom(
          { name: 'rolled back', ownerId: owner.id, memberIds: [m1.id] },
          tx,
        );
        throw new Error('the study insert failed');
      }),
    ).rejects.toThrow('the study insert failed');
    expect(await ds.getRepository(ChatRoomEntity).findOneBy({ id: doomed })).toBeNull();
    expect(events).toEqual([]);

    let roomId = '';
    await ds.transaction(async (tx) => {
      roomId = await chatRooms.createGroupRoom(
        { name: 'Study #1', ownerId: null, memberIds: [owner.id, m1.id] },
        tx,
      );
      expect(events).toEqual([]);
    });
    expect(names()).toEqual(['chat.member.joined', 'chat.member.joined']);
    expect(events.map((e) => e.payload.member.user.id).sort()).toEqual([owner.id, m1.id].sort());
    expect(JSON.stringify(events)).not.toContain('@example.com');
    const room = await chatRooms.getRoom(owner.id, roomId);
    expect(room).toMatchObject({ kind: 'group', name: 'Study #1', ownerId: null, memberCount: 2 });
  });

  it('keeps members in sync: re-adding is idempotent, removing the last one archives', async () => {
    const [a, b, c] = await newUsers(3);
    const roomId = await chatRooms.createGroupRoom({
      name: 'sync',
      ownerId: a.id,
      memberIds: [b.id],
    });
    await messaging.postMessage(b.id, { roomId, clientMessageId: randomUUID(), text: 'hi' });
    events.length = 0;

    await chatRooms.addMembers(roomId, [a.id, b.id, c.id]);
    expect(names()).toEqual(['chat.member.joined']);
    expect(events[0].payload.member).toMatchObject({ user: { id: c.id }, lastReadSeq: 1 });

    events.length = 0;
    await chatRooms.removeMember(roomId, a.id);
    expect(names()).toEqual(['chat.member.left', 'chat.room.updated']);
    // Another module acted, not a person.
    expect(events[0].payload).toEqual({ roomId, userId: a.id, actorId: null });
    expect(events[1].payload).toEqual({ roomId, name: 'sync', ownerId: b.id, actorId: null });
    await expect(chatRooms.removeMember(roomId, a.id)).rejects.toMatchObject({
      code: 'CHAT_MEMBER_NOT_FOUND',
    });

    await chatRooms.removeMember(roomId, b.id);
    await chatRooms.removeMember(roomId, c.id);
    const archived = await ds.getRepository(ChatRoomEntity).findOneByOrFail({ id: roomId });
    expect(archived.archivedAt).not.toBeNull();
    events.length = 0;
    // A study that gets members again brings its room back.
    await chatRooms.addMembers(roomId, [a.id]);
    expect(names()).toEqual(['chat.member.joined']);
    const back = await ds.getRepository(ChatRoomEntity).findOneByOrFail({ id: roomId });
    expect(back.archivedAt).toBeNull();
    const rooms = await chatRooms.listRooms(a.id, {});
    expect(rooms.items.map((r) => r.id)).toContain(roomId);
  });

  it('names the actor of each membership and room change', async () => {
    const [a, b, c] = await newUsers(3);
    const actors = () =>
      events.map((e) => [e.name, e.payload.member?.user.id ?? e.payload.userId, e.payload.actorId]);
    const room = await chatRooms.createGroup(a.id, { name: 'actors', memberIds: [b.id] });
    expect(actors().sort()).toEqual(
      [
        ['chat.member.joined', a.id, a.id],
        ['chat.member.joined', b.id, a.id],
      ].sort(),
    );
    events.length = 0;
    await chatRooms.inviteMembers(a.id, room.id, [c.id]);
    await chatRooms.renameRoom(a.id, room.id, 'renamed');
    await chatRooms.expelMember(a.id, room.id, c.id);
    await chatRooms.leaveRoom(b.id, room.id);
    expect(actors()).toEqual([
      ['chat.member.joined', c.id, a.id],
      ['chat.room.updated', undefined, a.id],
      ['chat.member.left', c.id, a.id],
      ['chat.member.left', b.id, b.id],
    ]);
  });

  it('allocates gap-free seqs under concurrent senders', async () => {
    const users = await newUsers(4);
    const roomId = await chatRooms.createGroupRoom({
      name: 'busy',
      ownerId: users[0].id,
      memberIds: users.map((u) => u.id),
    });
    events.length = 0;
    const posted = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        messaging.postMessage(users[i % 4].id, {
          roomId,
          clientMessageId: randomUUID(),
          text: `msg ${i}`,
        }),
      ),
    );
    expect(posted.map((p) => p.message.seq).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    const created = events.filter((e) => e.name === 'chat.message.created');
    expect(created.map((e) => e.payload.id).sort()).toEqual(posted.map((p) => p.message.id).sort());
  });
});

describe('the contacts port', () => {
  it('starts a direct room only when the contacts rule allows it', async () => {
    const [a, b] = await newUsers(2);
    rule.allowed = false;
    await expect(chatRooms.openDirectRoom(a.id, b.id)).rejects.toMatchObject({
      code: 'CHAT_DIRECT_NOT_ALLOWED',
    });
    rule.allowed = true;
    const { room, created } = await chatRooms.openDirectRoom(a.id, b.id);
    expect(created).toBe(true);
    // Once the room exists, either member reopens it whatever the rule says now.
    rule.allowed = false;
    expect((await chatRooms.openDirectRoom(b.id, a.id)).room.id).toBe(room.id);
  });

  it('stops messages in a direct room while either side blocks, but not in groups', async () => {
    const [a, b] = await newUsers(2);
    const { room } = await chatRooms.openDirectRoom(a.id, b.id);
    const group = await chatRooms.createGroupRoom({ name: 'g', ownerId: a.id, memberIds: [b.id] });
    rule.blocked = true;
    await expect(
      messaging.postMessage(b.id, { roomId: room.id, clientMessageId: randomUUID(), text: 'hey' }),
    ).rejects.toMatchObject({ code: 'CHAT_DIRECT_BLOCKED' });
    const inGroup = await messaging.postMessage(b.id, {
      roomId: group,
      clientMessageId: randomUUID(),
      text: 'hey all',
    });
    expect(inGroup.created).toBe(true);
    // History stays readable.
    expect((await messaging.listMessages(a.id, room.id, {})).items).toEqual([]);
    // Inviting someone on the other side of a block looks like an unknown user.
    const [c] = await newUsers(1);
    await expect(
      chatRooms.createGroup(a.id, { name: 'x', memberIds: [c.id] }),
    ).rejects.toMatchObject({
      code: 'CHAT_USER_NOT_FOUND',
    });
  });

  it('lets the media sweep remove chat images uploaded but never sent, and only those', async () => {
    const [a, b] = await newUsers(2);
    const { room } = await chatRooms.openDirectRoom(a.id, b.id);
    const sent = await chatImages.uploadImage(a.id, room.id, Readable.from([await webp()]));
    const abandoned = await chatImages.uploadImage(a.id, room.id, Readable.from([await webp()]));
    await messaging.postMessage(a.id, {
      roomId: room.id,
      clientMessageId: randomUUID(),
      imageId: sent.id,
    });
    const exists = async (id: string) =>
      (await ds.query('SELECT 1 FROM media_object WHERE id = $1', [id])).length === 1;

    // Younger than the cut-off: nothing goes.
    await media.sweepUnattached(60_000);
    expect([await exists(sent.id), await exists(abandoned.id)]).toEqual([true, true]);

    // A cut-off in the future makes every unsent upload "old".
    expect(await media.sweepUnattached(-60_000)).toBeGreaterThanOrEqual(1);
    expect([await exists(sent.id), await exists(abandoned.id)]).toEqual([true, false]);
    const history = await messaging.listMessages(b.id, room.id, {});
    expect(history.items[0].image?.id).toBe(sent.id);
  });
});

describe('sends in batches (chat_post_messages)', () => {
  const repo = () => new ChatMessageRepository(ds);
  const send = (roomId: string, senderId: string, extra: Partial<NewMessage> = {}): NewMessage => ({
    roomId,
    senderId,
    clientMessageId: randomUUID(),
    text: 'batched',
    imageId: null,
    replyToId: null,
    ...extra,
  });
  const lastSeq = async (roomId: string) =>
    Number((await ds.query('SELECT last_seq FROM chat_room WHERE id = $1', [roomId]))[0].last_seq);

  it('writes concurrent sends in one statement and answers each send on its own', async () => {
    const [a, b, outsider] = await newUsers(3);
    const roomA = await chatRooms.createGroupRoom({ name: 'A', ownerId: a.id, memberIds: [b.id] });
    const roomB = await chatRooms.createGroupRoom({ name: 'B', ownerId: b.id, memberIds: [a.id] });
    const archived = await chatRooms.createGroupRoom({
      name: 'gone',
      ownerId: a.id,
      memberIds: [],
    });
    await chatRooms.removeMember(archived, a.id);
    const earlier = await messaging.postMessage(a.id, {
      roomId: roomA,
      clientMessageId: randomUUID(),
      text: 'earlier',
    });
    const twice = randomUUID();
    const batch = [
      send(roomB, b.id),
      send(roomA, a.id),
      send(roomA, outsider.id),
      send(roomA, b.id, { clientMessageId: twice }),
      send(roomA, b.id, { clientMessageId: twice }),
      send(roomA, a.id, { clientMessageId: earlier.message.clientMessageId }),
      send(archived, a.id),
      send(roomB, a.id),
      send(roomA, a.id),
    ];
    const messages = repo();
    // Chat sends are prepared statements on TypeORM's pool (infra/database/prepared-statement).
    const query = jest.spyOn((ds.driver as PostgresDriver).master as Pool, 'query');
    const outcomes = await Promise.all(batch.map((m) => messages.post(m)));
    const sent = query.mock.calls.map(([q]) => (q as unknown as { text?: string }).text ?? q);
    const calls = sent.filter((sql) => String(sql).includes('chat_post_message'));
    query.mockRestore();
    expect(calls).toHaveLength(1);
    expect(String(calls[0])).toContain('chat_post_messages(');

    expect(outcomes.map((o) => o.status)).toEqual([
      'ok',
      'ok',
      'room',
      'ok',
      'duplicate',
      'duplicate',
      'room',
      'ok',
      'ok',
    ]);
    const seqs = outcomes.map((o) => (o.status === 'ok' ? o.seq : null));
    // Per room in the order given, after what the room had: A had 1 message, B none.
    expect(seqs).toEqual([1, 2, null, 3, null, null, null, 2, 4]);
    expect([await lastSeq(roomA), await lastSeq(roomB), await lastSeq(archived)]).toEqual([
      4, 2, 0,
    ]);
    const rows: { seq: string; sender_id: string }[] = await ds.query(
      'SELECT seq, sender_id FROM chat_message WHERE room_id = $1 ORDER BY seq',
      [roomA],
    );
    expect(rows.map((r) => [Number(r.seq), r.sender_id])).toEqual([
      [1, a.id],
      [2, a.id],
      [3, b.id],
      [4, a.id],
    ]);
    // Through the service, the duplicate answers with the original message.
    const replay = await messaging.postMessage(b.id, {
      roomId: roomA,
      clientMessageId: twice,
      text: 'x',
    });
    expect(replay).toMatchObject({ created: false, message: { seq: 3 } });
  });

  it('falls back to one by one when the batch statement fails, refusing only the send at fault', async () => {
    const [a, b] = await newUsers(2);
    const { room } = await chatRooms.openDirectRoom(a.id, b.id);
    const image = await chatImages.uploadImage(a.id, room.id, Readable.from([await webp()]));
    const messages = repo();
    const outcomes = await Promise.all(
      [
        send(room.id, b.id),
        send(room.id, a.id, { text: null, imageId: image.id }),
        send(room.id, a.id, { text: null, imageId: image.id }),
        send(room.id, b.id),
      ].map((m) => messages.post(m)),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['image', 'ok', 'ok', 'ok']);
    expect(await lastSeq(room.id)).toBe(3);
    const seqs: { seq: string }[] = await ds.query(
      'SELECT seq FROM chat_message WHERE room_id = $1 ORDER BY seq',
      [room.id],
    );
    expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
  });

  it('sends a lone message as a batch of one, and answers a refused one in that one statement', async () => {
    const [a, b] = await newUsers(2);
    const { room } = await chatRooms.openDirectRoom(a.id, b.id);
    const image = await chatImages.uploadImage(a.id, room.id, Readable.from([await webp()]));
    const messages = repo();
    const pool = jest.spyOn((ds.driver as PostgresDriver).master as Pool, 'query');
    const sent = () =>
      pool.mock.calls
        .map(([q]) => q as unknown as { text?: string; values?: unknown[][] })
        .filter((q) => String(q.text).includes('chat_post'));
    const first = await messages.post(send(room.id, a.id, { text: null, imageId: image.id }));
    const firstSent = sent();
    // The same image again: Postgres refuses the statement, and that answers the send.
    const again = await messages.post(send(room.id, a.id, { text: null, imageId: image.id }));
    const allSent = sent();
    pool.mockRestore();
    expect(first).toMatchObject({ status: 'ok', seq: 1 });
    expect(again).toEqual({ status: 'image' });
    expect(firstSent).toHaveLength(1);
    expect(allSent).toHaveLength(2);
    for (const q of allSent) {
      expect(q.text).toContain('chat_post_messages(');
      expect(q.values!.map((column) => column.length)).toEqual([1, 1, 1, 1, 1, 1]);
    }
    expect(await lastSeq(room.id)).toBe(1);
  });

  it('refuses an image already sent before it reaches a send statement shared with others', async () => {
    const [a, b] = await newUsers(2);
    const { room } = await chatRooms.openDirectRoom(a.id, b.id);
    const image = await chatImages.uploadImage(a.id, room.id, Readable.from([await webp()]));
    const sendImage = () =>
      messaging.postMessage(a.id, {
        roomId: room.id,
        clientMessageId: randomUUID(),
        imageId: image.id,
      });
    await sendImage();
    const pool = jest.spyOn((ds.driver as PostgresDriver).master as Pool, 'query');
    const again = sendImage();
    await expect(again).rejects.toMatchObject({ code: 'CHAT_IMAGE_NOT_FOUND' });
    const statements = pool.mock.calls.filter(([q]) =>
      String((q as unknown as { text?: string }).text ?? q).includes('chat_post'),
    );
    pool.mockRestore();
    expect(statements).toHaveLength(0);
  });

  it('with PERF_PREPARED_STATEMENTS off: a lone send is a batch of one through DataSource.query', async () => {
    const [a, b] = await newUsers(2);
    const { room } = await chatRooms.openDirectRoom(a.id, b.id);
    const image = await chatImages.uploadImage(a.id, room.id, Readable.from([await webp()]));
    const messages = new ChatMessageRepository(ds, new PerfSwitches({ preparedStatements: false }));
    const pool = jest.spyOn((ds.driver as PostgresDriver).master as Pool, 'query');
    const query = jest.spyOn(ds, 'query');
    const alone = await messages.post(send(room.id, a.id));
    const sent = query.mock.calls.map(([sql]) => sql).filter((sql) => sql.includes('chat_post'));
    const named = pool.mock.calls.filter(([q]) => typeof q === 'object' && 'name' in q);
    pool.mockRestore();
    query.mockRestore();
    expect(alone).toMatchObject({ status: 'ok', seq: 1 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('chat_post_messages(');
    expect(named).toEqual([]);
    // The fallback still answers each send of a refused batch on its own.
    const outcomes = await Promise.all(
      [
        send(room.id, a.id, { text: null, imageId: image.id }),
        send(room.id, a.id, { text: null, imageId: image.id }),
        send(room.id, b.id),
      ].map((m) => messages.post(m)),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['image', 'ok', 'ok']);
    expect(await lastSeq(room.id)).toBe(3);
  });

  it('fails only the sender of content Postgres refuses: every other send is written, answered and broadcast once', async () => {
    const users = await newUsers(17);
    const [bad, ...senders] = users;
    // Four rooms, four senders each; the bad sender shares the first room.
    const rooms: string[] = [];
    for (let r = 0; r < 4; r++) {
      const members = senders.slice(r * 4, r * 4 + 4).map((u) => u.id);
      if (r === 0) members.push(bad.id);
      rooms.push(
        await chatRooms.createGroupRoom({ name: `batch ${r}`, ownerId: null, memberIds: members }),
      );
    }
    const sends = senders.map((u, i) => ({
      me: u.id,
      input: {
        roomId: rooms[Math.floor(i / 4)],
        clientMessageId: randomUUID(),
        text: `hello ${i}`,
      },
    }));
    // U+0000 passes this layer (the service, below the API's validation) and Postgres refuses it.
    sends.splice(7, 0, {
      me: bad.id,
      input: { roomId: rooms[0], clientMessageId: randomUUID(), text: 'bad \u0000 text' },
    });

    // Hold every send until all 17 reached the repository, then submit them in one turn: one batch.
    const post = chatMessages.post.bind(chatMessages);
    const held: (() => void)[] = [];
    const gate = jest.spyOn(chatMessages, 'post').mockImplementation(
      (m) =>
        new Promise((resolve, reject) => {
          held.push(() => void post(m).then(resolve, reject));
          if (held.length === sends.length) for (const go of held.splice(0)) go();
        }),
    );
    const query = jest.spyOn((ds.driver as PostgresDriver).master as Pool, 'query');
    const results = await Promise.allSettled(
      sends.map((s) => messaging.postMessage(s.me, s.input)),
    );
    const statements = query.mock.calls
      .map(([q]) => q as unknown as { text?: string; values?: unknown[][] })
      .filter((q) => String(q.text).includes('chat_post'));
    query.mockRestore();
    gate.mockRestore();
    // The batch statement failed as a whole, then each send went alone, as a batch of one.
    expect(statements.every((q) => q.text!.includes('chat_post_messages('))).toBe(true);
    expect(statements.map((q) => q.values![0].length)).toEqual([17, ...sends.map(() => 1)]);

    const failed = results[7];
    expect(failed.status).toBe('rejected');
    expect((failed as PromiseRejectedResult).reason).toMatchObject({
      code: 'COMMON_VALIDATION_FAILED',
      status: 400,
    });
    const posted = results.filter((r, i) => i !== 7);
    expect(posted.every((r) => r.status === 'fulfilled')).toBe(true);
    const messages = posted.map((r) => (r as PromiseFulfilledResult<PostedMessage>).value.message);
    expect(messages.map((m) => m.clientMessageId)).toEqual(
      sends.filter((s, i) => i !== 7).map((s) => s.input.clientMessageId),
    );
    // Committed, gap-free per room, and each broadcast exactly once.
    for (const roomId of rooms) {
      const seqs = messages.filter((m) => m.roomId === roomId).map((m) => m.seq);
      expect(seqs.sort((x, y) => x - y)).toEqual([1, 2, 3, 4]);
      expect(await lastSeq(roomId)).toBe(4);
    }
    const created = events.filter((e) => e.name === 'chat.message.created');
    expect(created.map((e) => e.payload.id).sort()).toEqual(messages.map((m) => m.id).sort());
  });
});
