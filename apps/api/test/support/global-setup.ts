import { randomBytes } from 'node:crypto';
import { runMigrations } from '../../src/infra/database/migrate';
import { createScratchDatabase } from '../../src/tools/scratch-db';
import { serviceEnv, writeState } from './env';

/** One fresh, migrated database and one Redis key prefix per e2e run. */
export default async function globalSetup(): Promise<void> {
  const env = serviceEnv();
  const scratch = await createScratchDatabase(env.DATABASE_URL, 'orgo_e2e');
  await runMigrations(scratch.url);
  writeState({
    databaseUrl: scratch.url,
    adminUrl: env.DATABASE_URL,
    redisPrefix: `orgo-e2e-${randomBytes(4).toString('hex')}:`,
    jwtSecret: randomBytes(32).toString('hex'),
  });
}
