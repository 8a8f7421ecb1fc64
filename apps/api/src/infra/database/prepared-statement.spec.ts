import { DatabaseError } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { hotStatement } from './prepared-statement';

function fakeDataSource() {
  const poolQuery = jest.fn().mockResolvedValue({ rows: [{ n: 1 }] });
  const query = jest.fn().mockResolvedValue([{ n: 2 }]);
  const db = { driver: { master: { query: poolQuery } }, query } as unknown as DataSource;
  return { db, poolQuery, query };
}

const statement = { name: 'answer', text: 'SELECT $1::int AS n' };

describe('hotStatement', () => {
  it('runs a named prepared statement on the pool when prepared (the default)', async () => {
    const { db, poolQuery, query } = fakeDataSource();
    const rows = await hotStatement(db, { ...statement, prepared: true }).run([1]);
    expect(rows).toEqual([{ n: 1 }]);
    expect(poolQuery).toHaveBeenCalledWith({ ...statement, values: [1] });
    expect(query).not.toHaveBeenCalled();
  });

  it('answers what the database refused as a QueryFailedError', async () => {
    const { db, poolQuery } = fakeDataSource();
    poolQuery.mockRejectedValueOnce(new DatabaseError('refused', 0, 'error'));
    const lost = new Error('Connection terminated');
    poolQuery.mockRejectedValueOnce(lost);
    const run = () => hotStatement(db, { ...statement, prepared: true }).run([1]);
    await expect(run()).rejects.toBeInstanceOf(QueryFailedError);
    await expect(run()).rejects.toBe(lost);
  });

  it('with PERF_PREPARED_STATEMENTS off, is DataSource.query with an unnamed statement', async () => {
    const { db, poolQuery, query } = fakeDataSource();
    const rows = await hotStatement(db, { ...statement, prepared: false }).run([2]);
    expect(rows).toEqual([{ n: 2 }]);
    expect(query).toHaveBeenCalledWith(statement.text, [2]);
    expect(poolQuery).not.toHaveBeenCalled();
  });
});
