#!/usr/bin/env node
// Regenerates the HTTP contract: apps/api/openapi.json from the controllers, then the web's types
// (libs/contracts/src/http/openapi.d.ts) from it, and the AsyncAPI document of the Socket.IO API
// (libs/contracts/src/realtime/asyncapi.json) from the contracts' event maps. With --check, fails
// when the committed files drift.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ASYNCAPI_PATH, asyncApiText } from './asyncapi.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const targets = {
  json: join(root, 'apps/api/openapi.json'),
  dts: join(root, 'libs/contracts/src/http/openapi.d.ts'),
  asyncapi: ASYNCAPI_PATH,
};
const tool = join(root, 'apps/api/dist/tools/openapi-tool.js');
if (!existsSync(tool)) {
  console.error('apps/api is not built: run `pnpm --filter @orgo/api build` first');
  process.exit(1);
}

const dir = check ? mkdtempSync(join(tmpdir(), 'orgo-openapi-')) : null;
const out = dir
  ? {
      json: join(dir, 'openapi.json'),
      dts: join(dir, 'openapi.d.ts'),
      asyncapi: join(dir, 'asyncapi.json'),
    }
  : targets;
execFileSync(process.execPath, [tool, out.json], { stdio: 'inherit' });
const bin = join(root, 'apps/web/node_modules/.bin/openapi-typescript');
execFileSync(bin, [out.json, '--output', out.dts], { stdio: ['ignore', 'ignore', 'inherit'] });
writeFileSync(out.asyncapi, asyncApiText());

if (!check) {
  console.log(
    'wrote apps/api/openapi.json, libs/contracts/src/http/openapi.d.ts and libs/contracts/src/realtime/asyncapi.json',
  );
  process.exit(0);
}
let drift = 0;
for (const key of ['json', 'dts', 'asyncapi']) {
  const committed = existsSync(targets[key]) ? readFileSync(targets[key], 'utf8') : '';
  if (committed !== readFileSync(out[key], 'utf8')) {
    console.error(
      `${targets[key].replace(root, '')} is stale: run \`pnpm gen:api\` and commit the result`,
    );
    drift++;
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(
  drift
    ? `openapi check: 0 passed, 1 failed`
    : 'openapi check: openapi.json, the web types and asyncapi.json are up to date',
);
process.exit(drift ? 1 : 0);
