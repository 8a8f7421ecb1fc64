import { AppError } from '../app-error';

/** A position in a list ordered by (key, id): the last row of the page just served. */
export interface KeysetCursor {
  key: string;
  id: string;
}

/**
 * What a cursor's key holds: `timestamp` is microsecond-precise UTC text exactly as Postgres
 * renders it (a JS Date would round it and skip rows); `micros` is epoch microseconds.
 */
export type KeysetKey = 'micros' | 'timestamp';

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const MICROS = /^\d{1,17}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(`${cursor.key}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Opaque to clients; anything that does not decode to a real position is a 400, never a 500. */
export function decodeCursor(raw: string, kind: KeysetKey): KeysetCursor {
  const [key, id, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (rest.length || !key || !id || !UUID.test(id) || !isKey(key, kind)) throw cursorInvalid();
  return { key, id };
}

export function cursorInvalid(): AppError {
  return new AppError('COMMON_VALIDATION_FAILED', 400, 'The cursor is not valid.', [
    { field: 'cursor', code: 'invalid', message: 'cursor must be a nextCursor from this list' },
  ]);
}

function isKey(key: string, kind: KeysetKey): boolean {
  if (kind === 'micros') return MICROS.test(key);
  const m = TIMESTAMP.exec(key);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  // A calendar date that exists (no 30 February, no year 0) at a real time of day.
  const at = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    year >= 1 &&
    at.getUTCFullYear() === year &&
    at.getUTCMonth() === month - 1 &&
    at.getUTCDate() === day &&
    at.getUTCHours() === hour &&
    at.getUTCMinutes() === minute &&
    at.getUTCSeconds() === second
  );
}
