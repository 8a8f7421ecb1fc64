import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSafeObjectName, StorageDriver, StoredObject } from './storage-driver';

const TMP_SUFFIX = '.uploading';

/** Files under one root directory; writes go to a temp file first, so readers never see half an object. */
export class LocalDiskDriver implements StorageDriver {
  readonly kind = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Maps a name to a path inside the root, refusing anything that could leave it. */
  pathOf(name: string): string {
    assertSafeObjectName(name);
    const path = resolve(this.root, ...name.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error(`storage path escapes root: ${name}`);
    return path;
  }

  // Files carry no metadata; the media table records the content type.
  async put(name: string, body: Buffer | Readable, _contentType: string): Promise<void> {
    const path = this.pathOf(name);
    await mkdir(dirname(path), { recursive: true });
    const tmp = `${path}.${randomBytes(6).toString('hex')}${TMP_SUFFIX}`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(tmp, body, { flag: 'wx', mode: 0o640 });
      else await pipeline(body, createWriteStream(tmp, { flags: 'wx', mode: 0o640 }));
      await rename(tmp, path);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(name: string): Promise<StoredObject | null> {
    const path = this.pathOf(name);
    try {
      const info = await stat(path);
      if (!info.isFile()) return null;
      return { body: createReadStream(path), contentType: undefined, size: info.size };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(name: string): Promise<void> {
    await rm(this.pathOf(name), { force: true });
  }

  async exists(name: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(name))).isFile();
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
