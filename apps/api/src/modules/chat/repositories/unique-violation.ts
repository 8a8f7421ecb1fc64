import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** A write refused by a unique constraint (this one, when named). */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driver = err.driverError as { code?: string; constraint?: string };
  return driver.code === UNIQUE_VIOLATION && (!constraint || driver.constraint === constraint);
}
