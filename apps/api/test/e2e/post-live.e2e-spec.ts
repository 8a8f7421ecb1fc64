import type { Ack, PostComment, PostRef } from '@orgo/contracts';
import type { Socket } from 'socket.io-client';
import { ApiProcess, startApi } from '../support/api-process';
import { createVerifiedUser, type TestUser } from '../factories';
import { record, sleep, waitFor } from '../support/chat';
import { connected, nextEvent } from '../support/client';
import { writeComment, writePost } from '../support/post';

/** The `/post` namespace over real sockets: live comments, edits, deletions and like counts. */
jest.setTimeout(30_000);

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

const user = (): Promise<TestUser> => createVerifiedUser(api);

async function connect(u: TestUser): Promise<Socket> {
  const socket = u.api.socket('/post');
  sockets.push(socket);
  await connected(socket);
  return socket;
}

function watch(socket: Socket, postId: unknown): Promise<Ack<PostRef>> {
  return socket.timeout(5000).emitWithAck('post.watch', { postId });
}

/** Waits long enough for a broadcast that should not come to have arrived if it were coming. */
const settle = () => sleep(300);

describe('a live post page', () => {
  it('shows another user’s comment, edit, deletion and likes to the watching author', async () => {
    const [author, bob] = await Promise.all([user(), user()]);
    const postId = await writePost(author);
    const [a, b] = await Promise.all([connect(author), connect(bob)]);
    expect(await watch(a, postId)).toEqual({ ok: true, data: { postId } });
    expect((await watch(b, postId)).ok).toBe(true);

    const created = nextEvent<PostComment>(a, 'comment.created');
    const commentId = await writeComment(bob, postId, '실시간 댓글');
    expect(await created).toMatchObject({
      id: commentId,
      postId,
      parentId: null,
      content: '실시간 댓글',
      author: { id: bob.userId, nickname: bob.nickname },
    });

    const liked = nextEvent(a, 'like.updated');
    expect((await bob.api.put(`/api/posts/${postId}/like`)).status).toBe(200);
    expect(await liked).toEqual({ postId, likeCount: 1 });

    const edited = nextEvent<PostComment>(a, 'comment.updated');
    await bob.api.request('PATCH', `/api/posts/${postId}/comments/${commentId}`, {
      body: { content: '고친 댓글' },
    });
    expect(await edited).toMatchObject({ id: commentId, content: '고친 댓글' });

    const deleted = nextEvent(a, 'comment.deleted');
    expect((await bob.api.delete(`/api/posts/${postId}/comments/${commentId}`)).status).toBe(204);
    expect(await deleted).toEqual({ postId, commentId, parentId: null });

    const unliked = nextEvent(b, 'like.updated');
    await bob.api.delete(`/api/posts/${postId}/like`);
    expect(await unliked).toEqual({ postId, likeCount: 0 });

    const gone = nextEvent(b, 'post.deleted');
    await author.api.delete(`/api/posts/${postId}`);
    expect(await gone).toEqual({ postId });
  });

  it('refuses to watch a post hidden by a block, a missing one, or a malformed id', async () => {
    const [author, blocked] = await Promise.all([user(), user()]);
    const postId = await writePost(author);
    await author.api.put(`/api/users/${blocked.userId}/block`);
    const s = await connect(blocked);
    const refused = await watch(s, postId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'POST_NOT_FOUND' } });
    expect(await watch(s, '00000000-0000-4000-8000-000000000000')).toMatchObject({
      ok: false,
      error: { code: 'POST_NOT_FOUND' },
    });
    expect(await watch(s, 'not-a-uuid')).toMatchObject({
      ok: false,
      error: { code: 'COMMON_VALIDATION_FAILED' },
    });
    expect(await s.timeout(5000).emitWithAck('post.edit', { postId })).toMatchObject({
      ok: false,
      error: { code: 'REALTIME_EVENT_UNKNOWN' },
    });
    // Nothing of the post reaches a socket that could not watch it (the author's own socket,
    // watching, shows when the relay has gone out).
    const control = await connect(author);
    expect((await watch(control, postId)).ok).toBe(true);
    const seen = record(s, 'comment.created');
    const relayed = nextEvent(control, 'comment.created');
    await writeComment(author, postId);
    await relayed;
    await settle();
    expect(seen).toEqual([]);
  });

  it('never relays a comment to a watcher in a block with its author', async () => {
    const [author, viewer, troll] = await Promise.all([user(), user(), user()]);
    const postId = await writePost(author);
    const v = await connect(viewer);
    const a = await connect(author);
    expect((await watch(v, postId)).ok).toBe(true);
    expect((await watch(a, postId)).ok).toBe(true);
    await viewer.api.put(`/api/users/${troll.userId}/block`);
    const atViewer = record<PostComment>(v, 'comment.created');
    const atAuthor = record<PostComment>(a, 'comment.created');
    const trollComment = await writeComment(troll, postId, '차단된 댓글');
    const fine = await writeComment(author, postId, '보이는 댓글');
    await waitFor(() => atViewer.some((c) => c.id === fine), 5000, 'the visible comment');
    await waitFor(() => atAuthor.length === 2, 5000, 'both comments at the author');
    expect(atViewer.map((c) => c.id)).toEqual([fine]);
    expect(atAuthor.map((c) => c.id)).toEqual([trollComment, fine]);
  });

  it('stops relaying to a watcher once the post’s author blocks them', async () => {
    const [author, viewer, other] = await Promise.all([user(), user(), user()]);
    const postId = await writePost(author);
    const v = await connect(viewer);
    const control = await connect(other);
    expect((await watch(v, postId)).ok).toBe(true);
    expect((await watch(control, postId)).ok).toBe(true);
    expect((await author.api.put(`/api/users/${viewer.userId}/block`)).status).toBeLessThan(300);
    const seenComments = record(v, 'comment.created');
    const seenLikes = record(v, 'like.updated');
    const comment = nextEvent(control, 'comment.created');
    const like = nextEvent(control, 'like.updated');
    await writeComment(other, postId);
    await other.api.put(`/api/posts/${postId}/like`);
    await Promise.all([comment, like]);
    await settle();
    expect(seenComments).toEqual([]);
    expect(seenLikes).toEqual([]);
  });

  it('stops relaying after unwatch', async () => {
    const [author, viewer] = await Promise.all([user(), user()]);
    const postId = await writePost(author);
    const v = await connect(viewer);
    expect((await watch(v, postId)).ok).toBe(true);
    expect(await v.timeout(5000).emitWithAck('post.unwatch', { postId })).toEqual({
      ok: true,
      data: { postId },
    });
    const control = await connect(author);
    expect((await watch(control, postId)).ok).toBe(true);
    const seen = record(v, 'comment.created');
    const relayed = nextEvent(control, 'comment.created');
    await writeComment(author, postId);
    await relayed;
    await settle();
    expect(seen).toEqual([]);
  });
});
