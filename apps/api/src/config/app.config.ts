import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Env, parseEnv } from './env.schema';
import { PerfSwitches } from './perf-switches';

/** Typed, validated configuration; injected as a class so nothing else reads process.env. */
export class AppConfig {
  readonly env: Env;
  readonly dataDir: string;
  readonly jwtSecret: string;
  readonly corsOrigins: string[];
  readonly mediaDir: string;
  readonly perf: PerfSwitches;

  constructor(env: Env) {
    this.env = env;
    this.dataDir = resolve(env.DATA_DIR);
    this.jwtSecret = env.JWT_SECRET ?? loadOrCreateSecret(this.dataDir);
    this.corsOrigins = [...new Set([env.PUBLIC_ORIGIN, ...env.CORS_ORIGINS])];
    this.mediaDir = resolve(env.MEDIA_DIR ?? join(this.dataDir, 'media'));
    this.perf = PerfSwitches.fromEnv(env);
  }

  static fromProcess(): AppConfig {
    return new AppConfig(parseEnv(process.env));
  }

  get isEmbeddedDb(): boolean {
    return !this.env.DATABASE_URL;
  }

  /** Readable log lines for a person at a terminal (`pnpm start`); JSON everywhere else. */
  get readableLogs(): boolean {
    if (this.env.LOG_FORMAT !== 'auto') return this.env.LOG_FORMAT === 'pretty';
    return this.env.NODE_ENV === 'development' && Boolean(process.stdout.isTTY);
  }

  get storageDriver(): 'local' | 's3' {
    return this.env.S3_BUCKET ? 's3' : 'local';
  }
}

// The embedded default keeps a generated secret so sessions survive restarts without any setup.
function loadOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
