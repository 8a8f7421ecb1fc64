import { DatabaseError, type Pool, type QueryResultRow } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** A hot statement of fixed text, bound to the DataSource it runs on. */
export interface HotStatement<R extends QueryResultRow> {
  run(values: unknown[]): Promise<R[]>;
}

/**
 * A hot statement, chosen where its repository is built: a named prepared statement on TypeORM's
 * pool when `prepared` (PERF_PREPARED_STATEMENTS, on by default), otherwise `DataSource.query`
 * with an unnamed statement, as TypeORM sends every other query. Both answer the rows and fail
 * with TypeORM's `QueryFailedError` for what the database refused.
 */
export function hotStatement<R extends QueryResultRow>(
  db: DataSource,
  { name, text, prepared }: { name: string; text: string; prepared: boolean },
): HotStatement<R> {
  if (prepared) return new PreparedStatement<R>(db, name, text);
  return { run: (values) => db.query<R[]>(text, values) };
}

/**
 * A hot statement sent as a named prepared statement on the connection pool TypeORM uses:
 * Postgres parses it once per connection and, after a few runs, keeps a generic plan, instead
 * of parsing and planning it on every call as `DataSource.query` does. The round trip also skips
 * TypeORM's query runner. Errors are TypeORM's `QueryFailedError`, as from `DataSource.query`.
 *
 * For statements whose text never changes and that run outside a transaction. A migration that
 * changes what such a statement returns needs the API restarted (pooled connections keep the
 * old plan); a pooler in front of Postgres must support protocol-level prepared statements.
 */
export class PreparedStatement<R extends QueryResultRow> implements HotStatement<R> {
  constructor(
    private readonly db: DataSource,
    private readonly name: string,
    private readonly text: string,
  ) {}

  async run(values: unknown[]): Promise<R[]> {
    const pool = (this.db.driver as PostgresDriver).master as Pool;
    try {
      const result = await pool.query<R>({ name: this.name, text: this.text, values });
      return result.rows;
    } catch (err) {
      // Like DataSource.query: only what the database answered is a QueryFailedError; a lost
      // connection stays what it is, so callers do not take it for a refused statement.
      if (err instanceof DatabaseError) throw new QueryFailedError(this.text, values, err);
      throw err;
    }
  }
}
