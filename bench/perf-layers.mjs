#!/usr/bin/env node
// What each performance piece of the chat hot path is worth, measured alone: for each PERF_*
// switch (apps/api/src/config/perf-switches.ts), scenario A of `pnpm bench:chat` at a fixed
// rate, alternately with the piece on and off (everything else on), N times each, in one
// session; then a table of delivery p50/p99, ack p99 and API CPU per piece, on and off (medians).
//
//   pnpm bench:perf-layers [--pieces validation,prepared,...] [--reps 3] [--clients 1000] ...
//   pnpm bench:perf-layers --help
//
// Every run is a separate `bench/chat.mjs --scenario a --no-search` (fresh database, fresh API
// processes started with `--api-env PERF_…=0|1`), so runs do not share caches or pools.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { apiEnv } from './chat/options.mjs';
import { round } from './lib/stats.mjs';
import { ROOT } from './lib/util.mjs';

/** The switches, by a short name (docs/architecture.md, "The performance pieces"). */
const PIECES = {
  validation: 'PERF_VALIDATION_FAST_PATH',
  prepared: 'PERF_PREPARED_STATEMENTS',
  codec: 'PERF_REDIS_JSON_CODEC',
  dispatch: 'PERF_PLAIN_DISPATCH',
};

const { values } = parseArgs({
  options: {
    pieces: { type: 'string', default: Object.keys(PIECES).join(',') },
    reps: { type: 'string', default: '3' },
    clients: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '1' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    instances: { type: 'string', default: '1' },
    port: { type: 'string', default: '23200' },
    'rate-limits': { type: 'string', default: 'on' },
    'api-env': { type: 'string', multiple: true, default: [] },
    'log-dir': { type: 'string', default: '' },
    json: { type: 'string', default: '' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(`usage: pnpm bench:perf-layers [options]
  --pieces LIST            which pieces, comma-separated (default: all):
${Object.entries(PIECES)
  .map(([k, v]) => `                             ${k.padEnd(11)} ${v}`)
  .join('\n')}
  --reps 3                 runs with the piece on and as many off, alternating (on, off, on, ...)
  --clients 1000           scenario A clients in rooms of 10; with --rate 1 msg/s each, 1000 msg/s
  --duration 20            seconds of measured sending per run; --warmup 5 s before each
  --instances 1            API processes sharing Redis
  --port 23200             first API port
  --rate-limits on|off     as pnpm bench:chat
  --api-env KEY=VALUE      extra API environment for every run, repeatable
  --log-dir DIR            keep each run's output there (default: a temporary directory)
  --json FILE              also write every run and the medians as JSON
Run it on a quiet machine: every run takes about duration + warmup + 15 s.`);
  process.exit(0);
}

const usageError = (message) => {
  console.error(message);
  process.exit(2);
};
const pieces = values.pieces
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const p of pieces) if (!PIECES[p]) usageError(`unknown piece ${p}`);
const reps = Number(values.reps);
if (!(reps >= 1)) usageError('--reps must be at least 1');
const extraEnv = apiEnv(values['api-env'], usageError);
const logDir = values['log-dir'] || fs.mkdtempSync(path.join(os.tmpdir(), 'orgo-perf-layers-'));
fs.mkdirSync(logDir, { recursive: true });

const msgPerSec = Number(values.clients) * Number(values.rate);
console.log(
  `[perf-layers] scenario A, ${values.clients} clients × ${values.rate} msg/s = ${msgPerSec} msg/s, ${values.duration} s (+${values.warmup} s warm-up), ${reps} run(s) on and ${reps} off per piece; logs in ${logDir}`,
);

/**
 * One scenario A run with `env` for the API; answers its main run's figures. The API logs the
 * pieces it runs without at startup: a run where they are not the ones turned off here fails.
 */
function runA(label, env) {
  const apiEnvOfRun = { ...extraEnv, ...env };
  const off = Object.entries(apiEnvOfRun)
    .filter(([k, v]) => k.startsWith('PERF_') && (v === '0' || v === 'false'))
    .map(([k]) => k)
    .sort();
  const json = path.join(logDir, `${label}.json`);
  const log = path.join(logDir, `${label}.log`);
  const apiLog = path.join(logDir, `${label}.api`);
  // The API appends to its log: start from an empty one when --log-dir is reused.
  for (let i = 0; i < Number(values.instances); i++) fs.rmSync(`${apiLog}.${i}`, { force: true });
  const args = [
    path.join(ROOT, 'bench/chat.mjs'),
    '--scenario',
    'a',
    '--no-search',
    '--clients',
    values.clients,
    '--rate',
    values.rate,
    '--duration',
    values.duration,
    '--warmup',
    values.warmup,
    '--instances',
    values.instances,
    '--port',
    values.port,
    '--rate-limits',
    values['rate-limits'],
    '--json',
    json,
    ...Object.entries(apiEnvOfRun).flatMap(([k, v]) => ['--api-env', `${k}=${v}`]),
  ];
  return new Promise((resolve, reject) => {
    const out = fs.openSync(log, 'w');
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', out, out],
      env: { ...process.env, BENCH_API_LOG: apiLog },
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      fs.closeSync(out);
      if (code !== 0)
        return reject(new Error(`${label}: bench:chat exited with ${code}; see ${log}`));
      const startup = fs.readFileSync(`${apiLog}.0`, 'utf8');
      const said =
        /performance pieces off: ([A-Z_, ]+)/.exec(startup)?.[1].split(', ').sort() ?? [];
      if (said.join() !== off.join()) {
        return reject(new Error(`${label}: the API ran with [${said}] off, not [${off}]`));
      }
      const main = JSON.parse(fs.readFileSync(json, 'utf8')).a.main;
      resolve({
        label,
        pass: main.pass,
        acked: main.acked,
        scheduled: main.scheduled,
        deliveryRatio: main.deliveryRatio,
        p50: main.latencyMs.p50,
        p99: main.latencyMs.p99,
        ackP99: main.ackMs.p99,
        apiCpuPct: round(main.server.apiCpuPct.reduce((a, b) => a + b, 0)),
        machineBusyPct: main.server.machineBusyPct,
      });
    });
  });
}

function median(xs) {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return round(s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
}

const runs = [];
for (const piece of pieces) {
  const name = PIECES[piece];
  for (let i = 1; i <= reps; i++) {
    for (const on of [true, false]) {
      const label = `${piece}-${on ? 'on' : 'off'}-${i}`;
      const r = await runA(label, { [name]: on ? '1' : '0' });
      runs.push({ piece, on, ...r });
      console.log(
        `[perf-layers] ${label.padEnd(16)} p50 ${r.p50} ms, p99 ${r.p99} ms, ack p99 ${r.ackP99} ms, API CPU ${r.apiCpuPct} %, ${r.acked}/${r.scheduled} acked, delivery ${r.deliveryRatio}${r.pass ? '' : ' (FAIL)'}`,
      );
    }
  }
}

const summary = [];
for (const piece of pieces) {
  for (const on of [true, false]) {
    const mine = runs.filter((r) => r.piece === piece && r.on === on);
    summary.push({
      piece,
      switch: PIECES[piece],
      state: on ? 'on' : 'off',
      runs: mine.length,
      passed: mine.filter((r) => r.pass).length,
      p50: median(mine.map((r) => r.p50)),
      p99: median(mine.map((r) => r.p99)),
      ackP99: median(mine.map((r) => r.ackP99)),
      apiCpuPct: median(mine.map((r) => r.apiCpuPct)),
    });
  }
}

const header = ['piece', 'switch', 'state', 'p50 ms', 'p99 ms', 'ack p99 ms', 'API CPU %', 'pass'];
const rows = summary.map((s) => [
  s.piece,
  s.switch,
  s.state,
  String(s.p50),
  String(s.p99),
  String(s.ackP99),
  String(s.apiCpuPct),
  `${s.passed}/${s.runs}`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nMedians of ${reps} run(s) each, ${msgPerSec} msg/s, scenario A:\n`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows) console.log(line(r));

if (values.json) {
  fs.writeFileSync(
    values.json,
    `${JSON.stringify({ options: { ...values, pieces, reps }, runs, summary }, null, 2)}\n`,
  );
}
