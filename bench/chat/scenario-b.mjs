// Scenario B: one group room of --b-members members, --b-rate msg/s in total.
import { defaultWorkers, warmThenSend } from '../lib/load.mjs';
import { connectClients } from '../lib/workers.mjs';

export async function scenarioB(ctx) {
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
