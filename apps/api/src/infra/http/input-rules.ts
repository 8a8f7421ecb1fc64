import type { FieldError } from '@orgo/contracts';
import { AppError } from './app-error';

/** Deeper than any DTO nests; a payload past it is refused before anything walks it again. */
export const MAX_INPUT_DEPTH = 32;

type StringWithWellFormed = string & { isWellFormed(): boolean };

/**
 * The rule every inbound string obeys, whatever the field: no U+0000 (Postgres text cannot hold it)
 * and no unpaired UTF-16 surrogate (not encodable as UTF-8). One pass over the parsed payload,
 * keys included, also bounding its depth. Returns the first offending field, or null.
 */
export function findUnsafeInput(value: unknown, depth = 0): FieldError | null {
  if (typeof value === 'string') return unsafeString(value, '');
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_INPUT_DEPTH)
    return { field: '', code: 'tooDeep', message: `nesting deeper than ${MAX_INPUT_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeInput(value[i], depth + 1);
      if (found) return prefixed(found, String(i));
    }
    return null;
  }
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const found =
      unsafeString(key, '') ?? findUnsafeInput((value as Record<string, unknown>)[key], depth + 1);
    if (found) return prefixed(found, key);
  }
  return null;
}

/** Throws the 400 every transport answers for `findUnsafeInput`'s findings. */
export function assertSafeInput(value: unknown, root = ''): void {
  const found = findUnsafeInput(value);
  if (found) throw unsafeInputError(root ? prefixed(found, root) : found);
}

export function unsafeInputError(found: FieldError): AppError {
  return new AppError('COMMON_VALIDATION_FAILED', 400, 'The request has invalid fields.', [found]);
}

function unsafeString(s: string, field: string): FieldError | null {
  if (s.indexOf('\u0000') !== -1)
    return { field, code: 'nullCharacter', message: 'text must not contain U+0000' };
  if (!(s as StringWithWellFormed).isWellFormed())
    return { field, code: 'unpairedSurrogate', message: 'text must be valid Unicode' };
  return null;
}

function prefixed(found: FieldError, key: string): FieldError {
  return { ...found, field: found.field ? `${key}.${found.field}` : key };
}
