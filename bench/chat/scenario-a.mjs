// Scenario A: clients in rooms of --room-size, each sending --rate msg/s; then a search for the
// highest rate (in clients at 1 msg/s) with everything delivered and p99 <= --p99-target.
import { defaultWorkers, warmThenSend } from '../lib/load.mjs';
import { sleep } from '../lib/util.mjs';
import { connectClients } from '../lib/workers.mjs';

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

export async function scenarioA(ctx) {
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
