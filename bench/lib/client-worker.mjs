// A client worker process (forked by Workers in workers.mjs): holds client sockets on /chat, sends
// `message.send` on schedule, records receipts of `message.created`, and answers the parent's
// commands (connect, run, sendDone, stats, collect, exit) over the IPC channel.
import { randomUUID } from 'node:crypto';
import { accessToken } from './provision.mjs';
import { clock, requireApi } from './util.mjs';
import { serveCommands } from './workers.mjs';
import { WireSocket } from './wire-socket.mjs';

async function workerMain() {
  const { io } = requireApi('socket.io-client');
  const clients = new Map(); // global idx -> { socket, userId, seen: Set }
  let clientKind = 'wire';
  let run = null;
  let cpuStart = process.cpuUsage();
  let wallStart = Date.now();

  const connectOne = (c, secret) =>
    new Promise((resolve) => {
      const auth = { token: accessToken(secret, c.userId, c.sessionId) };
      const headers = { 'x-forwarded-for': c.ip };
      const socket =
        clientKind === 'official'
          ? io(`${c.url}/chat`, {
              transports: ['websocket'],
              forceNew: true,
              reconnection: false,
              timeout: 60_000,
              auth,
              extraHeaders: headers,
            })
          : new WireSocket(c.url, '/chat', { auth, headers });
      const emitWithAck =
        clientKind === 'official'
          ? (ms, event, payload, cb) => socket.timeout(ms).emit(event, payload, cb)
          : (ms, event, payload, cb) => socket.emitWithAck(ms, event, payload, cb);
      const client = {
        socket,
        emitWithAck,
        userId: c.userId,
        roomId: c.roomId,
        seen: new Set(),
        open: false,
      };
      const timer = setTimeout(() => finish('timeout'), 90_000);
      function finish(err) {
        clearTimeout(timer);
        if (err) socket.close();
        resolve(err ? { err } : { client });
      }
      socket.once('rooms.joined', () => {
        client.open = true;
        finish(null);
      });
      socket.once('connect_error', (e) => finish(e?.data?.code ?? e?.message ?? 'connect_error'));
      socket.on('disconnect', () => {
        if (client.open && run) run.disconnects++;
        client.open = false;
      });
      socket.on('message.created', (m) => onMessage(client, m));
    });

  function onMessage(client, m) {
    const now = clock();
    if (!run || typeof m.text !== 'string' || !m.text.startsWith(run.prefix)) return;
    if (m.sender?.id === client.userId) return; // the sender's own echo is not a delivery
    if (client.seen.has(m.id)) {
      run.duplicates++;
      return;
    }
    client.seen.add(m.id);
    const sentAt = Number(m.text.slice(m.text.lastIndexOf('|') + 1));
    run.latencies.push(now - sentAt);
    run.sentAts.push(sentAt);
    run.received++;
  }

  async function connectAll({ clients: list, secret, client }) {
    clientKind = client;
    const errors = {};
    let connected = 0;
    let failed = 0;
    let next = 0;
    const lane = async () => {
      while (next < list.length) {
        const c = list[next++];
        const res = await connectOne(c, secret);
        if (res.client) {
          clients.set(c.idx, res.client);
          connected++;
        } else {
          failed++;
          errors[res.err] = (errors[res.err] ?? 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, lane));
    return { connected, failed, errors };
  }

  function startRun({ tag, t0, n, totalRate, total }) {
    cpuStart = process.cpuUsage();
    wallStart = Date.now();
    for (const c of clients.values()) c.seen.clear();
    run = {
      prefix: `b|${tag}|`,
      latencies: [],
      sentAts: [],
      ackLatencies: [],
      sendLag: [],
      received: 0,
      duplicates: 0,
      disconnects: 0,
      acked: 0,
      failures: {},
      inflight: 0,
      done: null,
    };
    const r = run;
    let k = 0;
    let sendingOver = false;
    let resolveDone;
    r.done = new Promise((res) => (resolveDone = res));
    const settle = () => {
      if (sendingOver && r.inflight === 0) resolveDone({ acked: r.acked, failures: r.failures });
    };
    const send = (client, seq, scheduled) => {
      const at = clock();
      r.sendLag.push(at - scheduled);
      r.inflight++;
      client.emitWithAck(
        20_000,
        'message.send',
        {
          roomId: client.roomId,
          clientMessageId: randomUUID(),
          text: `${r.prefix}${seq}|${at.toFixed(3)}`,
        },
        (err, res) => {
          r.inflight--;
          if (err) r.failures.timeout = (r.failures.timeout ?? 0) + 1;
          else if (res?.ok) {
            r.acked++;
            r.ackLatencies.push(clock() - at);
          } else {
            const code = res?.error?.code ?? 'unknown';
            r.failures[code] = (r.failures[code] ?? 0) + 1;
          }
          settle();
        },
      );
    };
    const tick = () => {
      const now = clock();
      while (k < total) {
        const due = t0 + (k * 1000) / totalRate;
        if (due > now) break;
        const client = clients.get(k % n);
        if (client) send(client, k, due);
        k++;
      }
      if (k < total) {
        const due = t0 + (k * 1000) / totalRate;
        setTimeout(tick, Math.max(0, Math.min(20, due - clock() - 1)));
      } else {
        sendingOver = true;
        settle();
      }
    };
    setTimeout(tick, Math.max(0, t0 - clock()));
    return null;
  }

  const handlers = {
    connect: (m) => connectAll(m),
    run: (m) => startRun(m),
    sendDone: () => run.done,
    stats: () => ({
      received: run?.received ?? 0,
      open: [...clients.values()].filter((c) => c.open).length,
    }),
    collect: () => {
      const cpu = process.cpuUsage(cpuStart);
      const secs = (Date.now() - wallStart) / 1000;
      const r = run;
      run = null;
      return {
        latencies: Float64Array.from(r.latencies),
        sentAts: Float64Array.from(r.sentAts),
        ackLatencies: Float64Array.from(r.ackLatencies),
        sendLag: Float64Array.from(r.sendLag),
        received: r.received,
        duplicates: r.duplicates,
        disconnects: r.disconnects,
        cpuPct: (100 * (cpu.user + cpu.system)) / 1e6 / secs,
      };
    },
    exit: () => {
      for (const c of clients.values()) c.socket.close();
      setTimeout(() => process.exit(0), 50);
      return null;
    },
  };

  serveCommands(handlers);
}

await workerMain();
