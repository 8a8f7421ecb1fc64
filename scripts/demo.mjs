#!/usr/bin/env node
// `pnpm demo`: `pnpm start` on a data directory of its own (.data/demo), filled on first start with
// a Korean demo community written through the API itself; prints the sign-in details. Later starts
// reuse it. The normal data (.data/pg, .data/media) is never touched. Ctrl-C stops it all.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dataDir = resolve(process.env.DEMO_DATA_DIR ?? join(root, '.data', 'demo'));
const marker = join(dataDir, 'demo-seeded.json');
const port = Number(process.env.PORT ?? 3000);
const say = (msg) => console.log(`[demo] ${msg}`);

// The demo is always the embedded default: no outside database, Redis, bucket or mail server.
const env = { ...process.env };
const ignored = ['DATABASE_URL', 'REDIS_URL', 'S3_BUCKET', 'SMTP_URL', 'MEDIA_DIR'].filter(
  (k) => env[k],
);
for (const k of ignored) delete env[k];
if (ignored.length) say(`ignoring ${ignored.join(', ')}: the demo keeps everything in ${dataDir}`);

// Seeding talks to http://127.0.0.1:PORT: refuse at once when something else (a `pnpm start`)
// answers there, so the demo community can never land in other data.
if (!(await isFree(port, '0.0.0.0'))) {
  console.error(
    `[demo] port ${port} is in use (is \`pnpm start\` running?); stop it or choose another port, e.g. PORT=${port + 1} pnpm demo`,
  );
  process.exit(1);
}
const pgPort = Number(env.EMBEDDED_PG_PORT ?? (await freePortFrom(5599)));

const app = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
  cwd: root,
  env: { ...env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort) },
  stdio: 'inherit',
});
app.on('error', (err) => {
  console.error(`[demo] could not start OrGo: ${err.message}`);
  process.exit(1);
});
// Ctrl-C reaches the whole process group; wait for the API to stop its PostgreSQL.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => app.kill(sig));
let failed = false;
app.on('exit', (code, signal) => process.exit(failed ? 1 : (code ?? (signal ? 0 : 1))));
/** Stops OrGo (and its PostgreSQL) after a demo step failed; exits 1 once it is down. */
function fail(message) {
  console.error(`[demo] ${message}`);
  failed = true;
  app.kill('SIGINT');
  return new Promise(() => undefined);
}

const origin = env.PUBLIC_ORIGIN ?? `http://localhost:${port}`;
const baseUrl = `http://127.0.0.1:${port}`;
await waitReady(baseUrl);

let accounts;
if (existsSync(marker)) {
  ({ accounts } = JSON.parse(readFileSync(marker, 'utf8')));
} else {
  // Built by start.mjs just now; CommonJS, so loaded through require.
  const require = createRequire(join(root, 'apps/api/package.json'));
  const { seedDemo } = require('./dist/tools/demo-seed.js');
  const { embeddedDatabaseUrl } = require('./dist/infra/database/embedded-postgres.js');
  const databaseUrl = embeddedDatabaseUrl(pgPort);
  if (await hasUsers(require, databaseUrl)) {
    await fail(
      `${dataDir} holds accounts but no finished demo (an earlier first start was interrupted); delete that directory and run pnpm demo again`,
    );
  }
  say('first start: creating the demo community (a few seconds)…');
  const started = Date.now();
  try {
    const result = await seedDemo({ baseUrl, databaseUrl, log: (line) => say(line) });
    accounts = result.accounts;
    writeFileSync(marker, JSON.stringify({ accounts, password: result.password }, null, 2));
    say(`done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (err) {
    await fail(
      `creating the demo community failed: ${err.message}\n[demo] delete ${dataDir} and run pnpm demo again`,
    );
  }
}
const { password } = JSON.parse(readFileSync(marker, 'utf8'));
console.log(
  [
    '',
    `  OrGo demo community: ${origin}   (data in ${dataDir})`,
    `  Sign in with any of these, password ${password}`,
    ...accounts.map((a) => `    ${a.email.padEnd(24)} ${a.nickname}`),
    '  Ctrl-C stops it; `pnpm demo` again brings the same community back.',
    '',
  ].join('\n'),
);

async function waitReady(url) {
  // The first start builds what is stale and initialises PostgreSQL: give it a few minutes.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await fail('OrGo did not become ready within 5 minutes');
}

async function hasUsers(require, databaseUrl) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query('SELECT 1 FROM app_user LIMIT 1')).rowCount > 0;
  } finally {
    await db.end();
  }
}

function isFree(p, host) {
  return new Promise((done) => {
    const srv = createServer();
    srv.once('error', () => done(false));
    srv.listen(p, host, () => srv.close(() => done(true)));
  });
}

async function freePortFrom(from) {
  for (let p = from; p < from + 100; p++) if (await isFree(p, '127.0.0.1')) return p;
  throw new Error(`no free port in ${from}-${from + 99} for the demo's PostgreSQL`);
}
