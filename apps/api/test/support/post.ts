import type { ApiClient } from './client';
import type { TestUser } from '../factories';

/** Uploads an image for a post (multipart `file`). */
export async function uploadPostImage(
  baseUrl: string,
  api: ApiClient,
  bytes: Buffer,
  type = 'image/png',
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'photo');
  const res = await fetch(`${baseUrl}/api/posts/images`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.accessToken}`, 'x-forwarded-for': api.ip },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Writes a post and returns its id; throws on anything but 201. */
export async function writePost(
  u: TestUser,
  fields: { title?: string; content?: string; imageIds?: string[] } = {},
): Promise<string> {
  const res = await u.api.post('/api/posts', {
    title: fields.title ?? '오늘의 회고',
    content: fields.content ?? 'NestJS 모듈을 나누는 법을 배웠다.\nhttps://docs.nestjs.com',
    ...(fields.imageIds ? { imageIds: fields.imageIds } : {}),
  });
  if (res.status !== 201) throw new Error(`post: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Writes a comment (or a reply) and returns its id; throws on anything but 201. */
export async function writeComment(
  u: TestUser,
  postId: string,
  content = '좋은 글 감사합니다',
  parentId?: string,
): Promise<string> {
  const res = await u.api.post(`/api/posts/${postId}/comments`, {
    content,
    ...(parentId ? { parentId } : {}),
  });
  if (res.status !== 201) throw new Error(`comment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Every item id of a paged list, following nextCursor to the end. */
export async function allPages(
  api: ApiClient,
  path: string,
  limit = 20,
  between?: (page: number) => Promise<void>,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let page = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await api.get(`${path}${sep}limit=${limit}${q}`);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    cursor = res.body.nextCursor;
    if (between) await between(page++);
  } while (cursor);
  return ids;
}
