// Shared basics: the repo root, the API package's dependencies, a clock, a sleep and a pacer.
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

/**
 * Calls `start(i)` for i = 0 .. count-1 on schedule, call i at `t0 + i / rate` (ms since the
 * epoch, per second), catching up in a burst when the event loop falls behind.
 */
export function paced(t0, rate, count, start) {
  let started = 0;
  const tick = () => {
    const due = Math.min(count, Math.floor(((Date.now() - t0) / 1000) * rate) + 1);
    while (started < due) start(started++);
    if (started < count) setTimeout(tick, 2);
  };
  if (count > 0) setTimeout(tick, Math.max(0, t0 - Date.now()));
}
