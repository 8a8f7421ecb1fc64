import { AppError } from '../../infra/http/app-error';

/** A position in a list ordered by (created_at, id), both exactly as Postgres stores them. */
export interface EdgeCursor {
  /** Microsecond-precise UTC timestamp text; a JS Date would round it and skip rows. */
  at: string;
  id: string;
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: EdgeCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Opaque to clients; anything that does not decode to our shape is a 400, never a 500. */
export function decodeCursor(raw: string): EdgeCursor {
  const [at, id, ...rest] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  if (rest.length || !at || !id || !AT.test(at) || !UUID.test(id)) {
    throw new AppError('COMMON_VALIDATION_FAILED', 400, 'The cursor is not valid.', [
      { field: 'cursor', code: 'invalid', message: 'cursor must be a nextCursor from this list' },
    ]);
  }
  return { at, id };
}
