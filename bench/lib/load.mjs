// The load loop: a sending run over connected clients, with its measurements and verdict.
import { randomBytes } from 'node:crypto';
import { startSampler } from './machine.mjs';
import { printRun } from './report.mjs';
import { mergeCounts, percentile, round } from './stats.mjs';
import { sleep } from './util.mjs';

/**
 * A warm-up at the same traffic (JIT, connection pools, plan caches, socket buffers), reported
 * on its own line, then the measured run.
 */
export async function warmThenSend(ctx, conn, run) {
  if (ctx.opt.warmup > 0) {
    await sendRun(ctx, conn, { ...run, duration: ctx.opt.warmup, label: `${run.label} warm-up` });
  }
  return sendRun(ctx, conn, run);
}

/**
 * One sending run over connected clients: message k goes from client k mod n at t0 + k/rate, so
 * each client sends rate/n msg/s, evenly spread. Then waits for the deliveries to stop arriving.
 */
export async function sendRun(ctx, conn, { n, totalRate, duration, roomSize, label }) {
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

/** Client worker processes for `clients` clients: --workers, or 2 to 4 by 5000 clients. */
export function defaultWorkers(ctx, clients) {
  return ctx.opt.workers || Math.min(4, Math.max(2, Math.ceil(clients / 5000)));
}
