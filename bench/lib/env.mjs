// The environment a benchmark runs against: a fresh Postgres database, a Redis key prefix of its
// own, and real API processes (apps/api/dist/main.js) started on consecutive ports.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineFacts } from './machine.mjs';
import { Seeder } from './provision.mjs';
import { ROOT, requireApi, sleep } from './util.mjs';

/**
 * Runs `body(env)` against fresh services and `instances` API processes, then stops them, drops
 * the database (unless `keepDb`) and clears the Redis prefix. `name` names the database
 * (`orgo_<name>`), the Redis prefix and the data directory, so benchmarks never share them;
 * `apiLog(index)` is the file an API's output is appended to (default `$BENCH_API_LOG.<index>`). `env` holds `apis`, `seeder`,
 * `jwtSecret`, `dbUrl`, `redisUrl` and `results` ({ machine, options, apiVersions }), which the
 * body fills in and which is written to `json` (if set) on success. `notes` are printed with the
 * set-up lines.
 */
export async function withBenchEnvironment(
  {
    instances,
    port,
    apiNodeArgs = [],
    rateLimits = true,
    keepDb = false,
    json,
    options,
    notes = [],
    name = 'bench',
    apiLog = (index) => process.env.BENCH_API_LOG && `${process.env.BENCH_API_LOG}.${index}`,
  },
  body,
) {
  const { Client } = requireApi('pg');
  const services = await import(path.join(ROOT, 'scripts/services.mjs'));
  const baseDbUrl = process.env.BENCH_DATABASE_URL ?? services.ENV.DATABASE_URL;
  const redisUrl = process.env.BENCH_REDIS_URL ?? services.ENV.REDIS_URL;
  const dbName = `orgo_${name.replaceAll('-', '_')}`;
  const dbUrl = withDatabase(baseDbUrl, dbName);
  const jwtSecret = randomBytes(32).toString('base64url');
  const redisPrefix = `orgo-${name}-${process.pid}:`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `orgo-${name}-`));
  const mainJs = path.join(ROOT, 'apps/api/dist/main.js');
  if (!fs.existsSync(mainJs)) {
    throw new Error(`${mainJs} missing: run pnpm --filter @orgo/api build first`);
  }

  const results = { machine: machineFacts(), options };
  const apis = [];
  const cleanup = async () => {
    for (const api of apis) if (api.proc.exitCode === null) api.proc.kill('SIGTERM');
    await Promise.all(apis.map((api) => api.exited));
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

  console.log(`[bench] ${results.machine.cpu} × ${results.machine.nproc}, node ${process.version}`);
  for (let i = 0; i < instances; i++) {
    const busy = await fetch(`http://127.0.0.1:${port + i}/`).then(
      () => true,
      () => false,
    );
    if (busy) throw new Error(`port ${port + i} is in use: is another benchmark running?`);
  }
  console.log(`[bench] fresh database ${dbName}; Redis prefix ${redisPrefix}`);
  for (const note of notes) console.log(`[bench] ${note}`);
  await recreateDatabase(Client, baseDbUrl, dbName);

  let failure;
  try {
    for (let i = 0; i < instances; i++) {
      apis.push(
        await startApi({
          index: i,
          port: port + i,
          mainJs,
          nodeArgs: apiNodeArgs,
          logFile: apiLog(i),
          env: {
            NODE_ENV: 'production',
            HOST: '127.0.0.1',
            PORT: String(port + i),
            PUBLIC_ORIGIN: `http://127.0.0.1:${port + i}`,
            DATABASE_URL: dbUrl,
            REDIS_URL: redisUrl,
            REDIS_PREFIX: redisPrefix,
            JWT_SECRET: jwtSecret,
            LOG_LEVEL: 'warn',
            TRUST_PROXY: 'loopback',
            COOKIE_SECURE: 'false',
            DATA_DIR: path.join(dataDir, `api${i}`),
            RATE_LIMIT_ENABLED: rateLimits ? 'true' : 'false',
          },
        }),
      );
    }
    results.apiVersions = await serviceVersions(Client, dbUrl, redisUrl);
    console.log(`[bench] ${results.apiVersions.postgres}; Redis ${results.apiVersions.redis}`);

    const db = new Client({ connectionString: dbUrl });
    db.on('error', () => undefined); // dropped with the database at the end
    await db.connect();
    const seeder = new Seeder(db);
    await body({ apis, seeder, jwtSecret, dbUrl, redisUrl, results });
    await db.end();
  } catch (err) {
    failure = err;
    for (const api of apis) console.error(`[bench] API ${api.index} output tail:\n${api.tail()}`);
  } finally {
    await cleanup();
    await cleanRedis(redisUrl, redisPrefix).catch((e) => console.warn(`[bench] redis: ${e}`));
    if (!keepDb) await dropDatabase(Client, baseDbUrl, dbName).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (failure) throw failure;
  if (json) fs.writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}

export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function recreateDatabase(Client, baseUrl, name) {
  const c = new Client({ connectionString: baseUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
}

export async function dropDatabase(Client, baseUrl, name) {
  const c = new Client({ connectionString: baseUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

export async function cleanRedis(url, prefix) {
  const Redis = requireApi('ioredis');
  const r = new Redis(url, { lazyConnect: true });
  await r.connect();
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await r.unlink(...keys);
  } while (cursor !== '0');
  await r.quit();
}

export async function serviceVersions(Client, dbUrl, redisUrl) {
  const c = new Client({ connectionString: dbUrl });
  await c.connect();
  const { rows } = await c.query('SELECT version()');
  await c.end();
  const Redis = requireApi('ioredis');
  const r = new Redis(redisUrl);
  const info = await r.info('server');
  await r.quit();
  return {
    postgres: rows[0].version.split(' on ')[0],
    redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
  };
}

/**
 * Starts one API process and waits (at most 60 s) until /api/health/ready answers; its output
 * is also appended to `logFile` when set.
 */
export async function startApi({ index, port, mainJs, nodeArgs, env, logFile }) {
  const proc = spawn(process.execPath, [...nodeArgs, mainJs], {
    cwd: path.dirname(path.dirname(mainJs)),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout.on('data', keep);
  proc.stderr.on('data', keep);
  if (logFile) {
    const log = fs.createWriteStream(logFile, { flags: 'a' });
    proc.stdout.pipe(log);
    proc.stderr.pipe(log);
  }
  const exited = new Promise((r) => proc.once('exit', r));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`API ${index} exited:\n${tail}`);
    if (Date.now() > deadline) throw new Error(`API ${index} not ready in 60 s:\n${tail}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  console.log(`[bench] API ${index} pid ${proc.pid} ready on :${port}`);
  return {
    index,
    port,
    url: `http://127.0.0.1:${port}`,
    proc,
    pid: proc.pid,
    exited,
    tail: () => tail,
  };
}
