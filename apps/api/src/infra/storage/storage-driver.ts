import type { Readable } from 'node:stream';

export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

export interface StoredObject {
  body: Readable;
  contentType: string | undefined;
  size: number | undefined;
}

/** Where media bytes live. Names come from the server only (see isSafeObjectName). */
export interface StorageDriver {
  readonly kind: 'local' | 's3';
  put(name: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** null when there is no such object. */
  get(name: string): Promise<StoredObject | null>;
  /** Idempotent: deleting a missing object is not an error. */
  delete(name: string): Promise<void>;
  exists(name: string): Promise<boolean>;
}

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Slash-separated segments of [A-Za-z0-9._-] that never start with a dot: no traversal, no hidden files. */
export function isSafeObjectName(name: string): boolean {
  const segments = name.split('/');
  return segments.length <= 8 && segments.every((s) => SEGMENT.test(s));
}

export function assertSafeObjectName(name: string): void {
  if (!isSafeObjectName(name))
    throw new Error(`unsafe storage object name: ${JSON.stringify(name)}`);
}
