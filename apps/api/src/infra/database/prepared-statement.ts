import { DatabaseError, type Pool, type QueryResultRow } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

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
export class PreparedStatement<R extends QueryResultRow> {
  constructor(
    private readonly name: string,
    private readonly text: string,
  ) {}

  async run(db: DataSource, values: unknown[]): Promise<R[]> {
    const pool = (db.driver as PostgresDriver).master as Pool;
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
