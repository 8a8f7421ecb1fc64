import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ApiClient } from '../support/client';
import { freePort, runApiExpectingExit, startApi } from '../support/api-process';
import { repoRoot } from '../support/env';

const DEFAULT_PG_PORT = 5499;

/** Listens on the port so nothing else can; resolves to undefined when another process has it already. */
function hold(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(undefined));
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

function release(srv: Server | undefined): Promise<void> {
  return new Promise((resolve) => (srv ? srv.close(() => resolve()) : resolve()));
}

// Whether anything listens on the port (a stopped embedded PostgreSQL must leave nothing behind).
function probe(port: number): Promise<string> {
  return fetch(`http://127.0.0.1:${port}`).then(
    () => 'open',
    (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? 'error',
  );
}

/** The one line a failed start ends with, checked for being a cause rather than a crash. */
function failureLine(output: string): string {
  const lines = output.split('\n').filter((l) => l.startsWith('OrGo failed to start: '));
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/undefined/);
  expect(output).not.toMatch(/^\s+at /m);
  return lines[0];
}

/** The embedded default (`pnpm start`): its own PostgreSQL under DATA_DIR, no Redis, data kept across restarts. */
describe('embedded default mode', () => {
  const dataDirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'orgo-embedded-'));
    dataDirs.push(dir);
    return dir;
  };

  afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('starts with nothing installed, keeps accounts across a restart, and leaves no postgres behind', async () => {
    const pgPort = String(await freePort());
    const env = { DATA_DIR: newDataDir(), EMBEDDED_PG_PORT: pgPort };
    const first = await startApi(env, { embedded: true });
    const c = new ApiClient(first.url);
    const ready = await c.get('/api/health/ready');
    expect(ready.body.checks).toEqual({ database: 'up', redis: 'disabled' });
    const { email, password } = await c.signup();
    expect(await first.stop('SIGINT')).toBe(0);

    const second = await startApi(env, { embedded: true });
    const again = new ApiClient(second.url);
    const login = await again.post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe(email);
    expect(await second.stop('SIGTERM')).toBe(0);

    // Nothing listens on the embedded port once the app has stopped.
    expect(await probe(Number(pgPort))).toBe('ECONNREFUSED');
  }, 120_000);

  it('starts from a private (0700) directory, as root too, where PostgreSQL runs as another user', async () => {
    const privateDir = newDataDir();
    chmodSync(privateDir, 0o700);
    const dataDir = join(privateDir, 'data');
    const api = await startApi(
      { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) },
      { embedded: true },
    );
    const c = new ApiClient(api.url);
    expect((await c.get('/api/health/ready')).body.checks.database).toBe('up');
    await c.signup();
    expect(await api.stop('SIGTERM')).toBe(0);
    const moved = /keeps its data in ([^\s"]+)/.exec(api.output());
    if (process.getuid?.() === 0) {
      // The postgres user cannot enter the directory: the cluster lives where it can, and says so.
      expect(moved).not.toBeNull();
      expect(moved![1]).toMatch(/^\/var\/lib\/orgo\/data-[0-9a-f]{12}\/pg$/);
      expect(existsSync(join(moved![1], 'PG_VERSION'))).toBe(true);
      rmSync(dirname(moved![1]), { recursive: true, force: true });
    } else {
      expect(moved).toBeNull();
      expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);
    }
  }, 120_000);

  it('a fresh clone in a private (0700) directory: pnpm install, then pnpm start reaches ready', async () => {
    const privateDir = newDataDir();
    chmodSync(privateDir, 0o700);
    const clone = join(privateDir, 'orgo');
    execFileSync('git', ['clone', '--quiet', repoRoot, clone]);
    execFileSync('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], {
      cwd: clone,
      stdio: 'ignore',
      timeout: 180_000,
    });
    const port = await freePort();
    const env: Record<string, string | undefined> = { ...process.env, PORT: String(port) };
    for (const key of ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'EMBEDDED_PG_PORT', 'DATA_DIR'])
      delete env[key];
    // Its own process group: Ctrl-C at a terminal reaches `pnpm start` and everything it started.
    const start = spawn('pnpm', ['start'], { cwd: clone, env, detached: true });
    let output = '';
    start.stdout.on('data', (d: Buffer) => (output += d.toString()));
    start.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
    try {
      const deadline = Date.now() + 200_000;
      let ready = 0;
      while (Date.now() < deadline && start.exitCode === null && ready !== 200) {
        ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`).then(
          (r) => r.status,
          () => 0,
        );
        if (ready !== 200) await new Promise((r) => setTimeout(r, 500));
      }
      expect({ ready, output: ready === 200 ? '' : output }).toEqual({ ready: 200, output: '' });
      expect(output).not.toMatch(/EACCES|failed to start/);
    } finally {
      process.kill(-start.pid!, 'SIGINT');
      await exited;
      const moved = /keeps its data in ([^\s"]+)/.exec(output);
      if (moved) rmSync(dirname(moved[1]), { recursive: true, force: true });
    }
  }, 420_000);

  it('takes the next free port, and says which, when the default PostgreSQL port is taken', async () => {
    // Held by this test, or already by another process: either way the default is not free.
    const holder = await hold(DEFAULT_PG_PORT);
    try {
      const api = await startApi({ DATA_DIR: newDataDir() }, { embedded: true });
      const ready = await new ApiClient(api.url).get('/api/health/ready');
      expect(ready.body.checks).toEqual({ database: 'up', redis: 'disabled' });
      const said = /port 5499 is in use, so the embedded PostgreSQL uses port (\d+)/.exec(
        api.output(),
      );
      expect(said).not.toBeNull();
      const chosen = Number(said![1]);
      expect(chosen).toBeGreaterThan(DEFAULT_PG_PORT);
      expect(api.output()).toContain(`embedded PostgreSQL listening on 127.0.0.1:${chosen}`);
      expect(await api.stop('SIGTERM')).toBe(0);
      expect(await probe(chosen)).toBe('ECONNREFUSED');
    } finally {
      await release(holder);
    }
  }, 120_000);

  it('exits with one line naming EMBEDDED_PG_PORT when the port given is taken', async () => {
    const port = await freePort();
    const holder = await hold(port);
    try {
      const { code, output } = await runApiExpectingExit(
        { DATA_DIR: newDataDir(), EMBEDDED_PG_PORT: String(port) },
        { embedded: true },
      );
      expect(code).toBe(1);
      expect(failureLine(output)).toBe(
        `OrGo failed to start: EMBEDDED_PG_PORT=${port} is already in use by another process; stop it or choose a free port (e.g. EMBEDDED_PG_PORT=${port + 1})`,
      );
    } finally {
      await release(holder);
    }
  }, 120_000);

  it('exits with one line naming PORT when the HTTP port is taken, before starting PostgreSQL', async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    const holder = await hold(port);
    try {
      const { code, output } = await runApiExpectingExit(
        { DATA_DIR: newDataDir(), PORT: String(port), EMBEDDED_PG_PORT: String(pgPort) },
        { embedded: true },
      );
      expect(code).toBe(1);
      expect(failureLine(output)).toBe(
        `OrGo failed to start: port ${port} is already in use (another OrGo or another server); stop it or start on a free port, e.g. PORT=${port + 1} pnpm start`,
      );
      expect(output).not.toContain('initialising embedded PostgreSQL');
      expect(await probe(pgPort)).toBe('ECONNREFUSED');
    } finally {
      await release(holder);
    }
  }, 120_000);

  it('names an unreachable DATABASE_URL without its password', async () => {
    const port = await freePort();
    const { code, output } = await runApiExpectingExit({
      DATABASE_URL: `postgres://orgo:not-for-logs@127.0.0.1:${port}/orgo`,
    });
    expect(code).toBe(1);
    expect(failureLine(output)).toMatch(
      new RegExp(
        `^OrGo failed to start: the database at postgres://orgo:\\*\\*\\*@127\\.0\\.0\\.1:${port}/orgo could not be prepared: .*ECONNREFUSED`,
      ),
    );
    expect(output).not.toContain('not-for-logs');
  }, 60_000);
});
