import type { Readable } from 'node:stream';
import { MediaErrors } from './media.errors';

/** Collects a stream into memory, failing as soon as it passes maxBytes (the rest is never read). */
export async function readCapped(source: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw MediaErrors.tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
