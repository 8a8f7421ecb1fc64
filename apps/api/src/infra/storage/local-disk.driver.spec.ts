import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskDriver } from './local-disk.driver';
import { isSafeObjectName } from './storage-driver';

describe('object names', () => {
  it.each(['ab/0f8e-full.webp', 'a', 'x1/y2/z3.webp'])('accepts %s', (name) => {
    expect(isSafeObjectName(name)).toBe(true);
  });

  it.each([
    '',
    '../etc/passwd',
    'ab/../../x',
    '/abs',
    'a//b',
    '.hidden',
    'ab/.x',
    'a\\b',
    'a b',
    'a/b/',
    '%2e%2e/x',
    'ü',
  ])('refuses %j', (name) => {
    expect(isSafeObjectName(name)).toBe(false);
  });
});

describe('LocalDiskDriver', () => {
  let root: string;
  let driver: LocalDiskDriver;
  const files = (): string[] =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'orgo-disk-'));
    driver = new LocalDiskDriver(root);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores, reads, reports and deletes an object', async () => {
    await driver.put('ab/one.webp', Buffer.from('bytes'), 'image/webp');
    expect(await driver.exists('ab/one.webp')).toBe(true);
    const got = await driver.get('ab/one.webp');
    expect(got?.size).toBe(5);
    const chunks: Buffer[] = [];
    for await (const c of got!.body) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('bytes');
    await driver.delete('ab/one.webp');
    await driver.delete('ab/one.webp');
    expect(await driver.exists('ab/one.webp')).toBe(false);
    expect(await driver.get('ab/one.webp')).toBeNull();
  });

  it('maps names inside the root only', () => {
    expect(driver.pathOf('ab/one.webp')).toBe(join(root, 'ab', 'one.webp'));
    expect(() => driver.pathOf('../outside')).toThrow(/unsafe/);
    expect(() => driver.pathOf('ab/../../outside')).toThrow(/unsafe/);
  });

  it('leaves neither the object nor a temp file when a stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(driver.put('ab/two.webp', failing, 'image/webp')).rejects.toThrow(/went away/);
    expect(files()).toEqual([]);
  });
});
