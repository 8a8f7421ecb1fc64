// Client worker processes driven from the parent (and the worker side of their protocol), and
// connecting a set of provisioned users.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ipFor } from './provision.mjs';
import { mergeCounts } from './stats.mjs';

/** The default worker script: chat clients (see client-worker.mjs for its commands). */
export const CHAT_CLIENT_WORKER = fileURLToPath(new URL('./client-worker.mjs', import.meta.url));

export class Workers {
  /** Forks `count` processes of `script` (a worker answering { id, cmd, ...args } messages). */
  constructor(count, script = CHAT_CLIENT_WORKER) {
    this.procs = Array.from({ length: count }, () =>
      fork(script, [], { serialization: 'advanced', stdio: 'inherit' }),
    );
    this.seq = 0;
    this.pending = new Map();
    for (const p of this.procs) {
      p.on('message', (m) => {
        const wait = this.pending.get(m.id);
        if (!wait) return;
        this.pending.delete(m.id);
        if (m.error) wait.reject(new Error(m.error));
        else wait.resolve(m.result);
      });
    }
  }

  call(i, cmd, args = {}) {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.procs[i].send({ id, cmd, ...args });
    });
  }

  all(cmd, argsFor = () => ({})) {
    return Promise.all(this.procs.map((_, i) => this.call(i, cmd, argsFor(i))));
  }

  async close() {
    await this.all('exit').catch(() => undefined);
    await Promise.all(
      this.procs.map((p) =>
        p.exitCode !== null ? undefined : new Promise((r) => p.once('exit', r)),
      ),
    );
  }
}

/**
 * The worker side: answers each `{ id, cmd, ...args }` from the parent with `{ id, result }`
 * (what `handlers[cmd](args)` returns or resolves to) or `{ id, error }`, and exits with it.
 */
export function serveCommands(handlers) {
  process.on('message', async (m) => {
    try {
      const result = await handlers[m.cmd](m);
      process.send({ id: m.id, result });
    } catch (err) {
      process.send({ id: m.id, error: String(err?.stack ?? err) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/**
 * Connects `users` (client i → instance i mod instances, worker i mod workers), each with its own
 * X-Forwarded-For address, and waits until every socket has its `rooms.joined`. `ctx` holds
 * `apis`, `jwtSecret`, `client` (wire or official) and `nextIp` (advanced past these clients).
 */
export async function connectClients(ctx, users, { workers: nWorkers, instances }) {
  const apis = ctx.apis.slice(0, instances ?? ctx.apis.length);
  const workers = new Workers(nWorkers);
  const t = Date.now();
  const parts = await workers.all('connect', (w) => ({
    secret: ctx.jwtSecret,
    client: ctx.client,
    clients: users
      .map((u, i) => ({
        idx: i,
        userId: u.userId,
        sessionId: u.sessionId,
        roomId: u.roomId,
        url: apis[i % apis.length].url,
        ip: ipFor(ctx.nextIp + i),
      }))
      .filter((_, i) => i % nWorkers === w),
  }));
  ctx.nextIp += users.length;
  const connected = parts.reduce((a, p) => a + p.connected, 0);
  const failed = parts.reduce((a, p) => a + p.failed, 0);
  const errors = mergeCounts(parts.map((p) => p.errors));
  const secs = (Date.now() - t) / 1000;
  console.log(
    `[clients] ${connected}/${users.length} connected in ${secs.toFixed(1)} s` +
      (failed ? `; ${failed} failed: ${JSON.stringify(errors)}` : ''),
  );
  return { workers, connected, failed, errors, connectSec: secs };
}
