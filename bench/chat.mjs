#!/usr/bin/env node
// Chat benchmark (issue 4 §6): real API processes (auth, Postgres persistence, Redis adapter)
// driven by Socket.IO clients in forked worker processes. Not a test; run with `pnpm bench:chat`.
//
//   pnpm bench:chat [--scenario a,b,c] [--clients 1000] [--duration 30] [--instances 1] ...
//   pnpm bench:chat --help
//
// Users, sessions, rooms and members are seeded directly in Postgres and access tokens minted
// like the API mints them (bench/lib/provision.mjs); everything else goes through the server.
// The scenarios are in bench/chat/, the shared pieces in bench/lib/ (see bench/README.md).
import { options } from './chat/options.mjs';
import { scenarioA } from './chat/scenario-a.mjs';
import { scenarioB } from './chat/scenario-b.mjs';
import { scenarioC } from './chat/scenario-c.mjs';
import { withBenchEnvironment } from './lib/env.mjs';

const opt = options();
await withBenchEnvironment(
  {
    instances: opt.instances,
    port: opt.port,
    apiNodeArgs: opt.apiNodeArgs,
    apiEnv: opt.apiEnv,
    rateLimits: opt.rateLimits,
    keepDb: opt.keepDb,
    json: opt.json,
    options: { ...opt, scenarios: [...opt.scenarios] },
    notes: [
      `clients: ${opt.client === 'official' ? 'socket.io-client' : 'wire protocol over ws'}`,
      ...Object.entries(opt.apiEnv).map(([k, v]) => `API env: ${k}=${v}`),
    ],
  },
  async ({ apis, seeder, jwtSecret, results }) => {
    const ctx = { opt, apis, seeder, jwtSecret, nextIp: 1, client: opt.client };
    if (opt.scenarios.has('a')) results.a = await scenarioA(ctx);
    if (opt.scenarios.has('b')) results.b = await scenarioB(ctx);
    if (opt.scenarios.has('c')) results.c = await scenarioC(ctx);
  },
);
