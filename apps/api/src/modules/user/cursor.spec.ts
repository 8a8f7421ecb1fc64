import { AppError } from '../../infra/http/app-error';
import { decodeCursor, encodeCursor } from './cursor';

describe('edge cursor', () => {
  const cursor = { at: '2026-01-02T03:04:05.123456Z', id: '0b6f5b8e-6a4d-4c1f-9a6e-0c2b1d3e4f5a' };

  it('round-trips without losing microseconds', () => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['millisecond time', encodeCursor({ ...cursor, at: '2026-01-02T03:04:05.123Z' })],
    ['bad id', encodeCursor({ ...cursor, id: "1' OR 1=1" })],
    ['extra part', Buffer.from(`${cursor.at}|${cursor.id}|x`).toString('base64url')],
    ['empty', ''],
  ])('refuses %s with a 400 validation error', (_name, raw) => {
    expect(() => decodeCursor(raw)).toThrow(AppError);
    try {
      decodeCursor(raw);
    } catch (err) {
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).code).toBe('COMMON_VALIDATION_FAILED');
    }
  });
});
