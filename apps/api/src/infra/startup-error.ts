/**
 * A startup failure whose cause is known: its message is the one line printed (what went wrong and
 * how to fix it), without a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * What went wrong, for any thrown value: the message, else the error code (a connection refused on
 * both ::1 and 127.0.0.1 is an AggregateError with an empty message), else its inner errors.
 * `withStack` adds the stack trace, for failures nobody anticipated.
 */
export function describeError(err: unknown, withStack = false): string {
  if (err === undefined || err === null) return 'an unknown error (nothing was thrown with it)';
  if (!(err instanceof Error)) return typeof err === 'string' ? err : JSON.stringify(err);
  const code = (err as NodeJS.ErrnoException).code;
  let text = err.message || code || '';
  if (err instanceof AggregateError && err.errors.length) {
    const inner = [...new Set(err.errors.map((e: unknown) => describeError(e)))].join('; ');
    text = text ? `${text} (${inner})` : inner;
  }
  if (!text) text = err.name;
  return withStack && err.stack ? `${text}\n${err.stack.split('\n').slice(1).join('\n')}` : text;
}

/** A connection URL without its password, fit for a log line. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
