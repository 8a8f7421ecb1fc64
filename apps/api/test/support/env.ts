import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..', '..');
// Several checkouts (git worktrees) may share one .test-services; each keeps its own run state.
const checkout = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
const stateFile = join(repoRoot, '.test-services', `e2e-state.${checkout}.json`);

/** The real services the harness started (scripts/services.mjs writes env.json). */
export function serviceEnv(): Record<string, string> {
  const file = join(repoRoot, '.test-services', 'env.json');
  const fromFile = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>)
    : {};
  const env = { ...fromFile, ...pick(process.env, Object.keys(fromFile)) };
  for (const key of ['DATABASE_URL', 'REDIS_URL']) {
    if (!env[key])
      throw new Error(
        `${key} is not set: start the services with \`node scripts/services.mjs up\` (pnpm test does it).`,
      );
  }
  return env;
}

export interface E2eState {
  databaseUrl: string;
  adminUrl: string;
  redisPrefix: string;
  jwtSecret: string;
}

export function writeState(state: E2eState): void {
  writeFileSync(stateFile, JSON.stringify(state));
}

export function readState(): E2eState {
  return JSON.parse(readFileSync(stateFile, 'utf8')) as E2eState;
}

function pick(source: NodeJS.ProcessEnv, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => source[k]).map((k) => [k, source[k]!]));
}
