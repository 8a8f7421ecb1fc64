// Shared basics: the repo root, the API package's dependencies, a clock and a sleep.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// pg, ioredis and socket.io-client are already dependencies of the API package; borrow them.
export const requireApi = createRequire(path.join(ROOT, 'apps/api/package.json'));

/** Milliseconds since the epoch with sub-millisecond precision (comparable across processes). */
export const clock = () => performance.timeOrigin + performance.now();
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
