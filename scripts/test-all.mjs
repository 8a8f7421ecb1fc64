#!/usr/bin/env node
// The one test line (`pnpm test`): every check runs even after a failure, the services are torn
// down in `finally`, and the last line is `N passed, N failed` (test counts from the runners'
// JSON reports; a failing non-test step counts as one failure).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPORTS = path.join(ROOT, 'test-results');
const ENV_FILE = path.join(ROOT, '.test-services', 'env.json');
const SERVICES = path.join(ROOT, 'scripts', 'services.mjs');
const BROWSER_API_PORT = 23000;
const BROWSER_DB = 'orgo_browser';
const MIN = 60_000;

const results = [];
let current;
let browserApi;
let stopping = false;

function fmt(ms) {
  return ms >= 60_000
    ? `${Math.floor(ms / 60_000)}m${((ms % 60_000) / 1000).toFixed(0)}s`
    : `${(ms / 1000).toFixed(1)}s`;
}

function banner(text) {
  console.log(`\n━━ ${text}`);
}

// Runs a command with inherited output; resolves with its exit code (a timeout kills it).
function exec(cmd, args, { env = {}, timeoutMs = 10 * MIN, cwd = ROOT } = {}) {
  if (stopping) return Promise.resolve(130);
  return new Promise((resolve) => {
    console.log(`$ ${[cmd, ...args].join(' ')}`);
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`!! ${cmd} timed out after ${fmt(timeoutMs)}; killing it`);
      killTree(child.pid, 'SIGKILL');
    }, timeoutMs);
    const finish = (code) => {
      clearTimeout(timer);
      current = undefined;
      resolve(code);
    };
    child.once('error', (err) => {
      console.error(`!! ${cmd}: ${err.message}`);
      finish(127);
    });
    child.once('close', (code, signal) => finish(timedOut ? 124 : (code ?? (signal ? 128 : 1))));
  });
}

function killTree(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* gone */
    }
  }
}

async function step(name, fn) {
  banner(name);
  const start = Date.now();
  let outcome;
  try {
    outcome = await fn();
  } catch (err) {
    console.error(`!! ${name}: ${err.stack ?? err}`);
    outcome = { ok: false, passed: 0, failed: 1 };
  }
  const ms = Date.now() - start;
  const result = { name, ms, ...outcome };
  results.push(result);
  const counts = result.counted ? `  ${result.passed} passed, ${result.failed} failed` : '';
  console.log(`${result.ok ? '✓' : '✗'} ${name} (${fmt(ms)})${counts}`);
  return result;
}

// A step that is not a test runner: success counts nothing, failure counts one.
async function commandStep(name, cmd, args, opts) {
  return step(name, async () => {
    const code = await exec(cmd, args, opts);
    return { ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1 };
  });
}

// A check that is itself one assertion (compose, OpenAPI drift, migration drift).
async function checkStep(name, cmd, args, opts) {
  return step(name, async () => {
    const code = await exec(cmd, args, opts);
    return {
      ok: code === 0,
      passed: code === 0 ? 1 : 0,
      failed: code === 0 ? 0 : 1,
      counted: true,
    };
  });
}

// Jest and Vitest both write numPassedTests / numFailedTests in their JSON reports.
function countsFrom(reportFile, code) {
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    if (passed + failed === 0 && (report.numTotalTests ?? 0) === 0) {
      console.error(`!! ${path.relative(ROOT, reportFile)}: the runner found no tests`);
      if (code === 0) failed = 1;
    }
  } catch {
    console.error(`!! no readable report at ${path.relative(ROOT, reportFile)}`);
  }
  // A non-zero exit without a counted failure (crash, compile error, no tests) is still a failure.
  if (code !== 0 && failed === 0) failed = 1;
  return { ok: code === 0 && failed === 0, passed, failed, counted: true };
}

async function testStep(name, reportName, cmd, args, opts) {
  return step(name, async () => {
    const report = path.join(REPORTS, `${reportName}.json`);
    fs.rmSync(report, { force: true });
    const code = await exec(cmd, [...args.map((a) => a.replace('{report}', report))], opts);
    return countsFrom(report, code);
  });
}

function servicesEnv() {
  try {
    return JSON.parse(fs.readFileSync(ENV_FILE, 'utf8'));
  } catch {
    return {};
  }
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function portOpen(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

// The built API serving the built SPA, as the browser tests expect it.
async function startBrowserApi(env) {
  if (await portOpen(BROWSER_API_PORT))
    throw new Error(`port ${BROWSER_API_PORT} is already in use`);
  const code = await exec(process.execPath, [SERVICES, 'createdb', BROWSER_DB]);
  if (code !== 0) throw new Error(`could not create database ${BROWSER_DB}`);
  const dbUrl = new URL(env.DATABASE_URL);
  dbUrl.pathname = `/${BROWSER_DB}`;
  const logFile = path.join(REPORTS, 'browser-api.log');
  const out = fs.openSync(logFile, 'w');
  const apiEnv = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: env.REDIS_URL,
    // A fresh key space per run: rate-limit counters (sign-ups per IP…) of an earlier run on this
    // machine must not leak into this one.
    REDIS_PREFIX: `orgo-browser-${Date.now().toString(36)}:`,
    SMTP_URL: env.SMTP_URL,
    PORT: String(BROWSER_API_PORT),
    WEB_DIST: path.join(ROOT, 'apps/web/dist'),
    NODE_ENV: 'test',
    PUBLIC_ORIGIN: `http://localhost:${BROWSER_API_PORT}`,
  };
  console.log(
    `$ node apps/api/dist/main.js  (PORT=${BROWSER_API_PORT}, log: ${path.relative(ROOT, logFile)})`,
  );
  if (stopping) throw new Error('interrupted');
  const api = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: ROOT,
    env: apiEnv,
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  let exited = false;
  browserApi = api;
  api.once('exit', () => {
    exited = true;
    browserApi = undefined;
  });
  const stop = async () => {
    if (exited) return;
    killTree(api.pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline) await sleep(100);
    if (!exited) killTree(api.pid, 'SIGKILL');
  };
  const ready = `http://localhost:${BROWSER_API_PORT}/api/health/ready`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) break;
    if ((await httpStatus(ready)) === 200) return stop;
    await sleep(300);
  }
  await stop();
  const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`the API did not answer ${ready} with 200 within 60s:\n${tail}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const started = Date.now();
  fs.mkdirSync(REPORTS, { recursive: true });
  const pnpm = 'pnpm';
  const node = process.execPath;

  try {
    if (!fs.existsSync(path.join(ROOT, 'node_modules')) || process.env.CI === 'true') {
      await commandStep('install', pnpm, ['install', '--frozen-lockfile']);
    }
    await commandStep('build contracts', pnpm, ['--filter', '@orgo/contracts', 'build']);
    await commandStep('build web', pnpm, ['--filter', '@orgo/web', 'build']);
    await commandStep('build api', pnpm, ['--filter', '@orgo/api', 'build']);
    await commandStep('format (prettier --check)', pnpm, ['exec', 'prettier', '--check', '.']);
    await commandStep('lint (eslint --max-warnings 0)', pnpm, [
      'exec',
      'eslint',
      '.',
      '--max-warnings',
      '0',
    ]);
    await commandStep('typecheck', pnpm, ['-r', 'typecheck']);
    await checkStep('docker compose check', node, ['scripts/check-compose.mjs']);
    await commandStep('services up', node, [SERVICES, 'up'], { timeoutMs: 15 * MIN });
    const env = servicesEnv();

    await testStep('api unit tests (jest)', 'api-unit', pnpm, [
      '--filter',
      '@orgo/api',
      'test',
      '--json',
      '--outputFile={report}',
    ]);
    await testStep(
      'api e2e tests (jest, real services)',
      'api-e2e',
      pnpm,
      ['--filter', '@orgo/api', 'test:e2e', '--json', '--outputFile={report}'],
      { env, timeoutMs: 12 * MIN },
    );
    await testStep('web tests (vitest)', 'web-unit', pnpm, [
      '--filter',
      '@orgo/web',
      'test',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json={report}',
    ]);
    await step('browser tests (vitest + chromium)', async () => {
      const stopApi = await startBrowserApi(env);
      try {
        const report = path.join(REPORTS, 'web-browser.json');
        fs.rmSync(report, { force: true });
        const code = await exec(
          pnpm,
          [
            '--filter',
            '@orgo/web',
            'test:browser',
            '--reporter=default',
            '--reporter=json',
            `--outputFile.json=${report}`,
          ],
          {
            env: { ...env, WEB_BASE_URL: `http://localhost:${BROWSER_API_PORT}` },
            timeoutMs: 8 * MIN,
          },
        );
        return countsFrom(report, code);
      } finally {
        await stopApi();
      }
    });
    await checkStep(
      'openapi drift check',
      pnpm,
      ['--filter', '@orgo/api', 'run', 'check:openapi'],
      {
        env,
      },
    );
    await checkStep(
      'migration drift check',
      pnpm,
      ['--filter', '@orgo/api', 'run', 'check:migrations'],
      { env },
    );
  } finally {
    if (process.env.ORGO_KEEP_SERVICES === '1')
      console.log('\nORGO_KEEP_SERVICES=1: services left running');
    else await commandStep('services down', node, [SERVICES, 'down']);
  }

  if (stopping) return;
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  banner(`summary (${fmt(Date.now() - started)} total)`);
  for (const r of results) {
    const counts = r.counted ? `${r.passed} passed, ${r.failed} failed` : r.ok ? '' : 'failed';
    console.log(`${r.ok ? '✓' : '✗'} ${r.name.padEnd(40)} ${fmt(r.ms).padStart(7)}  ${counts}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    stopping = true;
    for (const child of [current, browserApi]) if (child) killTree(child.pid, 'SIGTERM');
    console.log(`\n${signal}: stopping the current step and the services`);
    const down = spawn(process.execPath, [SERVICES, 'down'], { cwd: ROOT, stdio: 'inherit' });
    down.on('close', () => {
      console.log('interrupted: 0 passed, 1 failed');
      process.exit(130);
    });
  });
}

main().catch((err) => {
  console.error(err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
