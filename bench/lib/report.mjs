// Printing a sending run's results.

/** Prints one run (as returned by sendRun) as the report's block of lines. */
export function printRun(r) {
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
