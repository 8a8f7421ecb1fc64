import { randomUUID } from 'node:crypto';
import { ApiProcess, startApi } from '../support/api-process';
import { createVerifiedUser, follow, type TestUser } from '../factories';
import { ApiClient } from '../support/client';
import { eventually, mediaRowsOf, withDb } from '../support/db';
import { expectProblem } from '../support/expect-problem';
import { allPages, uploadPostImage, writeComment, writePost } from '../support/post';
import { pngWithXmp, svg, webp } from '../factories/images';

/** Posts over REST on one API process (default limits) with Postgres, Redis and S3. */
jest.setTimeout(60_000);

let api: ApiProcess;
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  api = await startApi({
    // A quick reconciler and a first attempt that fails: deletion policies must be re-applied.
    ACCOUNT_FOLLOWUP_INTERVAL_SEC: '1',
    ACCOUNT_FOLLOWUP_RETRY_AFTER_SEC: '1',
    ACCOUNT_FOLLOWUP_FAIL_ONCE: 'post',
  });
});

afterAll(async () => {
  await api?.stop();
});

const user = (overrides: { password?: string } = {}): Promise<TestUser> =>
  createVerifiedUser(api, overrides);

const patch = (u: TestUser, path: string, body: unknown) => u.api.request('PATCH', path, { body });

async function postRow(id: string) {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT title, content, like_count, comment_count, view_count, deleted_at FROM post
        WHERE id = $1`,
      [id],
    );
    return rows[0] as {
      title: string;
      content: string;
      like_count: number;
      comment_count: number;
      view_count: number;
      deleted_at: Date | null;
    };
  });
}

describe('writing posts', () => {
  it('creates, reads, edits and soft-deletes a post; anonymous visitors read it', async () => {
    const author = await user();
    const content = '<b>굵게</b>\n두 번째 줄 https://example.com';
    const res = await author.api.post('/api/posts', { title: '  첫 글  ', content });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: '첫 글',
      content,
      images: [],
      author: { id: author.userId, nickname: author.nickname },
      likeCount: 0,
      commentCount: 0,
      likedByMe: false,
      bookmarkedByMe: false,
      editedAt: null,
    });
    const id = res.body.id as string;

    const anon = new ApiClient(api.url);
    const read = await anon.get(`/api/posts/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, content, likedByMe: false, viewCount: 0 });
    expect((await anon.get('/api/posts?limit=50')).body.items.map((p: any) => p.id)).toContain(id);

    const edited = await patch(author, `/api/posts/${id}`, { content: '고친 내용' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '첫 글', content: '고친 내용' });
    expect(edited.body.editedAt).not.toBeNull();

    expect((await author.api.delete(`/api/posts/${id}`)).status).toBe(204);
    expect((await postRow(id)).deleted_at).not.toBeNull();
    expectProblem(await anon.get(`/api/posts/${id}`), 404, 'POST_NOT_FOUND');
    expectProblem(await author.api.delete(`/api/posts/${id}`), 404, 'POST_NOT_FOUND');
  });

  it.each([
    ['an empty title', { title: '   ', content: 'x' }],
    ['a title over 100 characters', { title: '가'.repeat(101), content: 'x' }],
    ['no content', { title: '제목' }],
    ['blank content', { title: '제목', content: ' \n ' }],
    ['content over 20,000 characters', { title: '제목', content: 'a'.repeat(20_001) }],
    [
      '11 images',
      { title: '제목', content: 'x', imageIds: [...Array(11)].map(() => randomUUID()) },
    ],
    ['a repeated image', { title: '제목', content: 'x', imageIds: [MISSING, MISSING] }],
    ['a non-uuid image', { title: '제목', content: 'x', imageIds: ['../etc'] }],
    ['a title that is a number', { title: 5, content: 'x' }],
    ['an author id', { title: '제목', content: 'x', authorId: randomUUID() }],
  ])('refuses a post with %s (400, nothing stored)', async (_name, body) => {
    const author = await user();
    expectProblem(await author.api.post('/api/posts', body), 400, 'COMMON_VALIDATION_FAILED');
    expect((await author.api.get(`/api/users/${author.userId}/posts`)).body.items).toEqual([]);
  });

  it('needs a sign-in and a verified email to post and comment, but not to like', async () => {
    const author = await user();
    const postId = await writePost(author);
    const unverified = new ApiClient(api.url);
    await unverified.signup();
    expectProblem(
      await unverified.post('/api/posts', { title: 't', content: 'c' }),
      403,
      'AUTH_EMAIL_NOT_VERIFIED',
    );
    expectProblem(
      await unverified.post(`/api/posts/${postId}/comments`, { content: 'c' }),
      403,
      'AUTH_EMAIL_NOT_VERIFIED',
    );
    expect((await unverified.put(`/api/posts/${postId}/like`)).status).toBe(200);
    expect((await unverified.put(`/api/posts/${postId}/bookmark`)).status).toBe(200);
    const anon = new ApiClient(api.url);
    expect((await anon.put(`/api/posts/${postId}/like`)).status).toBe(401);
    expect((await anon.post('/api/posts', { title: 't', content: 'c' })).status).toBe(401);
    expect((await anon.get('/api/posts/following')).status).toBe(401);
  });

  it('limits how fast one user posts', async () => {
    const author = await user();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await author.api.post('/api/posts', { title: `글 ${i}`, content: 'x' })).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses[10]).toBe(429);
  });
});

describe('other users’ ids', () => {
  it('refuses every change to someone else’s post, comment or image, changing nothing', async () => {
    const [alice, mallory] = await Promise.all([user(), user()]);
    const img = await uploadPostImage(api.url, alice.api, await webp());
    expect(img.status).toBe(201);
    const postId = await writePost(alice, { title: '앨리스', imageIds: [img.body.id] });
    const commentId = await writeComment(alice, postId, '앨리스 댓글');
    const otherPost = await writePost(mallory, { title: '말로리' });
    const otherComment = await writeComment(mallory, otherPost);

    expectProblem(
      await patch(mallory, `/api/posts/${postId}`, { title: '탈취' }),
      403,
      'POST_NOT_OWN',
    );
    expectProblem(
      await patch(mallory, `/api/posts/${postId}`, { imageIds: [] }),
      403,
      'POST_NOT_OWN',
    );
    expectProblem(await mallory.api.delete(`/api/posts/${postId}`), 403, 'POST_NOT_OWN');
    expectProblem(
      await patch(mallory, `/api/posts/${postId}/comments/${commentId}`, { content: '탈취' }),
      403,
      'POST_COMMENT_NOT_OWN',
    );
    expectProblem(
      await mallory.api.delete(`/api/posts/${postId}/comments/${commentId}`),
      403,
      'POST_COMMENT_NOT_OWN',
    );
    // Alice's image in Mallory's post, or her own comment addressed through Mallory's post.
    expectProblem(
      await patch(mallory, `/api/posts/${otherPost}`, { imageIds: [img.body.id] }),
      404,
      'POST_IMAGE_NOT_FOUND',
    );
    expectProblem(
      await mallory.api.post('/api/posts', { title: 't', content: 'c', imageIds: [img.body.id] }),
      404,
      'POST_IMAGE_NOT_FOUND',
    );
    expectProblem(
      await patch(alice, `/api/posts/${otherPost}/comments/${commentId}`, { content: 'x' }),
      404,
      'POST_COMMENT_NOT_FOUND',
    );
    // A reply must hang under a comment of the same post.
    expectProblem(
      await mallory.api.post(`/api/posts/${postId}/comments`, {
        content: '답글',
        parentId: otherComment,
      }),
      404,
      'POST_COMMENT_NOT_FOUND',
    );
    expectProblem(
      await patch(mallory, `/api/posts/${MISSING}`, { title: 'x' }),
      404,
      'POST_NOT_FOUND',
    );
    expectProblem(await mallory.api.put(`/api/posts/${MISSING}/like`), 404, 'POST_NOT_FOUND');
    expectProblem(await mallory.api.get('/api/posts/not-a-uuid'), 400, 'COMMON_VALIDATION_FAILED');

    const after = await alice.api.get(`/api/posts/${postId}`);
    expect(after.body).toMatchObject({ title: '앨리스', commentCount: 1, imageCount: 1 });
    expect(after.body.images.map((i: { id: string }) => i.id)).toEqual([img.body.id]);
    const comments = await alice.api.get(`/api/posts/${postId}/comments`);
    expect(comments.body.items).toMatchObject([{ id: commentId, content: '앨리스 댓글' }]);
    expect((await mallory.api.get(`/api/posts/${otherPost}`)).body.imageCount).toBe(0);
  });
});

describe('images', () => {
  it('keeps up to 10 ordered images, edits them, and serves them only while the post lives', async () => {
    const [author, reader] = await Promise.all([user(), user()]);
    const ups = [];
    for (const bytes of [await pngWithXmp(800, 600), await webp(), await webp(200, 100)])
      ups.push((await uploadPostImage(api.url, author.api, bytes)).body);
    const [a, b, c] = ups.map((u) => u.id as string);
    const postId = await writePost(author, { imageIds: [b, a] });

    const detail = await reader.api.get(`/api/posts/${postId}`);
    expect(detail.body.images.map((i: { id: string }) => i.id)).toEqual([b, a]);
    expect(detail.body.firstImage.id).toBe(b);
    const feed = await reader.api.get(`/api/users/${author.userId}/posts`);
    expect(feed.body.items[0]).toMatchObject({ imageCount: 2, firstImage: { id: b } });
    const url = detail.body.images[1].url as string;
    expect((await fetch(`${api.url}${url}`)).status).toBe(200);

    // Reorder, drop b, add c: b's object is gone after the edit.
    const edited = await patch(author, `/api/posts/${postId}`, { imageIds: [c, a] });
    expect(edited.status).toBe(200);
    expect(edited.body.images.map((i: { id: string }) => i.id)).toEqual([c, a]);
    const bUrl = detail.body.images[0].url as string;
    expect((await fetch(`${api.url}${bUrl}`)).status).toBe(404);
    // The card follows every edit of the images: the new first one with its size, the count.
    const card = async () =>
      (await reader.api.get(`/api/users/${author.userId}/posts`)).body.items[0];
    const cImage = edited.body.images[0];
    expect(await card()).toMatchObject({
      imageCount: 2,
      firstImage: { id: c, width: cImage.width, height: cImage.height },
    });
    expect(cImage.width).toBeGreaterThan(cImage.height);
    expect((await patch(author, `/api/posts/${postId}`, { title: '제목만' })).status).toBe(200);
    expect(await card()).toMatchObject({ title: '제목만', imageCount: 2, firstImage: { id: c } });
    expect((await patch(author, `/api/posts/${postId}`, { imageIds: [a] })).status).toBe(200);
    expect(await card()).toMatchObject({ imageCount: 1, firstImage: { id: a } });
    const aOnly = await reader.api.get(`/api/posts/${postId}`);
    expect(aOnly.body).toMatchObject({ imageCount: 1, firstImage: { id: a } });
    expect(aOnly.body.images.map((i: { id: string }) => i.id)).toEqual([a]);
    // All images taken out of another post: no card image at all.
    const d = (await uploadPostImage(api.url, author.api, await webp())).body.id as string;
    const second = await writePost(author, { imageIds: [d] });
    expect((await patch(author, `/api/posts/${second}`, { imageIds: [] })).status).toBe(200);
    const emptied = await reader.api.get(`/api/posts/${second}`);
    expect(emptied.body).toMatchObject({ imageCount: 0, firstImage: null, images: [] });

    expect((await author.api.delete(`/api/posts/${postId}`)).status).toBe(204);
    expect((await fetch(`${api.url}${url}`)).status).toBe(404);
    await eventually(
      async () =>
        withDb(async (db) => {
          const { rows } = await db.query('SELECT 1 FROM media_object WHERE id = ANY($1)', [
            [a, c],
          ]);
          return rows.length === 0;
        }),
      'images of the deleted post removed',
    );
  });

  it('refuses what is not an image', async () => {
    const author = await user();
    const res = await uploadPostImage(api.url, author.api, svg, 'image/svg+xml');
    expect([res.status, res.body.code]).toEqual([415, 'MEDIA_TYPE_UNSUPPORTED']);
    expect(await mediaRowsOf(author.userId)).toBe(0);
  });
});

describe('likes, bookmarks and views', () => {
  it('counts 50 concurrent likes exactly, and likes idempotently', async () => {
    const author = await user();
    const postId = await writePost(author);
    const likers = await Promise.all([...Array(50)].map(() => user()));
    const results = await Promise.all(likers.map((u) => u.api.put(`/api/posts/${postId}/like`)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect((await postRow(postId)).like_count).toBe(50);
    // Again, all at once: nothing moves.
    await Promise.all(likers.slice(0, 10).map((u) => u.api.put(`/api/posts/${postId}/like`)));
    await Promise.all(likers.slice(0, 10).map((u) => u.api.put(`/api/posts/${postId}/like`)));
    expect((await postRow(postId)).like_count).toBe(50);
    const unliked = await Promise.all(
      likers
        .slice(0, 20)
        .flatMap((u) => [
          u.api.delete(`/api/posts/${postId}/like`),
          u.api.delete(`/api/posts/${postId}/like`),
        ]),
    );
    expect(unliked.every((r) => r.status === 200 && r.body.liked === false)).toBe(true);
    const again = await likers[0].api.put(`/api/posts/${postId}/like`);
    expect(again.body).toEqual({ liked: true, likeCount: 31 });
    expect((await likers[0].api.delete(`/api/posts/${postId}/like`)).body).toEqual({
      liked: false,
      likeCount: 30,
    });
    expect((await postRow(postId)).like_count).toBe(30);
    const mine = await likers[30].api.get(`/api/posts/${postId}`);
    expect(mine.body).toMatchObject({ likedByMe: true, likeCount: 30 });
  });

  it('bookmarks idempotently and lists my bookmarks, last saved first', async () => {
    const [author, me] = await Promise.all([user(), user()]);
    const first = await writePost(author, { title: '하나' });
    const second = await writePost(author, { title: '둘' });
    await me.api.put(`/api/posts/${first}/bookmark`);
    await me.api.put(`/api/posts/${second}/bookmark`);
    await me.api.put(`/api/posts/${first}/bookmark`);
    expect(await allPages(me.api, '/api/posts/bookmarks', 1)).toEqual([second, first]);
    const list = await me.api.get('/api/posts/bookmarks');
    expect(list.body.items.every((p: any) => p.bookmarkedByMe)).toBe(true);
    await me.api.delete(`/api/posts/${second}/bookmark`);
    expect(await allPages(me.api, '/api/posts/bookmarks')).toEqual([first]);
    expect((await author.api.get('/api/posts/bookmarks')).body.items).toEqual([]);
  });

  it('counts a signed-in viewer once a day, even when reads race; anonymous reads not at all', async () => {
    const [author, viewer] = await Promise.all([user(), user()]);
    const postId = await writePost(author);
    await Promise.all([...Array(10)].map(() => viewer.api.get(`/api/posts/${postId}`)));
    const anon = await new ApiClient(api.url).get(`/api/posts/${postId}`);
    expect(anon.body.viewCount).toBe(1);
    expect((await postRow(postId)).view_count).toBe(1);
    expect((await author.api.get(`/api/posts/${postId}`)).body.viewCount).toBe(2);
    expect((await author.api.get(`/api/posts/${postId}`)).body.viewCount).toBe(2);
    expect((await postRow(postId)).view_count).toBe(2);
  });
});

describe('comments', () => {
  it('threads replies one level deep, keeps a deleted comment with replies, counts right', async () => {
    const [author, bob, carol] = await Promise.all([user(), user(), user()]);
    const postId = await writePost(author);
    const top = await writeComment(bob, postId, '첫 댓글');
    const lonely = await writeComment(carol, postId, '혼자');
    const reply = await writeComment(carol, postId, '답글', top);
    expectProblem(
      await carol.api.post(`/api/posts/${postId}/comments`, { content: '깊게', parentId: reply }),
      400,
      'POST_REPLY_DEPTH',
    );
    expect((await postRow(postId)).comment_count).toBe(3);

    expect((await bob.api.delete(`/api/posts/${postId}/comments/${top}`)).status).toBe(204);
    expect((await carol.api.delete(`/api/posts/${postId}/comments/${lonely}`)).status).toBe(204);
    expectProblem(
      await carol.api.delete(`/api/posts/${postId}/comments/${lonely}`),
      409,
      'POST_COMMENT_DELETED',
    );
    expect((await postRow(postId)).comment_count).toBe(1);

    const list = await author.api.get(`/api/posts/${postId}/comments`);
    expect(list.body.items).toMatchObject([
      { id: top, content: null, author: null, replyCount: 1 },
    ]);
    expect(list.body.items[0].deletedAt).not.toBeNull();
    const replies = await author.api.get(`/api/posts/${postId}/comments?parentId=${top}`);
    expect(replies.body.items).toMatchObject([{ id: reply, content: '답글', parentId: top }]);
    expectProblem(
      await carol.api.post(`/api/posts/${postId}/comments`, { content: 'x', parentId: top }),
      404,
      'POST_COMMENT_NOT_FOUND',
    );
    expect((await author.api.get(`/api/posts/${postId}`)).body.commentCount).toBe(1);
  });

  it('pages comments in order without repeats', async () => {
    const [author, bob] = await Promise.all([user(), user()]);
    const postId = await writePost(author);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await writeComment(i % 2 ? bob : author, postId, `${i}`));
    expect(await allPages(author.api, `/api/posts/${postId}/comments`, 3)).toEqual(ids);
  });

  it.each([
    ['an empty comment', { content: '' }],
    ['a comment over 2,000 characters', { content: 'a'.repeat(2001) }],
    ['a non-uuid parent', { content: 'x', parentId: 'x' }],
  ])('refuses %s with 400', async (_name, body) => {
    const author = await user();
    const postId = await writePost(author);
    expectProblem(
      await author.api.post(`/api/posts/${postId}/comments`, body),
      400,
      'COMMON_VALIDATION_FAILED',
    );
    expect((await postRow(postId)).comment_count).toBe(0);
  });

  it('refuses a bad cursor with 400', async () => {
    const author = await user();
    const postId = await writePost(author);
    expectProblem(
      await author.api.get(`/api/posts/${postId}/comments?cursor=bm90LWEtY3Vyc29y`),
      400,
      'COMMON_VALIDATION_FAILED',
    );
    expectProblem(await author.api.get('/api/posts?cursor=bm90'), 400, 'COMMON_VALIDATION_FAILED');
    expectProblem(await author.api.get('/api/posts?limit=51'), 400, 'COMMON_VALIDATION_FAILED');
  });
});

describe('feeds', () => {
  it('pages the All feed while 100 posts are inserted and 20 deleted: no skip, no repeat', async () => {
    const author = await user();
    // Seeded straight into the table: posting through the API is rate limited per user.
    const seeded = await withDb(async (db) => {
      const { rows } = await db.query(
        `INSERT INTO post (author_id, title, content)
         SELECT $1, 'seed ' || g, 'x' FROM generate_series(1, 60) g RETURNING id, created_at`,
        [author.userId],
      );
      return (rows as { id: string; created_at: Date }[])
        .sort((a, b) => a.created_at.getTime() - b.created_at.getTime())
        .map((r) => r.id);
    });
    const doomed = seeded.slice(10, 30);
    const oldest = seeded[0];
    const reader = await user();
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; !seen.includes(oldest); page++) {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await reader.api.get(`/api/posts?limit=10${q}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
      if (page < 5) {
        // Between pages: 20 new posts, 4 of the seeded ones deleted.
        await withDb((db) =>
          db.query(
            `INSERT INTO post (author_id, title, content)
             SELECT $1, 'new ' || g, 'x' FROM generate_series(1, 20) g`,
            [author.userId],
          ),
        );
        const cut = doomed.slice(page * 4, page * 4 + 4);
        const gone = await Promise.all(cut.map((id) => author.api.delete(`/api/posts/${id}`)));
        expect(gone.map((r) => r.status)).toEqual([204, 204, 204, 204]);
      }
    }
    expect(new Set(seen).size).toBe(seen.length);
    const kept = seeded.filter((id) => !doomed.includes(id));
    for (const id of kept) expect(seen).toContain(id);
    // Posts deleted before the page that would hold them was read are never served.
    for (const id of doomed.slice(0, 8)) expect(seen).not.toContain(id);
    // The profile list pages the same way.
    const profile = await allPages(reader.api, `/api/users/${author.userId}/posts`, 13);
    expect(new Set(profile).size).toBe(profile.length);
    expect(profile).toHaveLength(60 - 20 + 100);
  });

  it('pages Following in order across years, and follows, unfollows and blocks change it', async () => {
    const [me, a, b, stranger] = await Promise.all([user(), user(), user(), user()]);
    const postAt = (author: TestUser, hours: number): Promise<string> =>
      withDb(async (db) => {
        const { rows } = await db.query(
          `INSERT INTO post (author_id, title, content, created_at)
           VALUES ($1, '지난 글', '내용', now() - make_interval(hours => $2)) RETURNING id`,
          [author.userId, hours],
        );
        return rows[0].id as string;
      });
    const ages = [0, 1, 30, 47, 49, 100, 300, 335, 337, 1000, 2000, 2159, 2161, 5000, 9000];
    const expected: string[] = [];
    for (const [i, hours] of ages.entries()) {
      expected.push(await postAt(i % 2 ? a : b, hours));
      await postAt(stranger, hours); // never shown: I do not follow them
    }
    // Following brings the posts written before the follow.
    await follow(me, a);
    await follow(me, b);
    for (const limit of [1, 2, 3, 20]) {
      expect(await allPages(me.api, '/api/posts/following', limit)).toEqual(expected);
    }
    const byA = expected.filter((_, i) => i % 2 === 1);
    expect((await me.api.delete(`/api/users/${b.userId}/follow`)).status).toBeLessThan(300);
    expect(await allPages(me.api, '/api/posts/following', 4)).toEqual(byA);
    await follow(me, b);
    expect(await allPages(me.api, '/api/posts/following', 7)).toEqual(expected);
    // A block ends the follow, and the posts leave my feed with it.
    expect((await me.api.put(`/api/users/${a.userId}/block`)).status).toBeLessThan(300);
    expect(await allPages(me.api, '/api/posts/following', 5)).toEqual(
      expected.filter((_, i) => i % 2 === 0),
    );
    const rows = await withDb(async (db) => {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM post_inbox WHERE user_id = $1 AND author_id = $2`,
        [me.userId, a.userId],
      );
      return rows[0].n as number;
    });
    expect(rows).toBe(0);
  });

  it('never loses a post written while someone follows its author, nor keeps one on unfollow', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async () => ({ reader: await user(), author: await user() })),
    );
    const written = await Promise.all(
      pairs.map(async ({ reader, author }) => {
        const [id] = await Promise.all([writePost(author), follow(reader, author)]);
        return id;
      }),
    );
    for (const [i, { reader }] of pairs.entries()) {
      expect(await allPages(reader.api, '/api/posts/following')).toEqual([written[i]]);
    }
    // Nor keeps one written while someone unfollows its author.
    await Promise.all(
      pairs.map(async ({ reader, author }) => {
        const unfollow = reader.api.delete(`/api/users/${author.userId}/follow`);
        await Promise.all([writePost(author), unfollow]);
      }),
    );
    for (const { reader } of pairs) {
      expect(await allPages(reader.api, '/api/posts/following')).toEqual([]);
    }
  });

  it('shows Following, hides blocked authors everywhere and muted ones from my feeds', async () => {
    const [me, friend, blocked, blocker, muted] = await Promise.all([
      user(),
      user(),
      user(),
      user(),
      user(),
    ]);
    await follow(me, friend);
    await follow(me, muted);
    const fPost = await writePost(friend);
    const bPost = await writePost(blocked);
    const rPost = await writePost(blocker);
    const mPost = await writePost(muted);
    const bComment = await writeComment(blocked, fPost, '차단된 사람의 댓글');
    expect((await me.api.put(`/api/users/${blocked.userId}/block`)).status).toBeLessThan(300);
    expect((await blocker.api.put(`/api/users/${me.userId}/block`)).status).toBeLessThan(300);
    expect((await me.api.put(`/api/users/${muted.userId}/mute`)).status).toBeLessThan(300);
    await likeAll([me, friend], mPost);

    const following = await allPages(me.api, '/api/posts/following');
    expect(following).toEqual([fPost]);
    const all = await allPages(me.api, '/api/posts', 50);
    expect(all).toContain(fPost);
    for (const hidden of [bPost, rPost, mPost]) expect(all).not.toContain(hidden);
    // Muting hides from feeds only; blocks hide everywhere.
    expect((await me.api.get(`/api/posts/${mPost}`)).status).toBe(200);
    expect(await allPages(me.api, `/api/users/${muted.userId}/posts`)).toEqual([mPost]);
    for (const [u, p] of [
      [blocked, bPost],
      [blocker, rPost],
    ] as const) {
      expectProblem(await me.api.get(`/api/posts/${p}`), 404, 'POST_NOT_FOUND');
      expectProblem(await me.api.put(`/api/posts/${p}/like`), 404, 'POST_NOT_FOUND');
      expectProblem(
        await me.api.post(`/api/posts/${p}/comments`, { content: 'x' }),
        404,
        'POST_NOT_FOUND',
      );
      expect(await allPages(me.api, `/api/users/${u.userId}/posts`)).toEqual([]);
    }
    // The blocker cannot see my posts either.
    const myPost = await writePost(me);
    expectProblem(await blocker.api.get(`/api/posts/${myPost}`), 404, 'POST_NOT_FOUND');
    const comments = await me.api.get(`/api/posts/${fPost}/comments`);
    expect(comments.body.items.map((c: { id: string }) => c.id)).not.toContain(bComment);
    // Nor can I reply to the hidden comment by its id.
    expectProblem(
      await me.api.post(`/api/posts/${fPost}/comments`, { content: 'x', parentId: bComment }),
      404,
      'POST_COMMENT_NOT_FOUND',
    );
    // Anonymous visitors see everything public.
    const anon = await allPages(new ApiClient(api.url), '/api/posts', 50);
    for (const p of [fPost, bPost, rPost, mPost]) expect(anon).toContain(p);
    const popular = await me.api.get('/api/posts/popular');
    expect(popular.status).toBe(200);
    expect(popular.body.items.length).toBeLessThanOrEqual(5);
    expect(popular.body.items.map((p: { id: string }) => p.id)).not.toContain(mPost);
  });

  it('ranks popular posts by likes within 7 days', async () => {
    const [author, ...fans] = await Promise.all([...Array(8)].map(() => user()));
    const top = await writePost(author, { title: '인기' });
    await likeAll(fans, top);
    const old = await writePost(author, { title: '오래된 글' });
    await likeAll(fans, old);
    await withDb((db) =>
      db.query("UPDATE post SET created_at = now() - interval '8 days' WHERE id = $1", [old]),
    );
    const popular = await new ApiClient(api.url).get('/api/posts/popular');
    const ids = popular.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(top);
    expect(ids).not.toContain(old);
  });
});

async function likeAll(users: TestUser[], postId: string) {
  for (const u of users) expect((await u.api.put(`/api/posts/${postId}/like`)).status).toBe(200);
}

describe('withdrawn authors', () => {
  async function withdraw(policy: 'anonymize' | 'remove') {
    const password = `climb-${randomUUID()}`;
    const leaving = await user({ password });
    const reader = await user();
    const own = await writePost(leaving, { title: '떠나는 글' });
    const other = await writePost(reader);
    const comment = await writeComment(leaving, other, '떠나는 댓글');
    const reply = await writeComment(reader, other, '답글', comment);
    const img = await uploadPostImage(api.url, leaving.api, await webp());
    const withImage = await writePost(leaving, { imageIds: [img.body.id] });
    const res = await leaving.api.request('DELETE', '/api/users/me', {
      body: { password, contentPolicy: policy },
    });
    expect(res.status).toBe(204);
    await eventually(
      () =>
        withDb(async (db) => {
          const { rows } = await db.query(
            "SELECT done_at FROM account_followup WHERE user_id = $1 AND module = 'post'",
            [leaving.userId],
          );
          return rows[0]?.done_at != null;
        }),
      'post follow-up done',
      30_000,
    );
    return { leaving, reader, own, other, comment, reply, withImage, img: img.body };
  }

  it('anonymize keeps posts and comments under "탈퇴한 사용자"', async () => {
    const { reader, own, other, comment } = await withdraw('anonymize');
    const post = await reader.api.get(`/api/posts/${own}`);
    expect(post.status).toBe(200);
    expect(post.body.author).toEqual({
      id: expect.any(String),
      nickname: '탈퇴한 사용자',
      avatarUrl: null,
    });
    const comments = await reader.api.get(`/api/posts/${other}/comments`);
    expect(comments.body.items).toMatchObject([
      { id: comment, content: '떠나는 댓글', author: { nickname: '탈퇴한 사용자' } },
    ]);
    expect((await postRow(other)).comment_count).toBe(2);
  });

  it('remove soft-deletes posts and comments in one go, re-applied after a failure', async () => {
    const { leaving, reader, own, other, comment, reply, withImage, img } =
      await withdraw('remove');
    const attempts = await withDb(async (db) => {
      const { rows } = await db.query(
        "SELECT attempts FROM account_followup WHERE user_id = $1 AND module = 'post'",
        [leaving.userId],
      );
      return rows[0].attempts as number;
    });
    expect(attempts).toBeGreaterThanOrEqual(2);
    for (const id of [own, withImage]) expect((await postRow(id)).deleted_at).not.toBeNull();
    expect((await postRow(other)).comment_count).toBe(1);
    const comments = await reader.api.get(`/api/posts/${other}/comments`);
    expect(comments.body.items).toMatchObject([{ id: comment, content: null, replyCount: 1 }]);
    const replies = await reader.api.get(`/api/posts/${other}/comments?parentId=${comment}`);
    expect(replies.body.items.map((c: { id: string }) => c.id)).toEqual([reply]);
    expect((await fetch(`${api.url}${img.url}`)).status).toBe(404);
  });

  it('hides a removed author’s content before the follow-up has run', async () => {
    const [author, reader] = await Promise.all([user(), user()]);
    const postId = await writePost(author);
    const other = await writePost(reader);
    const commentId = await writeComment(author, other);
    // The account row as a deletion leaves it, without the post module's follow-up.
    await withDb((db) =>
      db.query(
        `UPDATE app_user SET deleted_at = now(), deletion_content_policy = 'remove' WHERE id = $1`,
        [author.userId],
      ),
    );
    expectProblem(await reader.api.get(`/api/posts/${postId}`), 404, 'POST_NOT_FOUND');
    expect(await allPages(reader.api, '/api/posts', 50)).not.toContain(postId);
    const comments = await reader.api.get(`/api/posts/${other}/comments`);
    expect(comments.body.items.map((c: { id: string }) => c.id)).not.toContain(commentId);
  });
});

describe('indexes', () => {
  it('plans feed, profile and comment queries on their indexes', async () => {
    const author = await user();
    const postId = await writePost(author);
    const plans = await withDb(async (db) => {
      // Inside a transaction rolled back at the end: the rows never reach other tests' feeds.
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO post (author_id, title, content, created_at)
         SELECT u.id, 'p' || g, 'x', now() - make_interval(secs => g)
           FROM (SELECT id FROM app_user WHERE id <> $1 LIMIT 100) u, generate_series(1, 30) g`,
        [author.userId],
      );
      // The profile's author has a page worth of history too: over one or two rows the planner
      // rightly prefers a bitmap scan and a sort, which says nothing about the index.
      await db.query(
        `INSERT INTO post (author_id, title, content, created_at)
         SELECT $1, 'a' || g, 'x', now() - make_interval(secs => g) FROM generate_series(1, 300) g`,
        [author.userId],
      );
      await db.query(
        `INSERT INTO post_comment (post_id, author_id, content)
         SELECT $1, $2, 'c' || g FROM generate_series(1, 500) g`,
        [postId, author.userId],
      );
      await db.query('ANALYZE post, post_comment, post_image, post_like, post_bookmark');
      const plan = async (sql: string, params: unknown[]) =>
        (await db.query(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
      const result = {
        feed: await plan(
          `SELECT id FROM post p WHERE p.deleted_at IS NULL AND (p.created_at, p.id) < (now(), $1::uuid)
            ORDER BY p.created_at DESC, p.id DESC LIMIT 21`,
          [MISSING],
        ),
        profile: await plan(
          `SELECT id FROM post p WHERE p.deleted_at IS NULL AND p.author_id = $1
            ORDER BY p.created_at DESC, p.id DESC LIMIT 21`,
          [author.userId],
        ),
        comments: await plan(
          `SELECT id FROM post_comment c WHERE c.post_id = $1 AND c.parent_id IS NULL
            ORDER BY c.created_at, c.id LIMIT 31`,
          [postId],
        ),
        replies: await plan(
          `SELECT id FROM post_comment c WHERE c.post_id = $1 AND c.parent_id = $2
            ORDER BY c.created_at, c.id LIMIT 31`,
          [postId, MISSING],
        ),
      };
      await db.query('ROLLBACK');
      return result;
    });
    expect(plans.feed).toMatch(/ix_post_feed/);
    expect(plans.profile).toMatch(/ix_post_author_created/);
    expect(plans.comments).toMatch(/ix_post_comment_top/);
    expect(plans.replies).toMatch(/ix_post_comment_replies/);
    for (const p of Object.values(plans)) expect(p).not.toMatch(/\bSort\b/);
  });
});
