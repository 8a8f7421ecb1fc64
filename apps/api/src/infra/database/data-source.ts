import { join } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

const srcRoot = join(__dirname, '..', '..');

/**
 * Limits of the app's pooled connections, so a request fails fast (503) instead of waiting on a
 * blocked or overloaded database. Migrations run without them (they may wait for locks).
 */
export interface PoolTimeouts {
  /** Wait for a free pooled connection (pg `connectionTimeoutMillis`). */
  acquireMs: number;
  /** Postgres `lock_timeout`; 0 turns it off. */
  lockMs: number;
  /** Postgres `statement_timeout`; 0 turns it off. */
  statementMs: number;
}

/** Shared by the app, the migration tools and the tests: entities and migrations are found by path. */
export function dataSourceOptions(
  url: string,
  poolSize = 20,
  timeouts?: PoolTimeouts,
): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities: [join(srcRoot, 'modules/**/entities/*.entity.{js,ts}')],
    migrations: [join(srcRoot, 'infra/database/migrations/*.{js,ts}')],
    migrationsTableName: 'typeorm_migration',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Never TypeORM's query logging: a failed query's log line would carry its parameters (user
    // content, token hashes). Errors are logged by the filters, without parameters.
    logging: false,
    extra: {
      max: poolSize,
      application_name: 'orgo-api',
      ...(timeouts && {
        connectionTimeoutMillis: timeouts.acquireMs,
        // Sent as startup parameters: set once per connection, no round trip per query.
        ...(timeouts.lockMs > 0 && { lock_timeout: timeouts.lockMs }),
        ...(timeouts.statementMs > 0 && { statement_timeout: timeouts.statementMs }),
      }),
    },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize));
}
