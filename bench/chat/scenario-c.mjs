// Scenario C: --c-sockets idle authenticated sockets on one instance; the API's RSS with them.
import { defaultWorkers } from '../lib/load.mjs';
import { openFdLimit, openFds, rssBytes, startSampler } from '../lib/machine.mjs';
import { mib } from '../lib/stats.mjs';
import { sleep } from '../lib/util.mjs';
import { connectClients } from '../lib/workers.mjs';

export async function scenarioC(ctx) {
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
