import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '../health/metrics';

export const schedulerRuns = new Counter({
  name: 'orgo_scheduler_runs_total',
  help: 'Scheduled job runs on this instance, by job and outcome (ok, failed)',
  labelNames: ['job', 'outcome'],
  registers: [metricsRegistry],
});

export const schedulerSkips = new Counter({
  name: 'orgo_scheduler_skips_total',
  help: 'Scheduled ticks this instance did not run, by job and reason (locked, not_due)',
  labelNames: ['job', 'reason'],
  registers: [metricsRegistry],
});

export const schedulerDuration = new Histogram({
  name: 'orgo_scheduler_run_duration_seconds',
  help: 'Scheduled job run time, by job',
  labelNames: ['job'],
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
  registers: [metricsRegistry],
});
