import { AppError } from '../app-error';
import { decodeCursor, encodeCursor } from './keyset-cursor';

const id = '0b6f5b8e-6a4d-4c1f-9a6e-0c2b1d3e4f5a';
const raw = (text: string) => Buffer.from(text).toString('base64url');

function expect400(fn: () => unknown): void {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(AppError);
  expect((thrown as AppError).status).toBe(400);
  expect((thrown as AppError).code).toBe('COMMON_VALIDATION_FAILED');
  expect((thrown as AppError).errors?.[0].field).toBe('cursor');
}

describe('keyset cursor', () => {
  it.each([
    ['timestamp', '2026-01-02T03:04:05.123456Z'],
    ['timestamp', '2024-02-29T23:59:59.999999Z'],
    ['micros', '1767323045123456'],
    ['micros', '0'],
  ] as const)('round-trips a %s key exactly', (kind, key) => {
    expect(decodeCursor(encodeCursor({ key, id }), kind)).toEqual({ key, id });
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['empty', ''],
    ['millisecond time', raw(`2026-01-02T03:04:05.123Z|${id}`)],
    ['month 13', raw(`2026-13-02T03:04:05.123456Z|${id}`)],
    ['30 February', raw(`2026-02-30T03:04:05.123456Z|${id}`)],
    ['29 February of a common year', raw(`2025-02-29T03:04:05.123456Z|${id}`)],
    ['hour 24', raw(`2026-01-02T24:00:00.000000Z|${id}`)],
    ['second 60', raw(`2026-01-02T03:04:60.000000Z|${id}`)],
    ['year 0', raw(`0000-01-02T03:04:05.123456Z|${id}`)],
    ['bad id', raw(`2026-01-02T03:04:05.123456Z|1' OR 1=1`)],
    ['extra part', raw(`2026-01-02T03:04:05.123456Z|${id}|x`)],
    ['a micros key', raw(`1767323045123456|${id}`)],
  ])('refuses a timestamp cursor with %s as a 400', (_name, cursor) => {
    expect400(() => decodeCursor(cursor, 'timestamp'));
  });

  it.each([
    ['a timestamp key', raw(`2026-01-02T03:04:05.123456Z|${id}`)],
    ['a negative key', raw(`-1|${id}`)],
    ['an 18-digit key', raw(`123456789012345678|${id}`)],
    ['a JSON array', raw(JSON.stringify(['1767323045123456', id]))],
  ])('refuses a micros cursor with %s as a 400', (_name, cursor) => {
    expect400(() => decodeCursor(cursor, 'micros'));
  });
});
