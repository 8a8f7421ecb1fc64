import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { toProblem } from './problem';

function queryFailed(code: string): QueryFailedError {
  const driver = Object.assign(new DatabaseError('failed', 10, 'error'), { code });
  return new QueryFailedError('SELECT 1', [], driver);
}

describe('problems of an unavailable dependency', () => {
  it.each([
    ['a lock wait past lock_timeout', queryFailed('55P03')],
    ['a statement past statement_timeout', queryFailed('57014')],
    ['a database shutting down', queryFailed('57P01')],
    ['a full pool', new Error('timeout exceeded when trying to connect')],
    ['a dead Redis', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a slow Redis', new Error('Command timed out')],
  ])('answers %s with 503, a stable code and Retry-After', (_what, err) => {
    const { body, headers } = toProblem(err, 'req-1');
    expect(body).toMatchObject({ status: 503, code: 'COMMON_SERVICE_UNAVAILABLE' });
    expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
  });

  it('keeps other database errors a 500', () => {
    expect(toProblem(queryFailed('23505')).body).toMatchObject({
      status: 500,
      code: 'COMMON_INTERNAL',
    });
    expect(toProblem(new Error('boom')).body.status).toBe(500);
  });
});

describe('problems of a value the database cannot hold', () => {
  it.each([
    ['a value longer than its column', '22001'],
    ['a number out of range', '22003'],
    ['a byte sequence Postgres refuses', '22021'],
  ])('answers %s with 400 COMMON_VALIDATION_FAILED', (_what, code) => {
    expect(toProblem(queryFailed(code)).body).toMatchObject({
      status: 400,
      code: 'COMMON_VALIDATION_FAILED',
    });
  });
});
