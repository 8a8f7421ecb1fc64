// Machine facts and /proc readings: cores, memory, CPU and RSS of the API processes, machine busy
// and steal time while a run lasts.
import fs from 'node:fs';
import os from 'node:os';
import { mib } from './stats.mjs';

export function machineFacts() {
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1];
  return {
    cpu: cpu ?? os.cpus()[0]?.model,
    nproc: os.availableParallelism(),
    memTotalGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    kernel: os.release(),
  };
}

// /proc readings of the API processes we started.
export function rssBytes(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
export function cpuTicks(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
export function machineTicks() {
  const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
  const n = f.map(Number);
  const idle = n[3] + n[4];
  // steal: time this VM was ready to run but the hypervisor ran something else.
  return { total: n.reduce((a, b) => a + b, 0), idle, steal: n[7] ?? 0 };
}
export function openFdLimit(pid) {
  const m = /Max open files\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/limits`, 'utf8'));
  return m ? Number(m[1]) : Infinity;
}
export function openFds(pid) {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

/**
 * Samples RSS (peak) and CPU of the API processes and of the whole machine while a run lasts.
 * Returns a function that stops sampling and returns the readings.
 */
export function startSampler(apis) {
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
