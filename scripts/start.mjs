#!/usr/bin/env node
// `pnpm start`: builds what is stale, then serves API + SPA on http://localhost:3000 in the embedded
// default (embedded PostgreSQL under .data/, in-process realtime, local media). Ctrl-C stops it all.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const builds = [
  { pkg: '@orgo/contracts', src: ['libs/contracts/src'], out: 'libs/contracts/dist/index.js' },
  {
    pkg: '@orgo/web',
    src: ['apps/web/src', 'apps/web/index.html', 'libs/contracts/src'],
    out: 'apps/web/dist/index.html',
  },
  { pkg: '@orgo/api', src: ['apps/api/src'], out: 'apps/api/dist/main.js' },
];
for (const b of builds) {
  const out = join(root, b.out);
  const srcTime = Math.max(
    ...b.src.map((s) =>
      statSync(join(root, s), { throwIfNoEntry: false })?.isDirectory()
        ? newest(join(root, s))
        : (statSync(join(root, s), { throwIfNoEntry: false })?.mtimeMs ?? 0),
    ),
  );
  if (existsSync(out) && statSync(out).mtimeMs >= srcTime) continue;
  console.log(`[orgo] building ${b.pkg}…`);
  try {
    execFileSync('pnpm', ['--filter', b.pkg, 'run', 'build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch (err) {
    const cause =
      err.status == null ? err.message : `exit code ${err.status}, its errors are above`;
    console.error(`[orgo] building ${b.pkg} failed (${cause}); fix it and run pnpm start again`);
    process.exit(1);
  }
}

const env = {
  ...process.env,
  PORT: process.env.PORT ?? '3000',
  DATA_DIR: process.env.DATA_DIR ?? join(root, '.data'),
};
env.PUBLIC_ORIGIN ??= `http://localhost:${env.PORT}`;
console.log(`[orgo] starting on ${env.PUBLIC_ORIGIN} (data in ${env.DATA_DIR})`);
const api = spawn(process.execPath, [join(root, 'apps/api/dist/main.js')], {
  cwd: root,
  env,
  stdio: 'inherit',
});

api.on('error', (err) => {
  console.error(`[orgo] could not start the API with ${process.execPath}: ${err.message}`);
  process.exit(1);
});

// Ctrl-C reaches the whole process group; the API shuts down its embedded PostgreSQL, we wait for it.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => api.kill(sig));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
