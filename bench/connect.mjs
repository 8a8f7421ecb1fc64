#!/usr/bin/env node
// Socket connect benchmark (issue 10 §7): how fast real API processes (token check, session and
// rooms from Postgres, handshake limits and socket slots in Redis, presence) admit new sockets,
// as after an instance died and everyone reconnects. Not a test; run with `pnpm bench:connect`.
//
//   pnpm bench:connect [--sockets 10000] [--rate 1000] [--namespaces /chat,/user] ...
//   pnpm bench:connect --same-ip 200      200 users' sockets from one address, within a minute
//   pnpm bench:connect --help
//
// Users, sessions and rooms are seeded directly in Postgres (sign-up hashes with argon2 and is
// rate-limited per address); access tokens are minted exactly like the API mints them (HS256,
// iss/aud, typ=access, sub=user, sid=session row). Every socket goes through the real handshake.
import { fork, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
// pg, ioredis and socket.io-client are already dependencies of the API package; borrow them.
const requireApi = createRequire(path.join(ROOT, 'apps/api/package.json'));

const JWT_ISSUER = 'orgo';
const JWT_AUDIENCE = 'orgo-api';
const clock = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Parent: services, API process, seeding, run, report
// ---------------------------------------------------------------------------------------------

function options() {
  const { values } = parseArgs({
    options: {
      sockets: { type: 'string', default: '10000' },
      rate: { type: 'string', default: '1000' },
      namespaces: { type: 'string', default: '/chat' },
      'same-ip': { type: 'string', default: '' },
      'room-size': { type: 'string', default: '10' },
      'rooms-per-user': { type: 'string', default: '3' },
      workers: { type: 'string', default: '2' },
      timeout: { type: 'string', default: '30' },
      port: { type: 'string', default: '23300' },
      'p99-target': { type: 'string', default: '500' },
      'rate-target': { type: 'string', default: '800' },
      'keep-db': { type: 'boolean', default: false },
      json: { type: 'string', default: '' },
      'api-node-args': { type: 'string', default: '' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`usage: pnpm bench:connect [options]
  --sockets 10000          connections to open (one user each, each from its own address)
  --rate 1000              target connections per second (all workers together)
  --namespaces /chat       namespaces per connection, multiplexed like the SPA (e.g. /chat,/user);
                           a connection counts as connected when every namespace is
  --same-ip N              N users' connections from ONE address (a classroom behind NAT), at
                           --rate (default here: N per 10 s); passes when all connect within 60 s
  --room-size 10           users per seeded group room; --rooms-per-user 3 rooms each
  --workers 2              client worker processes
  --timeout 30             seconds a connection may take before it counts as failed
  --p99-target 500         ms; --rate-target 800 connections/s: the pass line printed at the end
  --port 23300             API port
  --json FILE              also write the results as JSON
  --keep-db                keep the orgo_bench_connect database afterwards
  --api-node-args="..."    extra node flags for the API (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p")
  BENCH_API_LOG=FILE       environment: append the API output to FILE`);
    process.exit(0);
  }
  const sameIp = values['same-ip'] ? Number(values['same-ip']) : 0;
  const num = (k) => Number(values[k]);
  return {
    sockets: sameIp || num('sockets'),
    rate: sameIp && !process.argv.some((a) => a.startsWith('--rate')) ? sameIp / 10 : num('rate'),
    namespaces: values.namespaces.split(',').map((s) => s.trim()),
    sameIp,
    roomSize: num('room-size'),
    roomsPerUser: num('rooms-per-user'),
    workers: Math.max(1, num('workers')),
    timeoutMs: num('timeout') * 1000,
    port: num('port'),
    p99Target: num('p99-target'),
    rateTarget: num('rate-target'),
    keepDb: values['keep-db'],
    json: values.json,
    apiNodeArgs: values['api-node-args'].split(' ').filter(Boolean),
  };
}

async function main() {
  const opt = options();
  const { Client } = requireApi('pg');
  const services = await import(path.join(ROOT, 'scripts/services.mjs'));
  const baseDbUrl = process.env.BENCH_DATABASE_URL ?? services.ENV.DATABASE_URL;
  const redisUrl = process.env.BENCH_REDIS_URL ?? services.ENV.REDIS_URL;
  const dbName = 'orgo_bench_connect';
  const dbUrl = withDatabase(baseDbUrl, dbName);
  const jwtSecret = randomBytes(32).toString('base64url');
  const redisPrefix = `orgo-bench-connect-${process.pid}:`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgo-bench-connect-'));
  const mainJs = path.join(ROOT, 'apps/api/dist/main.js');
  if (!fs.existsSync(mainJs)) {
    throw new Error(`${mainJs} missing: run pnpm --filter @orgo/api build first`);
  }
  const busy = await fetch(`http://127.0.0.1:${opt.port}/`).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`port ${opt.port} is in use: is another benchmark running?`);

  const results = { machine: machineFacts(), options: opt };
  console.log(`[bench] ${results.machine.cpu} × ${results.machine.nproc}, node ${process.version}`);
  console.log(`[bench] fresh database ${dbName}; Redis prefix ${redisPrefix}`);
  await recreateDatabase(Client, baseDbUrl, dbName);

  let api;
  let failure;
  try {
    api = await startApi({
      port: opt.port,
      mainJs,
      nodeArgs: opt.apiNodeArgs,
      env: {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(opt.port),
        PUBLIC_ORIGIN: `http://127.0.0.1:${opt.port}`,
        DATABASE_URL: dbUrl,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: redisPrefix,
        JWT_SECRET: jwtSecret,
        LOG_LEVEL: 'warn',
        TRUST_PROXY: 'loopback',
        COOKIE_SECURE: 'false',
        DATA_DIR: dataDir,
        // Production limits: the handshake limits are part of what is measured.
        RATE_LIMIT_ENABLED: 'true',
      },
    });

    const db = new Client({ connectionString: dbUrl });
    db.on('error', () => undefined); // dropped with the database at the end
    await db.connect();
    const users = await seedUsers(db, opt.sockets);
    await seedRooms(db, users, opt.roomSize, opt.roomsPerUser);
    await db.end();

    const clients = users.map((u, i) => ({
      userId: u.userId,
      sessionId: u.sessionId,
      ip: opt.sameIp ? '10.200.0.1' : ipFor(i + 1),
    }));
    results.run = await run(opt, api, clients, jwtSecret);
  } catch (err) {
    failure = err;
    if (api) console.error(`[bench] API output tail:\n${api.tail()}`);
  } finally {
    if (api && api.proc.exitCode === null) {
      api.proc.kill('SIGTERM');
      await api.exited;
    }
    await cleanRedis(redisUrl, redisPrefix).catch((e) => console.warn(`[bench] redis: ${e}`));
    if (!opt.keepDb) await dropDatabase(Client, baseDbUrl, dbName).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (failure) throw failure;
  if (opt.json) fs.writeFileSync(opt.json, `${JSON.stringify(results, null, 2)}\n`);
  if (!results.run.pass) process.exitCode = 1;
}

async function run(opt, api, clients, secret) {
  const workers = Array.from({ length: opt.workers }, () =>
    fork(SELF, ['--worker'], { serialization: 'advanced', stdio: 'inherit' }),
  );
  const replies = workers.map((w) => new Promise((resolve) => w.once('message', resolve)));
  const t0 = Date.now() + 500; // every worker starts on the same schedule
  const perWorker = opt.rate / opt.workers;
  console.log(
    `[run] ${clients.length} connections × ${opt.namespaces.join('+')} at ${opt.rate}/s` +
      (opt.sameIp ? ' from ONE address' : ', each from its own address'),
  );
  workers.forEach((w, i) =>
    w.send({
      url: api.url,
      secret,
      namespaces: opt.namespaces,
      t0,
      rate: perWorker,
      timeoutMs: opt.timeoutMs,
      clients: clients.filter((_, j) => j % opt.workers === i),
    }),
  );
  const cpuBefore = cpuTicks(api.pid);
  const machineBefore = machineTicks();
  const parts = await Promise.all(replies);
  const apiCpuPct = (100 * (cpuTicks(api.pid) - cpuBefore)) / (machineTicks() - machineBefore);
  const rssMiB = +(rssBytes(api.pid) / 2 ** 20).toFixed(1);
  for (const w of workers) w.send({ exit: true });
  await Promise.all(workers.map((w) => new Promise((r) => w.once('exit', r))));

  const latencies = Float64Array.from(parts.flatMap((p) => [...p.latencies])).sort();
  const errors = {};
  for (const p of parts)
    for (const [k, v] of Object.entries(p.errors)) errors[k] = (errors[k] ?? 0) + v;
  const connected = latencies.length;
  const failed = clients.length - connected;
  const firstStart = Math.min(...parts.map((p) => p.firstStart));
  const lastDone = Math.max(...parts.map((p) => p.lastDone));
  const spanSec = (lastDone - firstStart) / 1000;
  const r = {
    connections: clients.length,
    connected,
    failed,
    errors,
    targetRate: opt.rate,
    achievedRate: +(connected / spanSec).toFixed(1),
    spanSec: +spanSec.toFixed(2),
    p50: +percentile(latencies, 50).toFixed(1),
    p95: +percentile(latencies, 95).toFixed(1),
    p99: +percentile(latencies, 99).toFixed(1),
    max: +(latencies[latencies.length - 1] ?? NaN).toFixed(1),
    apiCpuPctOfMachine: +apiCpuPct.toFixed(1),
    apiRssMiB: rssMiB,
  };
  console.log(
    `[run] ${connected}/${clients.length} connected in ${r.spanSec} s: ${r.achievedRate}/s ` +
      `(target ${opt.rate}/s); connect latency p50 ${r.p50} ms, p95 ${r.p95} ms, ` +
      `p99 ${r.p99} ms, max ${r.max} ms`,
  );
  console.log(`[run] API CPU ${r.apiCpuPctOfMachine}% of the machine, RSS ${rssMiB} MiB`);
  console.log(`[run] failures: ${failed ? JSON.stringify(errors) : 'none'}`);
  if (opt.sameIp) {
    r.pass = failed === 0 && spanSec <= 60;
    console.log(
      `[result] ${r.pass ? 'PASS' : 'FAIL'}: ${connected}/${clients.length} users from one ` +
        `address connected in ${r.spanSec} s (needed: all within 60 s)`,
    );
  } else {
    r.pass = failed === 0 && r.achievedRate >= opt.rateTarget && r.p99 <= opt.p99Target;
    console.log(
      `[result] ${r.pass ? 'PASS' : 'FAIL'}: ${r.achievedRate}/s ≥ ${opt.rateTarget}/s, ` +
        `p99 ${r.p99} ms ≤ ${opt.p99Target} ms, no failures`,
    );
  }
  return r;
}

function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function recreateDatabase(Client, baseUrl, name) {
  const c = new Client({ connectionString: baseUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
}

async function dropDatabase(Client, baseUrl, name) {
  const c = new Client({ connectionString: baseUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

async function cleanRedis(url, prefix) {
  const Redis = requireApi('ioredis');
  const r = new Redis(url, { lazyConnect: true });
  await r.connect();
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.unlink(...keys);
  } while (cursor !== '0');
  await r.quit();
}

function machineFacts() {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  return {
    cpu: cpu ?? os.cpus()[0]?.model,
    nproc: os.availableParallelism(),
    memTotalGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    kernel: os.release(),
  };
}

async function startApi({ port, mainJs, nodeArgs, env }) {
  const proc = spawn(process.execPath, [...nodeArgs, mainJs], {
    cwd: path.dirname(path.dirname(mainJs)),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  if (process.env.BENCH_API_LOG) {
    const log = fs.createWriteStream(process.env.BENCH_API_LOG, { flags: 'a' });
    proc.stdout.pipe(log);
    proc.stderr.pipe(log);
  }
  const exited = new Promise((r) => proc.once('exit', r));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`API exited:\n${tail}`);
    if (Date.now() > deadline) throw new Error(`API not ready in 60 s:\n${tail}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  console.log(`[bench] API pid ${proc.pid} ready on :${port}`);
  return { url: `http://127.0.0.1:${port}`, proc, pid: proc.pid, exited, tail: () => tail };
}

// /proc readings of the API process.
function rssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

function cpuTicks(pid) {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(f[11]) + Number(f[12]); // utime + stime
}

function machineTicks() {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1);
  return cpu.reduce((a, v) => a + Number(v || 0), 0);
}

function ipFor(n) {
  // 10.0.0.0/8, one address per connection.
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---------------------------------------------------------------------------------------------
// Seeding straight into Postgres
// ---------------------------------------------------------------------------------------------

/** n users, each with a live verified session. */
async function seedUsers(db, n) {
  const t = Date.now();
  const users = [];
  for (let from = 0; from < n; from += 5000) {
    const idx = Array.from({ length: Math.min(n, from + 5000) - from }, (_, i) => from + i);
    const { rows } = await db.query(
      `INSERT INTO app_user (email, nickname, password_hash, email_verified_at)
       SELECT 'bench-connect-' || i || '@bench.invalid', 'bc' || i, NULL, now()
         FROM unnest($1::int[]) AS i ORDER BY i
       RETURNING id`,
      [idx],
    );
    const userIds = rows.map((r) => r.id);
    const sessions = await db.query(
      `INSERT INTO auth_session (user_id, user_agent, ip, last_used_at, expires_at)
       SELECT u, 'orgo-bench', '127.0.0.1', now(), now() + interval '1 day'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, o) ORDER BY o
       RETURNING id, user_id`,
      [userIds],
    );
    const byUser = new Map(sessions.rows.map((r) => [r.user_id, r.id]));
    for (const userId of userIds) users.push({ userId, sessionId: byUser.get(userId) });
  }
  console.log(`[seed] ${n} users + sessions (${Date.now() - t} ms)`);
  return users;
}

/** `perUser` layers of group rooms of `size`; layer k groups users with a stride of size^k. */
async function seedRooms(db, users, size, perUser) {
  const t = Date.now();
  let rooms = 0;
  for (let layer = 0; layer < perUser; layer++) {
    // Layer 0: consecutive users; later layers shuffle by a fixed rotation so groups differ.
    const order = users.map((_, i) => (i * (layer * 2 + 1) + layer) % users.length);
    const owners = [];
    for (let k = 0; k * size < order.length; k++) owners.push(users[order[k * size]].userId);
    const { rows } = await db.query(
      `INSERT INTO chat_room (kind, name, owner_id)
       SELECT 'group', 'bench ' || $1 || ' ' || n, o
         FROM unnest($2::uuid[]) WITH ORDINALITY AS t(o, n) ORDER BY n
       RETURNING id`,
      [layer, owners],
    );
    const roomIds = [];
    const memberIds = [];
    const roles = [];
    const seen = new Set();
    order.forEach((u, j) => {
      const room = rows[Math.floor(j / size)].id;
      const key = `${room}:${u}`;
      if (seen.has(key)) return;
      seen.add(key);
      roomIds.push(room);
      memberIds.push(users[u].userId);
      roles.push(j % size === 0 ? 'owner' : 'member');
    });
    await db.query(
      `INSERT INTO chat_member (room_id, user_id, role)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[])
       ON CONFLICT DO NOTHING`,
      [roomIds, memberIds, roles],
    );
    rooms += rows.length;
  }
  console.log(`[seed] ${rooms} rooms of ${size}, ${perUser} per user (${Date.now() - t} ms)`);
}

// ---------------------------------------------------------------------------------------------
// Worker: opens connections on schedule, records each one's connect latency
// ---------------------------------------------------------------------------------------------

function b64url(obj) {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

/** The API's access token: HS256 over { typ: 'access', sid } with sub, iat, exp, iss, aud. */
function accessToken(secret, userId, sessionId) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url({ alg: 'HS256', typ: 'JWT' });
  const body = b64url({
    typ: 'access',
    sid: sessionId,
    iat: now,
    exp: now + 600,
    iss: JWT_ISSUER,
    aud: JWT_AUDIENCE,
    sub: userId,
  });
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/**
 * One connection speaking the Socket.IO v5 wire protocol over `ws` (a public contract: DESIGN
 * "Realtime protocol"), connecting every namespace over one WebSocket like the SPA's Manager.
 * Less client CPU than socket.io-client, which on a 2-core machine is taken from the server.
 * Calls done(null) when every namespace connected, done(code) on the first refusal or error.
 */
function connectOnce(WebSocket, url, namespaces, auth, headers, done) {
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

function workerMain() {
  const WebSocket = createRequire(
    createRequire(requireApi.resolve('socket.io-client')).resolve('engine.io-client'),
  )('ws');
  const open = [];
  process.on('message', (m) => {
    if (m.exit) {
      for (const ws of open) ws.terminate();
      setTimeout(() => process.exit(0), 50);
      return;
    }
    const { url, secret, namespaces, t0, rate, timeoutMs, clients } = m;
    const latencies = [];
    const errors = {};
    let started = 0;
    let finished = 0;
    let firstStart = Infinity;
    let lastDone = 0;
    const fail = (code) => (errors[code] = (errors[code] ?? 0) + 1);
    const report = () =>
      process.send({ latencies: Float64Array.from(latencies), errors, firstStart, lastDone });
    if (clients.length === 0) return report();

    const startOne = (c) => {
      const auth = { token: accessToken(secret, c.userId, c.sessionId) };
      const begin = clock();
      firstStart = Math.min(firstStart, begin);
      let timer;
      let timedOut = false;
      const headers = { 'x-forwarded-for': c.ip };
      const ws = connectOnce(WebSocket, url, namespaces, auth, headers, (err) => {
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
    };

    // Open connections on schedule: connection i of this worker at t0 + i / rate.
    const tick = () => {
      const due = Math.min(clients.length, Math.floor(((Date.now() - t0) / 1000) * rate) + 1);
      while (started < due) startOne(clients[started++]);
      if (started < clients.length) setTimeout(tick, 2);
    };
    setTimeout(tick, Math.max(0, t0 - Date.now()));
  });
  process.on('disconnect', () => process.exit(0));
}

if (process.argv.includes('--worker')) {
  workerMain();
} else {
  await main();
}
