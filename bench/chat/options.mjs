// The chat benchmark's command line (pnpm bench:chat --help).
import { parseArgs } from 'node:util';

export function options() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'a,b,c' },
      clients: { type: 'string', default: '1000' },
      'room-size': { type: 'string', default: '10' },
      rate: { type: 'string', default: '1' },
      duration: { type: 'string', default: '30' },
      warmup: { type: 'string', default: '5' },
      search: { type: 'boolean', default: true },
      'no-search': { type: 'boolean', default: false },
      'search-duration': { type: 'string', default: '10' },
      'search-steps': { type: 'string', default: '5' },
      'search-max-clients': { type: 'string', default: '5000' },
      'p99-target': { type: 'string', default: '200' },
      'b-members': { type: 'string', default: '1000' },
      'b-rate': { type: 'string', default: '10' },
      'b-duration': { type: 'string', default: '' },
      'c-sockets': { type: 'string', default: '20000' },
      'c-idle': { type: 'string', default: '15' },
      instances: { type: 'string', default: '1' },
      workers: { type: 'string', default: '' },
      port: { type: 'string', default: '23200' },
      'rate-limits': { type: 'string', default: 'on' },
      'keep-db': { type: 'boolean', default: false },
      json: { type: 'string', default: '' },
      'api-node-args': { type: 'string', default: '' },
      'api-env': { type: 'string', multiple: true, default: [] },
      client: { type: 'string', default: 'wire' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`usage: pnpm bench:chat [options]
  --scenario a,b,c         which scenarios (A: rooms of 10, B: one big room, C: idle sockets)
  --clients 1000           A: clients (rooms of --room-size 10), each sending --rate 1 msg/s
  --duration 30            A/B: seconds of sending (measured)
  --warmup 5               A/B: seconds of the same traffic before each measured run, reported
                           on its own line and not counted (0: none)
  --no-search              A: skip the search for the highest rate with p99 <= --p99-target ms
  --search-duration 10     A: seconds per search step; --search-steps 5 steps at most
  --b-members 1000         B: members of the one group room; --b-rate 10 msg/s in total
  --c-sockets 20000        C: idle sockets on one instance; --c-idle 15 s before the RSS reading
  --instances 1            API processes sharing Redis (clients split round-robin; C uses one)
  --workers N              client worker processes (default: 2 for A/B, 4 for C)
  --port 23200             first API port
  --rate-limits on|off     on (default): production limits, each client its own X-Forwarded-For
  --client wire|official   client sockets: wire (default) speaks the Socket.IO protocol over ws
                           directly, official uses socket.io-client (more client CPU)
  --json FILE              also write the results as JSON
  --keep-db                keep the orgo_bench database afterwards
  --api-node-args="..."    extra node flags for the API processes (e.g. "--cpu-prof --cpu-prof-dir=/tmp/p")
  --api-env KEY=VALUE      extra environment for the API processes, repeatable (e.g. a PERF_*
                           switch off: --api-env PERF_PREPARED_STATEMENTS=0)
  BENCH_API_LOG=FILE       environment: append API process i's output to FILE.i`);
    process.exit(0);
  }
  const num = (k) => Number(values[k]);
  const usageError = (message) => {
    console.error(message);
    process.exit(2);
  };
  return {
    scenarios: new Set(values.scenario.split(',').map((s) => s.trim().toLowerCase())),
    clients: num('clients'),
    roomSize: num('room-size'),
    rate: num('rate'),
    duration: num('duration'),
    warmup: num('warmup'),
    search: values.search && !values['no-search'],
    searchDuration: num('search-duration'),
    searchSteps: num('search-steps'),
    searchMaxClients: num('search-max-clients'),
    p99Target: num('p99-target'),
    bMembers: num('b-members'),
    bRate: num('b-rate'),
    bDuration: values['b-duration'] ? num('b-duration') : num('duration'),
    cSockets: num('c-sockets'),
    cIdle: num('c-idle'),
    instances: num('instances'),
    workers: values.workers ? num('workers') : 0,
    port: num('port'),
    rateLimits: values['rate-limits'] !== 'off',
    keepDb: values['keep-db'],
    json: values.json,
    apiNodeArgs: values['api-node-args'].split(' ').filter(Boolean),
    apiEnv: apiEnv(values['api-env'], usageError),
    client: ['wire', 'official'].includes(values.client)
      ? values.client
      : usageError(`--client must be wire or official, not ${values.client}`),
  };
}

/** `--api-env KEY=VALUE` options as an object. */
export function apiEnv(pairs, usageError) {
  const env = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) usageError(`--api-env wants KEY=VALUE, not ${pair}`);
    env[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return env;
}
