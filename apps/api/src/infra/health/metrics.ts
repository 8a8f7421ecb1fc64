import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'orgo_http_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
});

export const socketConnections = new Counter({
  name: 'orgo_socket_connections_total',
  help: 'Socket.IO connections accepted, by namespace',
  labelNames: ['namespace'],
  registers: [metricsRegistry],
});

export const batchSize = new Histogram({
  name: 'orgo_db_batch_size',
  help: 'Calls coalesced into one database round trip, by batcher',
  labelNames: ['batcher'],
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
  registers: [metricsRegistry],
});

export const redisUp = new Gauge({
  name: 'orgo_redis_up',
  help: '1 while the Redis command connection is up, 0 while it is down',
  registers: [metricsRegistry],
});

export const rateLimitRedisUnavailable = new Counter({
  name: 'orgo_rate_limit_redis_unavailable_total',
  help: 'Rate limit checks made while Redis was unreachable, by rule and outcome (local: counted in this instance; refused: 503)',
  labelNames: ['rule', 'outcome'],
  registers: [metricsRegistry],
});

export const dependencyUnavailable = new Counter({
  name: 'orgo_dependency_unavailable_total',
  help: 'Requests and socket events answered 503 because PostgreSQL or Redis was unavailable or too slow',
  labelNames: ['dependency'],
  registers: [metricsRegistry],
});
