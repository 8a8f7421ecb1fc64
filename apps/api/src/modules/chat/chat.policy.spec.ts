import {
  PAGE_DEFAULT,
  PAGE_MAX,
  canChangeMessage,
  canLeave,
  canManageRoom,
  canPost,
  canReact,
  canReadRoom,
  directKey,
  nextOwner,
  nextReadSeq,
  pageBounds,
  pageRequest,
  replayable,
  seqRange,
} from './chat.policy';

const member = { role: 'member' as const, leftAt: null };
const owner = { role: 'owner' as const, leftAt: null };
const former = { role: 'member' as const, leftAt: new Date('2026-01-01T00:00:00Z') };
const group = { kind: 'group' as const, archivedAt: null };
const direct = { kind: 'direct' as const, archivedAt: null };

describe('chat policy: rooms', () => {
  it('lets only active members read', () => {
    expect(canReadRoom(member)).toBe(true);
    expect(canReadRoom(owner)).toBe(true);
    expect(canReadRoom(former)).toBe(false);
    expect(canReadRoom(null)).toBe(false);
    expect(canReadRoom(undefined)).toBe(false);
  });

  it('lets active members post, except into archived rooms and blocked direct rooms', () => {
    expect(canPost(group, member, false)).toBe(true);
    expect(canPost(group, former, false)).toBe(false);
    expect(canPost(group, null, false)).toBe(false);
    expect(canPost({ ...group, archivedAt: new Date() }, member, false)).toBe(false);
    expect(canPost(direct, member, false)).toBe(true);
    expect(canPost(direct, member, true)).toBe(false);
    // A block between two people says nothing about a group both are in.
    expect(canPost(group, member, true)).toBe(true);
  });

  it('lets only the active owner of a group manage it', () => {
    expect(canManageRoom(group, owner)).toBe(true);
    expect(canManageRoom(group, member)).toBe(false);
    expect(canManageRoom(group, { ...owner, leftAt: new Date() })).toBe(false);
    expect(canManageRoom(direct, owner)).toBe(false);
    expect(canManageRoom(group, null)).toBe(false);
  });

  it('lets members leave groups but not direct rooms', () => {
    expect(canLeave(group)).toBe(true);
    expect(canLeave(direct)).toBe(false);
  });

  it('gives one key per pair, whatever the order', () => {
    const a = '11111111-1111-4111-8111-111111111111';
    const b = '22222222-2222-4222-8222-222222222222';
    expect(directKey(a, b)).toBe(directKey(b, a));
    expect(directKey(a, b)).toBe(`${a}:${b}`);
    expect(directKey(a, b).length).toBeLessThanOrEqual(73);
  });

  it('hands ownership to the longest-standing member, ties broken by id', () => {
    const t = (iso: string) => new Date(iso);
    expect(
      nextOwner([
        { userId: 'c', joinedAt: t('2026-01-03T00:00:00Z') },
        { userId: 'b', joinedAt: t('2026-01-01T00:00:00Z') },
        { userId: 'a', joinedAt: t('2026-01-01T00:00:00Z') },
      ])?.userId,
    ).toBe('a');
    expect(nextOwner([])).toBeUndefined();
  });
});

describe('chat policy: messages', () => {
  it('lets the author change a message until it is deleted', () => {
    expect(canChangeMessage({ senderId: 'me', deletedAt: null }, 'me')).toBe(true);
    expect(canChangeMessage({ senderId: 'other', deletedAt: null }, 'me')).toBe(false);
    expect(canChangeMessage({ senderId: 'me', deletedAt: new Date() }, 'me')).toBe(false);
  });

  it('allows reactions on live messages only', () => {
    expect(canReact({ senderId: 'x', deletedAt: null })).toBe(true);
    expect(canReact({ senderId: 'x', deletedAt: new Date() })).toBe(false);
  });

  it('replays a retried send only in the same room and only while readable', () => {
    expect(replayable({ roomId: 'r1' }, 'r1', true)).toBe(true);
    expect(replayable({ roomId: 'r1' }, 'r2', true)).toBe(false);
    expect(replayable({ roomId: 'r1' }, 'r1', false)).toBe(false);
  });

  it('moves the read position forward only, clamped to the last seq', () => {
    expect(nextReadSeq(3, 5, 10)).toBe(5);
    expect(nextReadSeq(3, 50, 10)).toBe(10);
    expect(nextReadSeq(5, 3, 10)).toBeNull();
    expect(nextReadSeq(5, 5, 10)).toBeNull();
    expect(nextReadSeq(10, 50, 10)).toBeNull();
    expect(nextReadSeq(0, 0, 0)).toBeNull();
  });
});

describe('chat policy: history pages', () => {
  it('accepts at most one cursor and caps the limit', () => {
    expect(pageRequest({})).toEqual({ mode: 'latest', limit: PAGE_DEFAULT });
    expect(pageRequest({ afterSeq: 4, limit: 10 })).toEqual({ mode: 'after', seq: 4, limit: 10 });
    expect(pageRequest({ beforeSeq: 9 })).toEqual({ mode: 'before', seq: 9, limit: PAGE_DEFAULT });
    expect(pageRequest({ around: 7, limit: 1000 })).toEqual({
      mode: 'around',
      seq: 7,
      limit: PAGE_MAX,
    });
    const date = new Date('2026-01-01T00:00:00Z');
    expect(pageRequest({ aroundDate: date })).toEqual({
      mode: 'aroundDate',
      date,
      limit: PAGE_DEFAULT,
    });
    expect(pageRequest({ afterSeq: 1, beforeSeq: 5 })).toBeNull();
    expect(pageRequest({ around: 1, aroundDate: date })).toBeNull();
    expect(pageRequest({ afterSeq: 0 })).toEqual({ mode: 'after', seq: 0, limit: PAGE_DEFAULT });
  });

  it('maps each page to a seq range', () => {
    expect(seqRange({ mode: 'after', seq: 0, limit: 60 }, 100)).toEqual({ from: 1, to: 60 });
    expect(seqRange({ mode: 'after', seq: 95, limit: 60 }, 100)).toEqual({ from: 96, to: 155 });
    expect(seqRange({ mode: 'before', seq: 101, limit: 60 }, 100)).toEqual({ from: 41, to: 100 });
    expect(seqRange({ mode: 'before', seq: 30, limit: 60 }, 100)).toEqual({ from: 1, to: 29 });
    // A cursor past the end still pages backwards from the last message.
    expect(seqRange({ mode: 'before', seq: 9999, limit: 10 }, 100)).toEqual({ from: 91, to: 100 });
    expect(seqRange({ mode: 'around', seq: 50, limit: 10 }, 100)).toEqual({ from: 45, to: 54 });
    expect(seqRange({ mode: 'around', seq: 2, limit: 10 }, 100)).toEqual({ from: 1, to: 10 });
    expect(seqRange({ mode: 'latest', limit: 60 }, 100)).toEqual({ from: 41, to: 100 });
    expect(seqRange({ mode: 'latest', limit: 60 }, 0)).toEqual({ from: 1, to: 0 });
  });

  it('says whether more exists on either side', () => {
    expect(pageBounds({ from: 41, to: 100 }, 100)).toEqual({
      hasMoreBefore: true,
      hasMoreAfter: false,
    });
    expect(pageBounds({ from: 1, to: 60 }, 100)).toEqual({
      hasMoreBefore: false,
      hasMoreAfter: true,
    });
    expect(pageBounds({ from: 1, to: 0 }, 0)).toEqual({
      hasMoreBefore: false,
      hasMoreAfter: false,
    });
    expect(pageBounds({ from: 101, to: 160 }, 100)).toEqual({
      hasMoreBefore: true,
      hasMoreAfter: false,
    });
  });
});
