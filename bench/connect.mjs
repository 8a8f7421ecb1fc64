#!/usr/bin/env node
// Socket connect benchmark (issue 10 §7): how fast real API processes (token check, session and
// rooms from Postgres, handshake limits and socket slots in Redis, presence) admit new sockets,
// as after an instance died and everyone reconnects. Not a test; run with `pnpm bench:connect`.
//
//   pnpm bench:connect [--sockets 10000] [--rate 1000] [--namespaces /chat,/user] ...
//   pnpm bench:connect --same-ip 200      200 users' sockets from one address, within a minute
//   pnpm bench:connect --help
//
// Users, sessions and rooms are seeded directly in Postgres and access tokens minted like the
// API mints them (bench/lib/provision.mjs); every socket goes through the real handshake. The
// connections are opened by bench/lib/connect-worker.mjs; the shared pieces are in bench/lib/.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withBenchEnvironment } from './lib/env.mjs';
import { cpuTicks, machineTicks, rssBytes } from './lib/machine.mjs';
import { ipFor } from './lib/provision.mjs';
import { mergeCounts, mib, percentile } from './lib/stats.mjs';
import { Workers } from './lib/workers.mjs';

const CONNECT_WORKER = fileURLToPath(new URL('./lib/connect-worker.mjs', import.meta.url));

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

const opt = options();
await withBenchEnvironment(
  {
    name: 'bench-connect',
    instances: 1,
    port: opt.port,
    apiNodeArgs: opt.apiNodeArgs,
    // Production limits: the handshake limits are part of what is measured.
    rateLimits: true,
    keepDb: opt.keepDb,
    json: opt.json,
    options: opt,
    apiLog: () => process.env.BENCH_API_LOG,
  },
  async ({ apis, seeder, jwtSecret, results }) => {
    const users = await seeder.users('connect', opt.sockets);
    await seeder.layeredRooms(users, opt.roomSize, opt.roomsPerUser);
    const clients = users.map((u, i) => ({
      userId: u.userId,
      sessionId: u.sessionId,
      ip: opt.sameIp ? '10.200.0.1' : ipFor(i + 1),
    }));
    results.run = await run(opt, apis[0], clients, jwtSecret);
  },
).then((results) => {
  if (!results.run.pass) process.exitCode = 1;
});

async function run(opt, api, clients, secret) {
  const workers = new Workers(opt.workers, CONNECT_WORKER);
  const t0 = Date.now() + 500; // every worker starts on the same schedule
  const perWorker = opt.rate / opt.workers;
  console.log(
    `[run] ${clients.length} connections × ${opt.namespaces.join('+')} at ${opt.rate}/s` +
      (opt.sameIp ? ' from ONE address' : ', each from its own address'),
  );
  const cpuBefore = cpuTicks(api.pid);
  const machineBefore = machineTicks().total;
  let parts;
  let apiCpuPct;
  let rssMiB;
  try {
    parts = await workers.all('connect', (i) => ({
      url: api.url,
      secret,
      namespaces: opt.namespaces,
      t0,
      rate: perWorker,
      timeoutMs: opt.timeoutMs,
      clients: clients.filter((_, j) => j % opt.workers === i),
    }));
    apiCpuPct = (100 * (cpuTicks(api.pid) - cpuBefore)) / (machineTicks().total - machineBefore);
    rssMiB = mib(rssBytes(api.pid));
  } finally {
    await workers.close();
  }

  const latencies = Float64Array.from(parts.flatMap((p) => [...p.latencies])).sort();
  const errors = mergeCounts(parts.map((p) => p.errors));
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
