import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { readState, repoRoot, serviceEnv } from './env';

export interface ApiProcess {
  url: string;
  origin: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

const nodeBin = process.execPath;

/**
 * The PERF_* switches of the test run's own environment, passed on to every API process, so that
 * a spec can be run once with a performance piece off (e.g. PERF_PREPARED_STATEMENTS=0).
 */
function perfSwitches(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[0].startsWith('PERF_') && e[1] !== undefined,
    ),
  );
}

/** Starts the built API (apps/api/dist/main.js) as a real process on a free port. */
export async function startApi(
  extraEnv: Record<string, string> = {},
  opts: { embedded?: boolean } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  let log = '';
  // The embedded default runs with no DATABASE_URL / REDIS_URL at all, exactly like `pnpm start`.
  const services = opts.embedded ? {} : sharedServices();
  const child = spawn(nodeBin, [join(repoRoot, 'apps/api/dist/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_ORIGIN: origin,
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '5',
      ...services,
      ...perfSwitches(),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  // E2E_API_LOG=1 shows what the API processes log while debugging a test.
  if (process.env.E2E_API_LOG) {
    child.stdout!.pipe(process.stderr);
    child.stderr!.pipe(process.stderr);
  }
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => log);
  return {
    url,
    origin,
    child,
    output: () => log,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        // A process killed by a signal has no exit code, only a signal code.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/**
 * Runs the built API where it is expected to fail at startup; resolves with its exit code and
 * output once it exits (it is killed if it is still running after 60 s).
 */
export async function runApiExpectingExit(
  extraEnv: Record<string, string>,
  opts: { embedded?: boolean } = {},
): Promise<{ code: number | null; output: string }> {
  const services = opts.embedded ? {} : sharedServices();
  const child = spawn(nodeBin, [join(repoRoot, 'apps/api/dist/main.js')], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '5',
      ...services,
      ...perfSwitches(),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

function sharedServices(): Record<string, string> {
  const state = readState();
  return {
    DATABASE_URL: state.databaseUrl,
    REDIS_URL: serviceEnv().REDIS_URL,
    REDIS_PREFIX: state.redisPrefix,
    JWT_SECRET: state.jwtSecret,
  };
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill('SIGKILL');
  throw new Error(`API did not become ready:\n${log()}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
