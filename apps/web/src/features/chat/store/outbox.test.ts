import { beforeEach, describe, expect, it } from 'vitest';
import { createAuthSession } from '@/lib/auth-session';
import { buildMe, buildTokens } from '@/testing/factories';
import { createOutbox, outboxKeyOf, watchOutboxOwner, type OutboxEntry } from './outbox';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

const entry = (id: string, overrides: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientMessageId: id,
  roomId: 'room-1',
  text: `안녕 ${id}`,
  createdAt: '2025-01-02T03:04:05.000Z',
  status: 'pending',
  ...overrides,
});

describe('outbox', () => {
  it('survives a reload: a new outbox on the same storage holds the unsent entries', () => {
    const storage = memoryStorage();
    const first = createOutbox(storage, 'orgo.chat.outbox.1');
    first.add(entry('a'));
    first.add(entry('b'));
    first.setStatus('b', 'failed');
    first.remove('a');

    const reloaded = createOutbox(storage, 'orgo.chat.outbox.1');
    expect(reloaded.entries()).toEqual([entry('b', { status: 'failed' })]);
  });

  it('keeps each user’s outbox apart', () => {
    const storage = memoryStorage();
    createOutbox(storage, 'orgo.chat.outbox.1').add(entry('a'));
    expect(createOutbox(storage, 'orgo.chat.outbox.2').entries()).toEqual([]);
  });

  it('keeps a reply target and its quote across a reload, and drops malformed ones', () => {
    const quote = {
      id: 'message-7',
      seq: 7,
      sender: { id: '2', nickname: '민준', avatarUrl: null },
      text: null,
      deletedAt: null,
    };
    const reply = entry('a', { replyToId: 'message-7', replyTo: quote });
    const storage = memoryStorage({
      k: JSON.stringify([
        reply,
        entry('b', { replyToId: 7 as unknown as string }),
        entry('c', { replyToId: 'message-7', replyTo: { ...quote, sender: null as never } }),
      ]),
    });
    expect(createOutbox(storage, 'k').entries()).toEqual([reply]);
  });

  it('adds a clientMessageId once', () => {
    const outbox = createOutbox(memoryStorage(), 'k');
    outbox.add(entry('a'));
    outbox.add(entry('a', { text: 'copy' }));
    expect(outbox.entries()).toEqual([entry('a')]);
  });

  it('drops corrupt storage instead of failing', () => {
    const storage = memoryStorage({ k: '[{"clientMessageId":1},' });
    expect(createOutbox(storage, 'k').entries()).toEqual([]);
    const partly = memoryStorage({ k: JSON.stringify([entry('a'), { roomId: 'x' }]) });
    expect(createOutbox(partly, 'k').entries()).toEqual([entry('a')]);
  });

  it('tells subscribers about every change and gives a stable snapshot in between', () => {
    const outbox = createOutbox(null, 'k');
    let calls = 0;
    outbox.subscribe(() => (calls += 1));
    outbox.add(entry('a'));
    const snapshot = outbox.entries();
    expect(outbox.entries()).toBe(snapshot);
    outbox.setStatus('a', 'failed');
    outbox.remove('a');
    expect(calls).toBe(3);
  });
});

describe('outbox owner', () => {
  beforeEach(() => localStorage.clear());

  const signedIn = (session: ReturnType<typeof createAuthSession>, id: string) =>
    session.signIn(buildTokens({ user: buildMe({ id }) }));

  it('is cleared from storage on sign-out, and a late ack does not write it back', () => {
    const session = createAuthSession();
    const stop = watchOutboxOwner(session, localStorage);
    signedIn(session, 'user-1');
    const isOwner = () => {
      const state = session.getState();
      return state.status === 'authenticated' && state.user.id === 'user-1';
    };
    const outbox = createOutbox(localStorage, outboxKeyOf('user-1'), isOwner);
    outbox.add(entry('a'));
    outbox.add(entry('b'));
    localStorage.setItem('orgo.locale', 'ko');
    expect(localStorage.getItem(outboxKeyOf('user-1'))).toContain('안녕 a');

    session.signOut();
    expect(localStorage.getItem(outboxKeyOf('user-1'))).toBeNull();
    outbox.setStatus('b', 'failed');
    outbox.remove('a');
    expect(localStorage.getItem(outboxKeyOf('user-1'))).toBeNull();
    // Other settings stay.
    expect(localStorage.getItem('orgo.locale')).toBe('ko');
    stop();
  });

  it('never shows or sends a previous user’s unsent messages to the next one to sign in', () => {
    // Left behind by a tab closed while signed in (no sign-out ran).
    localStorage.setItem(outboxKeyOf('user-1'), JSON.stringify([entry('a')]));
    const session = createAuthSession();
    const stop = watchOutboxOwner(session, localStorage);
    signedIn(session, 'user-2');
    expect(localStorage.getItem(outboxKeyOf('user-1'))).toBeNull();
    expect(createOutbox(localStorage, outboxKeyOf('user-2')).entries()).toEqual([]);
    stop();
  });

  it('keeps the signed-in user’s own outbox across a token refresh and a reload', () => {
    const session = createAuthSession();
    const stop = watchOutboxOwner(session, localStorage);
    signedIn(session, 'user-1');
    createOutbox(localStorage, outboxKeyOf('user-1')).add(entry('a'));
    signedIn(session, 'user-1');
    expect(createOutbox(localStorage, outboxKeyOf('user-1')).entries()).toEqual([entry('a')]);
    stop();
  });
});
