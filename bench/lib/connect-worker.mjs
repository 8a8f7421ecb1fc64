// The connect benchmark's worker process: opens connections on schedule and records each one's
// connect latency. Driven by `Workers` (workers.mjs) with the commands `connect` and `exit`.
import { createRequire } from 'node:module';
import { accessToken } from './provision.mjs';
import { clock, paced, requireApi } from './util.mjs';
import { serveCommands } from './workers.mjs';

const WebSocket = createRequire(
  createRequire(requireApi.resolve('socket.io-client')).resolve('engine.io-client'),
)('ws');

/**
 * One connection speaking the Socket.IO v5 wire protocol over `ws` (a public contract: DESIGN
 * "Realtime protocol"), connecting every namespace over one WebSocket like the SPA's Manager.
 * Less client CPU than socket.io-client, which on a 2-core machine is taken from the server.
 * Calls done(null) when every namespace connected, done(code) on the first refusal or error.
 */
function connectOnce(url, namespaces, auth, headers, done) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
    headers,
    perMessageDeflate: false,
  });
  let pending = namespaces.length;
  let settled = false;
  const settle = (err) => {
    if (settled) return;
    settled = true;
    done(err);
  };
  ws.on('message', (data) => {
    const s = data.toString();
    if (s === '2') return ws.send('3'); // ping
    if (s[0] === '0') {
      for (const ns of namespaces) ws.send(`40${ns},${JSON.stringify(auth)}`);
      return;
    }
    if (s.startsWith('40')) {
      if (--pending === 0) settle(null);
    } else if (s.startsWith('44')) {
      const body = s.slice(s.indexOf(',') + 1);
      let code = 'connect_error';
      try {
        code = JSON.parse(body).data?.code ?? JSON.parse(body).message ?? code;
      } catch {
        // not JSON
      }
      settle(code);
    }
  });
  ws.on('unexpected-response', (_req, res) => settle(`HTTP ${res.statusCode}`));
  ws.on('error', (err) => settle(err.code ?? err.message));
  ws.on('close', () => settle('closed'));
  return ws;
}

const open = [];

/**
 * Opens a connection per client, connection i at t0 + i / rate, and resolves when every one has
 * connected, been refused or timed out: { latencies, errors, firstStart, lastDone }.
 */
function connectAll({ url, secret, namespaces, t0, rate, timeoutMs, clients }) {
  return new Promise((resolve) => {
    const latencies = [];
    const errors = {};
    let finished = 0;
    let firstStart = Infinity;
    let lastDone = 0;
    const fail = (code) => (errors[code] = (errors[code] ?? 0) + 1);
    const report = () =>
      resolve({ latencies: Float64Array.from(latencies), errors, firstStart, lastDone });
    if (clients.length === 0) return report();

    paced(t0, rate, clients.length, (i) => {
      const c = clients[i];
      const auth = { token: accessToken(secret, c.userId, c.sessionId) };
      const begin = clock();
      firstStart = Math.min(firstStart, begin);
      let timer;
      let timedOut = false;
      const headers = { 'x-forwarded-for': c.ip };
      const ws = connectOnce(url, namespaces, auth, headers, (err) => {
        clearTimeout(timer);
        const now = clock();
        lastDone = Math.max(lastDone, now);
        if (err) fail(timedOut ? 'timeout' : err);
        else latencies.push(now - begin);
        if (++finished === clients.length) report();
      });
      timer = setTimeout(() => {
        timedOut = true;
        ws.terminate();
      }, timeoutMs);
      open.push(ws);
    });
  });
}

const handlers = {
  connect: connectAll,
  exit: () => {
    for (const ws of open) ws.terminate();
    setTimeout(() => process.exit(0), 50);
    return null;
  },
};

serveCommands(handlers);
