#!/usr/bin/env node
// Chat benchmark (issue 4 §6): real API processes (auth, Postgres persistence, Redis adapter)
// driven by Socket.IO clients in forked worker processes. Not a test; run with `pnpm bench:chat`.
//
//   pnpm bench:chat [--scenario a,b,c] [--clients 1000] [--duration 30] [--instances 1] ...
//   pnpm bench:chat --help
//
// Users, sessions, rooms and members are seeded directly in Postgres (sign-up hashes with argon2
// and is rate-limited per IP); access tokens are minted exactly like the API mints them (HS256,
// iss/aud, typ=access, sub=user, sid=session row). Everything else goes through the server.
import { fork, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
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
// Parent: services, API processes, seeding, scenarios, report
// ---------------------------------------------------------------------------------------------

function options() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'a,b,c' },
      clients: { type: 'string', default: '1000' },
      'room-size': { type: 'string', default: '10' },
      rate: { type: 'string', default: '1' },
      duration: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '5' },
      search: { type: 'boolean', default: true },
      'no-search': { type: 'boolean', default: false },
      'search-duration': { type: 'string', default: '10' },
      'search-steps': { type: 'string', default: '5' },
      'search-max-clients': { type: 'string', default: '5000' },
      'p99-target': { type: 'string', default: '200' },
      'b-members': { type: 'string', default: '1000' },
      'b-rate': { type: 'string', default: '10' },
      'b-duration': { type: 'string', default: '' },
      'c-sockets': { type: 'string', default: '20000' },
      'c-idle': { type: 'string', default: '15' },
      instances: { type: 'string', default: '1' },
      workers: { type: 'string', default: '' },
      port: { type: 'string', default: '23200' },
      'rate-limits': { type: 'string', default: 'on' },
      'keep-db': { type: 'boolean', default: false },
      json: { type: 'string', default: '' },
      'api-node-args': { type: 'string', default: '' },
      client: { type: 'string', default: 'wire' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`usage: pnpm bench:chat [options]
  --scenario a,b,c         which scenarios (A: rooms of 10, B: one big room, C: idle sockets)
  --clients 1000           A: clients (rooms of --room-size 10), each sending --rate 1 msg/s
  --duration 30            A/B: seconds of sending (measured)
  --warmup 5               A/B: seconds of the same traffic before each measured run, reported
                           on its own line and not counted (0: none)
  --no-search              A: skip the search for the highest rate with p99 <= --p99-target ms
  --search-duration 10     A: seconds per search step; --search-steps 5 steps at most
  --b-members 1000         B: members of the one group room; --b-rate 10 msg/s in total
  --c-sockets 20000        C: idle sockets on one instance; --c-idle 15 s before the RSS reading
  --instances 1            API processes sharing Redis (clients split round-robin; C uses one)
  --workers N              client worker processes (default: 2 for A/B, 4 for C)
  --port 23200             first API port
  --rate-limits on|off     on (default): production limits, each client its own X-Forwarded-For
  --client wire|official   client sockets: wire (default) speaks the Socket.IO protocol over ws
                           directly, official uses socket.io-client (more client CPU)
  --json FILE              also write the results as JSON
  --keep-db                keep the orgo_bench database afterwards
  --api-node-args="..."    extra node flags for the API processes (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p")
  BENCH_API_LOG=FILE       environment: append API process i's output to FILE.i`);
    process.exit(0);
  }
  const num = (k) => Number(values[k]);
  const usageError = (message) => {
    console.error(message);
    process.exit(2);
  };
  return {
    scenarios: new Set(values.scenario.split(',').map((s) => s.trim().toLowerCase())),
    clients: num('clients'),
    roomSize: num('room-size'),
    rate: num('rate'),
    duration: num('duration'),
    warmup: num('warmup'),
    search: values.search && !values['no-search'],
    searchDuration: num('search-duration'),
    searchSteps: num('search-steps'),
    searchMaxClients: num('search-max-clients'),
    p99Target: num('p99-target'),
    bMembers: num('b-members'),
    bRate: num('b-rate'),
    bDuration: values['b-duration'] ? num('b-duration') : num('duration'),
    cSockets: num('c-sockets'),
    cIdle: num('c-idle'),
    instances: num('instances'),
    workers: values.workers ? num('workers') : 0,
    port: num('port'),
    rateLimits: values['rate-limits'] !== 'off',
    keepDb: values['keep-db'],
    json: values.json,
    apiNodeArgs: values['api-node-args'].split(' ').filter(Boolean),
    client: ['wire', 'official'].includes(values.client)
      ? values.client
      : usageError(`--client must be wire or official, not ${values.client}`),
  };
}

async function main() {
  const opt = options();
  const { Client } = requireApi('pg');
  const services = await import(path.join(ROOT, 'scripts/services.mjs'));
  const baseDbUrl = process.env.BENCH_DATABASE_URL ?? services.ENV.DATABASE_URL;
  const redisUrl = process.env.BENCH_REDIS_URL ?? services.ENV.REDIS_URL;
  const dbName = 'orgo_bench';
  const dbUrl = withDatabase(baseDbUrl, dbName);
  const jwtSecret = randomBytes(32).toString('base64url');
  const redisPrefix = `orgo-bench-${process.pid}:`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgo-bench-'));
  const mainJs = path.join(ROOT, 'apps/api/dist/main.js');
  if (!fs.existsSync(mainJs)) {
    throw new Error(`${mainJs} missing: run pnpm --filter @orgo/api build first`);
  }

  const results = { machine: machineFacts(), options: { ...opt, scenarios: [...opt.scenarios] } };
  const apis = [];
  const cleanup = async () => {
    for (const api of apis) if (api.proc.exitCode === null) api.proc.kill('SIGTERM');
    await Promise.all(apis.map((api) => api.exited));
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

  console.log(`[bench] ${results.machine.cpu} × ${results.machine.nproc}, node ${process.version}`);
  for (let i = 0; i < opt.instances; i++) {
    const busy = await fetch(`http://127.0.0.1:${opt.port + i}/`).then(
      () => true,
      () => false,
    );
    if (busy) throw new Error(`port ${opt.port + i} is in use: is another benchmark running?`);
  }
  console.log(`[bench] fresh database ${dbName}; Redis prefix ${redisPrefix}`);
  console.log(
    `[bench] clients: ${opt.client === 'official' ? 'socket.io-client' : 'wire protocol over ws'}`,
  );
  await recreateDatabase(Client, baseDbUrl, dbName);

  let failure;
  try {
    for (let i = 0; i < opt.instances; i++) {
      apis.push(
        await startApi({
          index: i,
          port: opt.port + i,
          mainJs,
          nodeArgs: opt.apiNodeArgs,
          env: {
            NODE_ENV: 'production',
            HOST: '127.0.0.1',
            PORT: String(opt.port + i),
            PUBLIC_ORIGIN: `http://127.0.0.1:${opt.port + i}`,
            DATABASE_URL: dbUrl,
            REDIS_URL: redisUrl,
            REDIS_PREFIX: redisPrefix,
            JWT_SECRET: jwtSecret,
            LOG_LEVEL: 'warn',
            TRUST_PROXY: 'loopback',
            COOKIE_SECURE: 'false',
            DATA_DIR: path.join(dataDir, `api${i}`),
            RATE_LIMIT_ENABLED: opt.rateLimits ? 'true' : 'false',
          },
        }),
      );
    }
    results.apiVersions = await serviceVersions(Client, dbUrl, redisUrl);
    console.log(`[bench] ${results.apiVersions.postgres}; Redis ${results.apiVersions.redis}`);

    const db = new Client({ connectionString: dbUrl });
    db.on('error', () => undefined); // dropped with the database at the end
    await db.connect();
    const seeder = new Seeder(db);
    const ctx = { opt, apis, seeder, jwtSecret, nextIp: 1, client: opt.client };

    if (opt.scenarios.has('a')) results.a = await scenarioA(ctx);
    if (opt.scenarios.has('b')) results.b = await scenarioB(ctx);
    if (opt.scenarios.has('c')) results.c = await scenarioC(ctx);
    await db.end();
  } catch (err) {
    failure = err;
    for (const api of apis) console.error(`[bench] API ${api.index} output tail:\n${api.tail()}`);
  } finally {
    await cleanup();
    await cleanRedis(redisUrl, redisPrefix).catch((e) => console.warn(`[bench] redis: ${e}`));
    if (!opt.keepDb) await dropDatabase(Client, baseDbUrl, dbName).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (failure) throw failure;
  if (opt.json) fs.writeFileSync(opt.json, `${JSON.stringify(results, null, 2)}\n`);
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

async function serviceVersions(Client, dbUrl, redisUrl) {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query('SELECT version()');
  await c.end();
  const Redis = requireApi('ioredis');
  const r = new Redis(redisUrl);
  const info = await r.info('server');
  await r.quit();
  return {
    postgres: rows[0].version.split(' on ')[0],
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
  };
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

async function startApi({ index, port, mainJs, nodeArgs, env }) {
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
    const log = fs.createWriteStream(`${process.env.BENCH_API_LOG}.${index}`, { flags: 'a' });
    proc.stdout.pipe(log);
    proc.stderr.pipe(log);
  }
  const exited = new Promise((r) => proc.once('exit', r));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`API ${index} exited:\n${tail}`);
    if (Date.now() > deadline) throw new Error(`API ${index} not ready in 60 s:\n${tail}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  console.log(`[bench] API ${index} pid ${proc.pid} ready on :${port}`);
  return {
    index,
    port,
    url: `http://127.0.0.1:${port}`,
    proc,
    pid: proc.pid,
    exited,
    tail: () => tail,
  };
}

// /proc readings of the API processes we started.
function rssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
function cpuTicks(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
function machineTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const n = f.map(Number);
  const idle = n[3] + n[4];
  // steal: time this VM was ready to run but the hypervisor ran something else.
  return { total: n.reduce((a, b) => a + b, 0), idle, steal: n[7] ?? 0 };
}
function openFdLimit(pid) {
  const m = /Max open files\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/limits`, 'utf8'));
  return m ? Number(m[1]) : Infinity;
}
function openFds(pid) {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

/** Samples RSS (peak) and CPU of the API processes and of the whole machine while a run lasts. */
function startSampler(apis) {
  const hz = 100;
  const start = {
    at: Date.now(),
    api: apis.map((a) => cpuTicks(a.pid)),
    machine: machineTicks(),
  };
  const peak = apis.map((a) => rssBytes(a.pid));
  const timer = setInterval(() => {
    apis.forEach((a, i) => (peak[i] = Math.max(peak[i], rssBytes(a.pid))));
  }, 500);
  return () => {
    clearInterval(timer);
    apis.forEach((a, i) => (peak[i] = Math.max(peak[i], rssBytes(a.pid))));
    const secs = (Date.now() - start.at) / 1000;
    const m = machineTicks();
    return {
      rssMiB: apis.map((a) => mib(rssBytes(a.pid))),
      peakRssMiB: peak.map(mib),
      apiCpuPct: apis.map(
        (a, i) => +((100 * (cpuTicks(a.pid) - start.api[i])) / hz / secs).toFixed(0),
      ),
      machineBusyPct: +(
        100 *
        (1 - (m.idle - start.machine.idle) / (m.total - start.machine.total))
      ).toFixed(0),
      stealPct: +(
        (100 * (m.steal - start.machine.steal)) /
        (m.total - start.machine.total)
      ).toFixed(1),
    };
  };
}
const mib = (b) => +(b / 2 ** 20).toFixed(1);

// ---------------------------------------------------------------------------------------------
// Seeding straight into Postgres
// ---------------------------------------------------------------------------------------------

class Seeder {
  constructor(db) {
    this.db = db;
    this.pools = new Map(); // name -> [{ userId, sessionId }]
    this.blockRooms = new Map(); // `${pool}:${size}:${block}` -> roomId
  }

  /** The first n users of a pool (created on demand), each with a live verified session. */
  async users(pool, n) {
    const have = this.pools.get(pool) ?? [];
    if (have.length < n) {
      const t = Date.now();
      for (let from = have.length; from < n; from += 5000) {
        const to = Math.min(n, from + 5000);
        const idx = Array.from({ length: to - from }, (_, i) => from + i);
        const { rows } = await this.db.query(
          `INSERT INTO app_user (email, nickname, password_hash, email_verified_at)
           SELECT 'bench-' || $1 || '-' || i || '@bench.invalid', $1 || i, NULL, now()
             FROM unnest($2::int[]) AS i ORDER BY i
           RETURNING id`,
          [pool, idx],
        );
        const userIds = rows.map((r) => r.id);
        const sessions = await this.db.query(
          `INSERT INTO auth_session (user_id, user_agent, ip, last_used_at, expires_at)
           SELECT u, 'orgo-bench', '127.0.0.1', now(), now() + interval '1 day'
             FROM unnest($1::uuid[]) WITH ORDINALITY AS t(u, o) ORDER BY o
           RETURNING id, user_id`,
          [userIds],
        );
        const byUser = new Map(sessions.rows.map((r) => [r.user_id, r.id]));
        for (const userId of userIds) have.push({ userId, sessionId: byUser.get(userId) });
      }
      this.pools.set(pool, have);
      console.log(`[seed] ${pool}: ${n} users + sessions (${Date.now() - t} ms)`);
    }
    return have.slice(0, n);
  }

  /** Group rooms of `size` over consecutive users: users [k*size, (k+1)*size) share room k. */
  async blockRoomsFor(pool, users, size) {
    const missing = [];
    for (let k = 0; k * size < users.length; k++) {
      if (!this.blockRooms.has(`${pool}:${size}:${k}`)) missing.push(k);
    }
    if (missing.length) {
      const t = Date.now();
      const { rows } = await this.db.query(
        `INSERT INTO chat_room (kind, name, owner_id)
         SELECT 'group', 'bench ' || $1 || ' ' || k, o
           FROM unnest($2::int[], $3::uuid[]) WITH ORDINALITY AS t(k, o, n) ORDER BY n
         RETURNING id`,
        [`${pool}/${size}`, missing, missing.map((k) => users[k * size].userId)],
      );
      const roomIds = [];
      const memberIds = [];
      const roles = [];
      missing.forEach((k, i) => {
        this.blockRooms.set(`${pool}:${size}:${k}`, rows[i].id);
        for (let j = k * size; j < Math.min(users.length, (k + 1) * size); j++) {
          roomIds.push(rows[i].id);
          memberIds.push(users[j].userId);
          roles.push(j === k * size ? 'owner' : 'member');
        }
      });
      await this.db.query(
        `INSERT INTO chat_member (room_id, user_id, role)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::varchar[])`,
        [roomIds, memberIds, roles],
      );
      console.log(
        `[seed] ${missing.length} rooms of ${size} (${memberIds.length} members, ${Date.now() - t} ms)`,
      );
    }
    return users.map((u, i) => ({
      ...u,
      roomId: this.blockRooms.get(`${pool}:${size}:${Math.floor(i / size)}`),
    }));
  }
}

// ---------------------------------------------------------------------------------------------
// Client workers
// ---------------------------------------------------------------------------------------------

class Workers {
  constructor(count) {
    this.procs = Array.from({ length: count }, () =>
      fork(SELF, ['--worker'], { serialization: 'advanced', stdio: 'inherit' }),
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
 * Connects `users` (client i → instance i mod instances, worker i mod workers), each with its own
 * X-Forwarded-For address, and waits until every socket has its `rooms.joined`.
 */
async function connectClients(ctx, users, { workers: nWorkers, instances }) {
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

function ipFor(n) {
  // 10.0.0.0/8, one address per client connection over the whole run (never reused).
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

function mergeCounts(list) {
  const out = {};
  for (const m of list) for (const [k, v] of Object.entries(m ?? {})) out[k] = (out[k] ?? 0) + v;
  return out;
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * A warm-up at the same traffic (JIT, connection pools, plan caches, socket buffers), reported
 * on its own line, then the measured run.
 */
async function warmThenSend(ctx, conn, run) {
  if (ctx.opt.warmup > 0) {
    await sendRun(ctx, conn, { ...run, duration: ctx.opt.warmup, label: `${run.label} warm-up` });
  }
  return sendRun(ctx, conn, run);
}

/**
 * One sending run over connected clients: message k goes from client k mod n at t0 + k/rate, so
 * each client sends rate/n msg/s, evenly spread. Then waits for the deliveries to stop arriving.
 */
async function sendRun(ctx, conn, { n, totalRate, duration, roomSize, label }) {
  const { workers } = conn;
  const tag = randomBytes(4).toString('hex');
  const total = Math.round(totalRate * duration);
  const t0 = Date.now() + 1000;
  const sampler = startSampler(ctx.apis);
  await workers.all('run', () => ({ tag, t0, n, totalRate, total }));
  const sends = await workers.all('sendDone');
  const sendEnd = Date.now();
  const acked = sends.reduce((a, s) => a + s.acked, 0);
  const expected = acked * (roomSize - 1);
  // Deliveries drain: stop when all arrived, or nothing new for 3 s (at most 20 s).
  let last = -1;
  let still = Date.now();
  for (;;) {
    const stats = await workers.all('stats');
    const got = stats.reduce((a, s) => a + s.received, 0);
    if (got >= expected || Date.now() - sendEnd > 20_000) break;
    if (got !== last) {
      last = got;
      still = Date.now();
    } else if (Date.now() - still > 3000) break;
    await sleep(250);
  }
  const server = sampler();
  const parts = await workers.all('collect');
  const lat = Float64Array.from(parts.flatMap((p) => Array.from(p.latencies))).sort();
  const ackLat = Float64Array.from(parts.flatMap((p) => Array.from(p.ackLatencies))).sort();
  const lag = Float64Array.from(parts.flatMap((p) => Array.from(p.sendLag))).sort();
  const received = parts.reduce((a, p) => a + p.received, 0);
  // p99 per second of sending, to tell a warm-up or a stall from a steady queue.
  let firstSent = Infinity;
  for (const p of parts) for (const at of p.sentAts) if (at < firstSent) firstSent = at;
  const buckets = [];
  for (const p of parts)
    p.sentAts.forEach((at, i) => {
      const k = Math.floor((at - firstSent) / 1000);
      (buckets[k] ??= []).push(p.latencies[i]);
    });
  const p99BySecond = Array.from(buckets, (b) =>
    b ? round(percentile(Float64Array.from(b).sort(), 99)) : null,
  );
  const r = {
    label,
    clients: n,
    roomSize,
    durationSec: duration,
    offeredMsgPerSec: totalRate,
    scheduled: total,
    acked,
    ackFailures: mergeCounts(sends.map((s) => s.failures)),
    msgInPerSec: +(acked / duration).toFixed(1),
    expectedDeliveries: expected,
    received,
    duplicates: parts.reduce((a, p) => a + p.duplicates, 0),
    deliveredPerSec: +(received / duration).toFixed(0),
    deliveryRatio: expected ? +(received / expected).toFixed(5) : NaN,
    latencyMs: {
      p50: round(percentile(lat, 50)),
      p95: round(percentile(lat, 95)),
      p99: round(percentile(lat, 99)),
      max: round(lat[lat.length - 1]),
    },
    ackMs: { p50: round(percentile(ackLat, 50)), p99: round(percentile(ackLat, 99)) },
    p99BySecondMs: p99BySecond,
    clientSendLagP99Ms: round(percentile(lag, 99)),
    disconnects: parts.reduce((a, p) => a + p.disconnects, 0),
    server,
    clientCpuPct: +parts.reduce((a, p) => a + p.cpuPct, 0).toFixed(0),
  };
  r.pass =
    r.acked === r.scheduled &&
    r.received >= r.expectedDeliveries &&
    r.latencyMs.p99 <= ctx.opt.p99Target;
  printRun(r);
  return r;
}

const round = (x) => (Number.isFinite(x) ? +x.toFixed(1) : null);

function printRun(r) {
  const fails = Object.keys(r.ackFailures).length ? ` ${JSON.stringify(r.ackFailures)}` : '';
  console.log(
    [
      `[${r.label}] ${r.clients} clients, rooms of ${r.roomSize}, ${r.offeredMsgPerSec} msg/s offered for ${r.durationSec} s`,
      `  messages in:  ${r.acked}/${r.scheduled} acked (${r.msgInPerSec}/s)${fails}; ack p50 ${r.ackMs.p50} ms, p99 ${r.ackMs.p99} ms`,
      `  delivered:    ${r.received}/${r.expectedDeliveries} (ratio ${r.deliveryRatio}), ${r.deliveredPerSec}/s, duplicates ${r.duplicates}, disconnects ${r.disconnects}`,
      `  latency ms:   p50 ${r.latencyMs.p50}  p95 ${r.latencyMs.p95}  p99 ${r.latencyMs.p99}  max ${r.latencyMs.max}`,
      `  p99 by second of sending: ${r.p99BySecondMs.map((x) => (x === null ? '-' : Math.round(x))).join(' ')}`,
      `  server:       RSS ${r.server.rssMiB.join(' + ')} MiB (peak ${r.server.peakRssMiB.join(' + ')}), API CPU ${r.server.apiCpuPct.join(' + ')} %, machine busy ${r.server.machineBusyPct} % (of it stolen by the hypervisor: ${r.server.stealPct} %)`,
      `  clients:      CPU ${r.clientCpuPct} % (all workers), send lag p99 ${r.clientSendLagP99Ms} ms`,
      `  => ${r.pass ? 'PASS' : 'FAIL'} (all acked, all delivered, p99 <= target)`,
    ].join('\n'),
  );
}

function defaultWorkers(ctx, clients) {
  return ctx.opt.workers || Math.min(4, Math.max(2, Math.ceil(clients / 5000)));
}

async function runA(ctx, clients, duration, label) {
  const { opt, seeder } = ctx;
  const users = await seeder.blockRoomsFor('u', await seeder.users('u', clients), opt.roomSize);
  const conn = await connectClients(ctx, users, { workers: defaultWorkers(ctx, clients) });
  try {
    if (conn.failed) {
      return { label, clients, pass: false, connectFailed: conn.failed, errors: conn.errors };
    }
    return await warmThenSend(ctx, conn, {
      n: clients,
      totalRate: clients * opt.rate,
      duration,
      roomSize: opt.roomSize,
      label,
    });
  } finally {
    await conn.workers.close();
    await sleep(3000); // let the server finish whatever an overloaded run left queued
  }
}

async function scenarioA(ctx) {
  const { opt } = ctx;
  console.log(
    `\n=== Scenario A: ${opt.clients} clients in rooms of ${opt.roomSize}, ${opt.rate} msg/s each, ${opt.duration} s ===`,
  );
  if (opt.rate > 1.8) {
    console.warn(
      '[A] note: a socket may send 20 events per 10 s and a user 20 messages per 10 s; above ~2 msg/s per client sends are refused',
    );
  }
  const main = await runA(ctx, opt.clients, opt.duration, 'A');
  const out = { main, search: [] };
  if (!opt.search) return out;

  // Highest sustained rate: keep 1 msg/s per client (well under the per-socket and per-user
  // limits) and step the number of clients (and so rooms and messages/s) up or down.
  console.log(
    `\n--- A search: highest msg/s with everything delivered and p99 <= ${opt.p99Target} ms ---`,
  );
  const step = opt.roomSize * 10;
  let lo = main.pass ? opt.clients : 0;
  let hi = main.pass ? Infinity : opt.clients;
  for (let i = 0; i < opt.searchSteps; i++) {
    let n;
    if (hi === Infinity) n = Math.min(opt.searchMaxClients, Math.round((lo * 1.5) / step) * step);
    else n = Math.round((lo + hi) / 2 / step) * step;
    if (n <= lo || n >= hi || n < step) break;
    const r = await runA(ctx, n, opt.searchDuration, `A-search ${n}`);
    out.search.push(r);
    if (r.pass) lo = n;
    else hi = n;
    if (hi === Infinity && n >= opt.searchMaxClients) break;
  }
  out.best = {
    clients: lo,
    msgPerSec: lo * opt.rate,
    deliveriesPerSec: lo * opt.rate * (opt.roomSize - 1),
  };
  console.log(
    `[A] highest sustained: ${out.best.msgPerSec} msg/s in (${out.best.deliveriesPerSec} deliveries/s) with p99 <= ${opt.p99Target} ms` +
      (hi === Infinity ? ' (search stopped at the cap, not at a failure)' : `; ${hi} msg/s failed`),
  );
  return out;
}

async function scenarioB(ctx) {
  const { opt, seeder } = ctx;
  const n = opt.bMembers;
  console.log(
    `\n=== Scenario B: one room of ${n} members, ${opt.bRate} msg/s in total, ${opt.bDuration} s ===`,
  );
  const users = await seeder.blockRoomsFor('g', await seeder.users('g', n), n);
  const conn = await connectClients(ctx, users, { workers: defaultWorkers(ctx, n) });
  try {
    if (conn.failed) return { pass: false, connectFailed: conn.failed, errors: conn.errors };
    return await warmThenSend(ctx, conn, {
      n,
      totalRate: opt.bRate,
      duration: opt.bDuration,
      roomSize: n,
      label: 'B',
    });
  } finally {
    await conn.workers.close();
  }
}

async function scenarioC(ctx) {
  const { opt, seeder } = ctx;
  const api = ctx.apis[0];
  let n = opt.cSockets;
  console.log(`\n=== Scenario C: ${n} idle authenticated sockets on one instance ===`);
  // Every socket is a file descriptor in the API process; a hard RLIMIT_NOFILE below that
  // cannot be raised here without privileges, so say so and measure the most that fits.
  const limit = openFdLimit(api.pid);
  const base = openFds(api.pid);
  const room = limit - base - 64;
  const capped = n > room;
  if (capped) {
    console.warn(
      `[C] the API's open-file limit is ${limit} (${base} in use): connecting ${room} sockets instead of ${n}`,
    );
    n = room;
  }
  const users = await seeder.blockRoomsFor('u', await seeder.users('u', n), opt.roomSize);
  const before = rssBytes(api.pid);
  const sampler = startSampler([api]);
  const conn = await connectClients(ctx, users, {
    workers: defaultWorkers(ctx, n),
    instances: 1,
  });
  try {
    console.log(`[C] idle for ${opt.cIdle} s`);
    await sleep(opt.cIdle * 1000);
    const stats = await conn.workers.all('stats');
    const server = sampler();
    const after = rssBytes(api.pid);
    const alive = stats.reduce((a, s) => a + s.open, 0);
    const perSocketKiB = conn.connected ? (after - before) / conn.connected / 1024 : NaN;
    const r = {
      requested: opt.cSockets,
      attempted: n,
      cappedByFdLimit: capped ? { limit, inUseBefore: base } : null,
      connected: conn.connected,
      failed: conn.failed,
      errors: conn.errors,
      openAfterIdle: alive,
      connectSec: +conn.connectSec.toFixed(1),
      rssBeforeMiB: mib(before),
      rssMiB: mib(after),
      peakRssMiB: server.peakRssMiB[0],
      perSocketKiB: +perSocketKiB.toFixed(1),
      rssAt20kMiB: +mib(before + perSocketKiB * 1024 * 20000).toFixed(0),
      apiFds: openFds(api.pid),
    };
    r.pass = r.openAfterIdle === n && r.peakRssMiB < 1536;
    console.log(
      [
        `[C] ${r.openAfterIdle}/${n} sockets open after ${opt.cIdle} s idle (connect took ${r.connectSec} s${r.failed ? `, ${r.failed} failed ${JSON.stringify(r.errors)}` : ''})`,
        `  server RSS: ${r.rssBeforeMiB} MiB before, ${r.rssMiB} MiB with the sockets (peak ${r.peakRssMiB} MiB), ${r.perSocketKiB} KiB per socket`,
        capped
          ? `  extrapolated to 20000 sockets: ~${r.rssAt20kMiB} MiB (linear in sockets; measured count limited by RLIMIT_NOFILE ${limit})`
          : '',
        `  => ${r.pass ? 'PASS' : 'FAIL'} (all open, peak RSS < 1.5 GiB)`,
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return r;
  } finally {
    await conn.workers.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Worker: holds client sockets, sends on schedule, records receipts
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
 * A Socket.IO v5 client speaking the wire protocol over `ws` directly (the protocol is a public
 * contract: DESIGN "Realtime protocol"). It does what the load needs (connect with auth, events,
 * acks with a timeout, ping/pong) with less CPU than socket.io-client, and on a 2-core machine the
 * clients' CPU is taken from the server under test. `--client official` uses socket.io-client.
 */
class WireSocket {
  static WebSocket = null;

  constructor(url, nsp, { auth, headers }) {
    WireSocket.WebSocket ??= createRequire(
      createRequire(requireApi.resolve('socket.io-client')).resolve('engine.io-client'),
    )('ws');
    const base = url.replace(/^http/, 'ws');
    this.nsp = nsp;
    this.listeners = new Map();
    this.acks = new Map();
    this.ackId = 0;
    this.connected = false;
    this.ws = new WireSocket.WebSocket(`${base}/socket.io/?EIO=4&transport=websocket`, {
      headers,
      perMessageDeflate: false,
    });
    this.ws.on('message', (data) => this.onFrame(data.toString()));
    this.ws.on('error', (err) => {
      if (!this.connected) this.fire('connect_error', err);
    });
    this.ws.on('close', () => {
      const was = this.connected;
      this.connected = false;
      for (const [, a] of this.acks) {
        clearTimeout(a.timer);
        a.cb(new Error('disconnected'));
      }
      this.acks.clear();
      if (was) this.fire('disconnect');
      else this.fire('connect_error', new Error('closed'));
    });
    this.auth = auth;
  }

  on(event, fn) {
    this.listeners.set(event, fn);
    return this;
  }

  once(event, fn) {
    return this.on(event, (...args) => {
      this.listeners.delete(event);
      fn(...args);
    });
  }

  fire(event, ...args) {
    this.listeners.get(event)?.(...args);
  }

  onFrame(s) {
    switch (s.charCodeAt(0)) {
      case 48: // "0" engine open → connect to the namespace
        this.ws.send(`40${this.nsp},${JSON.stringify(this.auth)}`);
        return;
      case 50: // "2" ping
        this.ws.send('3');
        return;
      case 52: // "4" message: a Socket.IO packet
        break;
      default:
        return;
    }
    const type = s.charCodeAt(1);
    const body = s.indexOf(',') + 1; // after "4x/chat,"
    if (type === 50) {
      // "2" event: [name, ...args]
      const [event, ...args] = JSON.parse(s.slice(body));
      this.fire(event, ...args);
    } else if (type === 51) {
      // "3" ack: <id>[...args]
      const open = s.indexOf('[', body);
      const id = Number(s.slice(body, open));
      const a = this.acks.get(id);
      if (!a) return;
      this.acks.delete(id);
      clearTimeout(a.timer);
      a.cb(null, ...JSON.parse(s.slice(open)));
    } else if (type === 48) {
      this.connected = true;
      this.fire('connect');
    } else if (type === 52) {
      this.fire('connect_error', { message: 'refused', data: JSON.parse(s.slice(body)).data });
    } else if (type === 49) {
      this.ws.close();
    }
  }

  /** emit with an ack: cb(err, ...args) as socket.io-client's `socket.timeout(ms).emit(...)`. */
  emitWithAck(timeoutMs, event, payload, cb) {
    const id = this.ackId++;
    const timer = setTimeout(() => {
      this.acks.delete(id);
      cb(new Error('operation has timed out'));
    }, timeoutMs);
    this.acks.set(id, { cb, timer });
    this.ws.send(`42${this.nsp},${id}${JSON.stringify([event, payload])}`);
  }

  close() {
    if (this.ws.readyState === 1) this.ws.send(`41${this.nsp},`);
    this.ws.close();
  }
}

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

// Last, so that every class above is initialised before it runs.
if (process.argv.includes('--worker')) {
  await workerMain();
} else {
  await main();
}
