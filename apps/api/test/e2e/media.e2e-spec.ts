import {
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import {
  gif,
  gifHeaderWithScript,
  gifWithHtml,
  htmlPayload,
  jpegWithExifAndGps,
  pngBomb,
  pngWithXmp,
  pngWithZip,
  svg,
  textPretendingToBeJpeg,
  tiff,
  webp,
} from '../factories/images';
import { ApiProcess, startApi } from '../support/api-process';
import { eventually, mediaRowsOf } from '../support/db';
import { ApiClient } from '../support/client';
import { serviceEnv } from '../support/env';

const MB = 1024 * 1024;

/** What a test needs to know about where the API keeps objects. */
interface StorageProbe {
  name: string;
  env: Record<string, string>;
  /** Every stored object name, sorted. */
  list(): Promise<string[]>;
  has(key: string, variant: 'full' | 'thumb'): Promise<boolean>;
  cleanup(): Promise<void>;
}

function localDisk(): StorageProbe {
  const dir = mkdtempSync(join(tmpdir(), 'orgo-media-'));
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(d, e.name)) : [relative(dir, join(d, e.name))],
    );
  return {
    name: 'local disk',
    env: { MEDIA_DIR: dir },
    list: async () => walk(dir).sort(),
    has: async (key, variant) => walk(dir).includes(`${key.slice(0, 2)}/${key}-${variant}.webp`),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function s3Bucket(): StorageProbe {
  const env = serviceEnv();
  const prefix = `e2e-${randomBytes(4).toString('hex')}/`;
  const client = new S3Client({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const list = async () => {
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page: ListObjectsV2CommandOutput = await client.send(
        new ListObjectsV2Command({
          Bucket: env.S3_BUCKET,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      );
      names.push(...(page.Contents ?? []).map((o) => o.Key!.slice(prefix.length)));
      token = page.NextContinuationToken;
    } while (token);
    return names.sort();
  };
  return {
    name: 'S3 (fauxqs)',
    env: {
      S3_ENDPOINT: env.S3_ENDPOINT,
      S3_BUCKET: env.S3_BUCKET,
      S3_REGION: env.S3_REGION,
      S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY,
      S3_FORCE_PATH_STYLE: 'true',
      S3_KEY_PREFIX: prefix,
    },
    list,
    has: async (key, variant) => {
      try {
        const head = await client.send(
          new HeadObjectCommand({
            Bucket: env.S3_BUCKET,
            Key: `${prefix}${key.slice(0, 2)}/${key}-${variant}.webp`,
          }),
        );
        return head.ContentType === 'image/webp';
      } catch (err) {
        if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
          return false;
        throw err;
      }
    },
    cleanup: async () => {
      for (const name of await list())
        await client.send(
          new DeleteObjectCommand({ Bucket: env.S3_BUCKET, Key: `${prefix}${name}` }),
        );
      client.destroy();
    },
  };
}

function keyOf(avatarUrl: string): string {
  const match = /^\/api\/media\/([0-9a-f-]{36})$/.exec(avatarUrl);
  if (!match) throw new Error(`not a media URL: ${avatarUrl}`);
  return match[1];
}

describe.each([
  ['local disk', localDisk],
  ['S3', s3Bucket],
])('media on %s', (_name, probeOf) => {
  let api: ApiProcess;
  let storage: StorageProbe;

  beforeAll(async () => {
    storage = probeOf();
    api = await startApi(storage.env);
  });

  afterAll(async () => {
    await api?.stop();
    await storage?.cleanup();
  });

  async function signedUp() {
    const client = new ApiClient(api.url);
    const { userId } = await client.signup();
    return { client, userId };
  }

  function upload(
    client: ApiClient,
    bytes: Buffer,
    opts: { filename?: string; type?: string; field?: string; token?: string | null } = {},
  ) {
    const form = new FormData();
    form.append(
      opts.field ?? 'file',
      new Blob([new Uint8Array(bytes)], { type: opts.type ?? 'image/jpeg' }),
      opts.filename ?? 'photo.jpg',
    );
    return send(client, 'PUT', '/api/users/me/avatar', form, opts.token);
  }

  async function send(
    client: ApiClient,
    method: string,
    path: string,
    body?: RequestInit['body'],
    token: string | null = client.accessToken ?? null,
    extraHeaders: Record<string, string> = {},
  ) {
    const headers: Record<string, string> = { 'x-forwarded-for': client.ip, ...extraHeaders };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers,
      body,
      duplex: 'half',
    } as RequestInit);
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  }

  async function fetchImage(path: string) {
    const res = await fetch(`${api.url}${path}`);
    return {
      status: res.status,
      headers: res.headers,
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  }

  /** Runs a refused upload and proves that it left nothing behind: no object, no row. */
  async function expectRefusedAndNothingStored(
    attempt: (client: ApiClient) => Promise<{ status: number; body: any }>,
    status: number,
    code: string,
  ) {
    const { client, userId } = await signedUp();
    const before = await storage.list();
    const res = await attempt(client);
    expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
    expect(await storage.list()).toEqual(before);
    expect(await mediaRowsOf(userId)).toBe(0);
    expect((await client.get('/api/users/me')).body.avatarUrl).toBeNull();
  }

  describe('accepted images are re-encoded without metadata', () => {
    it('applies the EXIF rotation of a JPEG and strips EXIF and GPS', async () => {
      const original = await jpegWithExifAndGps();
      const input = await sharp(original).metadata();
      expect(input.orientation).toBe(6);
      expect(input.exif?.includes('OrGoTestPhone')).toBe(true);

      const { client, userId } = await signedUp();
      const res = await upload(client, original, { filename: '../../evil name.jpg' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: userId,
        nickname: expect.any(String),
        avatarUrl: expect.any(String),
      });
      const key = keyOf(res.body.avatarUrl);
      expect(await storage.has(key, 'full')).toBe(true);
      expect(await storage.has(key, 'thumb')).toBe(true);

      const served = await fetchImage(res.body.avatarUrl);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/webp');
      const meta = await sharp(served.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(served.bytes.includes('OrGoTestPhone')).toBe(false);

      // Upright, the red top edge of the stored pixels is on the right.
      const { data, info } = await sharp(served.bytes).raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => {
        const i = (Math.floor(y) * info.width + Math.floor(x)) * info.channels;
        return { r: data[i], b: data[i + 2] };
      };
      const left = pixel(info.width * 0.2, info.height / 2);
      const right = pixel(info.width * 0.8, info.height / 2);
      expect(left.b).toBeGreaterThan(200);
      expect(left.r).toBeLessThan(60);
      expect(right.r).toBeGreaterThan(200);
      expect(right.b).toBeLessThan(60);
    });

    it.each([
      ['PNG with XMP', () => pngWithXmp(), 'image/png'],
      ['WebP', () => webp(), 'image/webp'],
      ['GIF', () => gif(), 'image/gif'],
    ])('accepts a %s', async (_label, make, type) => {
      const { client } = await signedUp();
      const res = await upload(client, await make(), { type, filename: 'picture' });
      expect(res.status).toBe(200);
      const full = await fetchImage(res.body.avatarUrl);
      const meta = await sharp(full.bytes).metadata();
      expect(meta).toMatchObject({ format: 'webp' });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(full.bytes.includes('OrGoSecretAuthor')).toBe(false);
    });

    it('serves a square avatar and a 256 px thumbnail with safe headers', async () => {
      const { client } = await signedUp();
      const res = await upload(client, await pngWithXmp(1200, 800), { type: 'image/png' });
      expect(res.status).toBe(200);

      const full = await fetchImage(res.body.avatarUrl);
      expect(await sharp(full.bytes).metadata()).toMatchObject({ width: 512, height: 512 });
      const thumb = await fetchImage(`${res.body.avatarUrl}?size=thumb`);
      expect(thumb.status).toBe(200);
      expect(await sharp(thumb.bytes).metadata()).toMatchObject({
        format: 'webp',
        width: 256,
        height: 256,
      });

      for (const served of [full, thumb]) {
        expect(served.headers.get('x-content-type-options')).toBe('nosniff');
        expect(served.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
        expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(served.headers.get('content-length')).toBe(String(served.bytes.length));
        expect(served.headers.get('ratelimit-limit')).toBe('1200');
      }
      const etag = full.headers.get('etag')!;
      const again = await fetch(`${api.url}${res.body.avatarUrl}`, {
        headers: { 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
    });

    it('exposes the avatar on /users/me and never the email in the summary', async () => {
      const { client } = await signedUp();
      const res = await upload(client, await webp(), { type: 'image/webp' });
      expect(JSON.stringify(res.body)).not.toContain('@');
      const me = await client.get('/api/users/me');
      expect(me.body.avatarUrl).toBe(res.body.avatarUrl);
    });
  });

  describe('refused uploads store nothing', () => {
    it('refuses 11 MB with a declared length before reading it (413)', async () => {
      await expectRefusedAndNothingStored(
        (client) =>
          upload(client, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(11 * MB)])),
        413,
        'MEDIA_TOO_LARGE',
      );
    });

    it('answers 413 from the headers alone, without waiting for the body', async () => {
      const { client } = await signedUp();
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${api.url}/api/users/me/avatar`, {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${client.accessToken}`,
            'x-forwarded-for': client.ip,
            'content-type': 'multipart/form-data; boundary=x',
            'content-length': String(11 * MB),
          },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode!);
          req.destroy();
        });
        req.on('error', reject);
        req.write('--x\r\n'); // the other 11 MB never come
      });
      expect(status).toBe(413);
    });

    it('stops a streamed (chunked) upload once it passes 10 MB (413)', async () => {
      await expectRefusedAndNothingStored(
        async (client) => {
          const boundary = `b${randomBytes(8).toString('hex')}`;
          let sent = 0;
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(
                new TextEncoder().encode(
                  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
                ),
              );
            },
            pull(controller) {
              if (sent >= 11 * MB) {
                controller.enqueue(new TextEncoder().encode(`\r\n--${boundary}--\r\n`));
                controller.close();
                return;
              }
              sent += 256 * 1024;
              controller.enqueue(randomBytes(256 * 1024));
            },
          });
          return send(client, 'PUT', '/api/users/me/avatar', body, undefined, {
            'content-type': `multipart/form-data; boundary=${boundary}`,
          });
        },
        413,
        'MEDIA_TOO_LARGE',
      );
    });

    it.each([
      ['an SVG', () => svg, 'image/svg+xml', 'logo.svg'],
      ['a text file named .jpg', () => textPretendingToBeJpeg, 'image/jpeg', 'photo.jpg'],
      ['a TIFF', () => tiff(), 'image/jpeg', 'photo.jpg'],
    ])('refuses %s by its content (415)', async (_label, make, type, filename) => {
      const bytes = await make();
      await expectRefusedAndNothingStored(
        (client) => upload(client, bytes, { type, filename }),
        415,
        'MEDIA_TYPE_UNSUPPORTED',
      );
    });

    it('refuses GIF magic bytes followed by script, which decode to no image (422)', async () => {
      await expectRefusedAndNothingStored(
        (client) => upload(client, gifHeaderWithScript, { type: 'image/gif', filename: 'x.gif' }),
        422,
        'MEDIA_IMAGE_INVALID',
      );
    });

    it('refuses a decompression bomb (20000×20000 PNG in ~50 KB) without decoding it', async () => {
      const bomb = pngBomb();
      expect(bomb.length).toBeLessThan(100_000);
      const started = Date.now();
      await expectRefusedAndNothingStored(
        (client) => upload(client, bomb, { type: 'image/png', filename: 'tiny.png' }),
        422,
        'MEDIA_DIMENSIONS_TOO_LARGE',
      );
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('refuses an image just over 33 megapixels (6000×6000)', async () => {
      await expectRefusedAndNothingStored(
        (client) => upload(client, pngBomb(6000, 6000), { type: 'image/png' }),
        422,
        'MEDIA_DIMENSIONS_TOO_LARGE',
      );
    });

    it('refuses an unauthenticated or badly authenticated upload (401)', async () => {
      const png = await pngWithXmp(64, 64);
      const before = await storage.list();
      const anonymous = await upload(new ApiClient(api.url), png, { token: null });
      expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({
        status: 401,
        code: 'AUTH_UNAUTHENTICATED',
      });
      const forged = await upload(new ApiClient(api.url), png, { token: 'not.a.token' });
      expect({ status: forged.status, code: forged.body.code }).toEqual({
        status: 401,
        code: 'AUTH_TOKEN_INVALID',
      });
      expect(await storage.list()).toEqual(before);
    });

    it('refuses a body that is not one file field (400)', async () => {
      const png = await pngWithXmp(64, 64);
      await expectRefusedAndNothingStored(
        (client) => upload(client, png, { field: 'avatar' }),
        400,
        'COMMON_VALIDATION_FAILED',
      );
      await expectRefusedAndNothingStored(
        async (client) => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(png)]), 'a.png');
          form.append('file', new Blob([new Uint8Array(png)]), 'b.png');
          return send(client, 'PUT', '/api/users/me/avatar', form);
        },
        400,
        'COMMON_VALIDATION_FAILED',
      );
      await expectRefusedAndNothingStored(
        (client) =>
          send(client, 'PUT', '/api/users/me/avatar', JSON.stringify({ file: 'x' }), undefined, {
            'content-type': 'application/json',
          }),
        400,
        'COMMON_VALIDATION_FAILED',
      );
      await expectRefusedAndNothingStored(
        (client) => send(client, 'PUT', '/api/users/me/avatar', new FormData()),
        400,
        'COMMON_VALIDATION_FAILED',
      );
    });
  });

  describe('polyglots are served as clean images', () => {
    it.each([
      ['a GIF with HTML appended', gifWithHtml, '<script'],
      ['a PNG with a ZIP appended', pngWithZip, 'PK\u0003\u0004'],
    ])('re-encodes %s, so the payload is not served', async (_label, make, marker) => {
      const bytes = await make();
      expect(bytes.includes(marker)).toBe(true);
      const { client } = await signedUp();
      const res = await upload(client, bytes, { type: 'text/html', filename: 'page.html' });
      expect(res.status).toBe(200);
      for (const path of [res.body.avatarUrl, `${res.body.avatarUrl}?size=thumb`]) {
        const served = await fetchImage(path);
        expect(served.headers.get('content-type')).toBe('image/webp');
        expect(served.bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
        expect(served.bytes.subarray(8, 12).toString('latin1')).toBe('WEBP');
        expect(served.bytes.includes(marker)).toBe(false);
        expect(served.bytes.includes(htmlPayload)).toBe(false);
        expect((await sharp(served.bytes).metadata()).format).toBe('webp');
      }
    });
  });

  describe('replace and remove', () => {
    it('replacing deletes the previous objects; removing clears the avatar', async () => {
      const { client, userId } = await signedUp();
      const first = await upload(client, await webp(), { type: 'image/webp' });
      const second = await upload(client, await gif(), { type: 'image/gif' });
      expect(second.status).toBe(200);
      const oldKey = keyOf(first.body.avatarUrl);
      const newKey = keyOf(second.body.avatarUrl);
      expect(newKey).not.toBe(oldKey);

      expect((await fetchImage(first.body.avatarUrl)).status).toBe(404);
      expect((await fetchImage(`${first.body.avatarUrl}?size=thumb`)).status).toBe(404);
      expect(await storage.has(oldKey, 'full')).toBe(false);
      expect(await storage.has(oldKey, 'thumb')).toBe(false);
      expect(await storage.has(newKey, 'full')).toBe(true);
      expect(await mediaRowsOf(userId)).toBe(1);

      const removed = await send(client, 'DELETE', '/api/users/me/avatar');
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({ id: userId, nickname: expect.any(String), avatarUrl: null });
      expect((await client.get('/api/users/me')).body.avatarUrl).toBeNull();
      expect((await fetchImage(second.body.avatarUrl)).status).toBe(404);
      expect(await storage.has(newKey, 'full')).toBe(false);
      expect(await storage.has(newKey, 'thumb')).toBe(false);
      expect(await mediaRowsOf(userId)).toBe(0);

      const again = await send(client, 'DELETE', '/api/users/me/avatar');
      expect(again.status).toBe(200);
      expect(again.body.avatarUrl).toBeNull();
    });

    it('two uploads at once leave exactly one avatar behind', async () => {
      const { client, userId } = await signedUp();
      const [a, b] = await Promise.all([
        upload(client, await webp(200, 200), { type: 'image/webp' }),
        upload(client, await gif(), { type: 'image/gif' }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      const current = keyOf((await client.get('/api/users/me')).body.avatarUrl);
      expect(await mediaRowsOf(userId)).toBe(1);
      const loser = [a, b].map((r) => keyOf(r.body.avatarUrl)).find((k) => k !== current)!;
      expect(await storage.has(current, 'full')).toBe(true);
      expect(await storage.has(loser, 'full')).toBe(false);
    });

    it('deleting the account deletes its avatar objects and row', async () => {
      const client = new ApiClient(api.url);
      const { userId, password } = await client.signup();
      const up = await upload(client, await webp(), { type: 'image/webp' });
      expect(up.status).toBe(200);
      const key = keyOf(up.body.avatarUrl);
      const gone = await client.request('DELETE', '/api/users/me', {
        body: { password, contentPolicy: 'anonymize' },
      });
      expect(gone.status).toBe(204);
      // Storage cleanup runs after the commit, off the request.
      await eventually(async () => (await mediaRowsOf(userId)) === 0, 'the avatar row to go');
      expect(await storage.has(key, 'full')).toBe(false);
      expect(await storage.has(key, 'thumb')).toBe(false);
      expect((await fetchImage(up.body.avatarUrl)).status).toBe(404);
    });

    it('removing needs a login', async () => {
      const res = await send(
        new ApiClient(api.url),
        'DELETE',
        '/api/users/me/avatar',
        undefined,
        null,
      );
      expect(res.status).toBe(401);
    });
  });

  describe('serving', () => {
    it('answers 404 for unknown, malformed and traversal keys', async () => {
      for (const path of [
        `/api/media/${randomUUID()}`,
        '/api/media/not-a-key',
        '/api/media/..%2F..%2F..%2Fetc%2Fpasswd',
        '/api/media/%2e%2e%2fconfig',
      ]) {
        const res = await send(new ApiClient(api.url), 'GET', path, undefined, null);
        expect({ path, status: res.status, code: res.body?.code }).toEqual({
          path,
          status: 404,
          code: 'MEDIA_NOT_FOUND',
        });
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('refuses an unknown size', async () => {
      const res = await send(
        new ApiClient(api.url),
        'GET',
        `/api/media/${randomUUID()}?size=huge`,
        undefined,
        null,
      );
      expect(res.status).toBe(400);
    });
  });

  describe('rate limit', () => {
    it('allows 30 uploads per 30 minutes per user, then answers 429 with Retry-After', async () => {
      const { client } = await signedUp();
      const small = await webp(16, 16);
      for (let i = 0; i < 30; i++) {
        const res = await upload(client, small, { type: 'image/webp' });
        expect(res.status).toBe(200);
      }
      const before = await storage.list();
      const limited = await upload(client, small, { type: 'image/webp' });
      expect({ status: limited.status, code: limited.body.code }).toEqual({
        status: 429,
        code: 'COMMON_RATE_LIMITED',
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(60);
      expect(await storage.list()).toEqual(before);
    });
  });
});
