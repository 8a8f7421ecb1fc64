/**
 * Log serializers that keep secrets and user content out of the logs: query parameters of signed
 * media URLs and OAuth callbacks in access logs, and the parameters of failed SQL statements.
 */

/** Query parameters whose values are capabilities or secrets (media signatures, OAuth codes). */
const SECRET_QUERY_PARAMS = new Set(['sig', 'token', 'code', 'state']);
const REDACTED = '[redacted]';

/** The URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return SECRET_QUERY_PARAMS.has(decoded.toLowerCase()) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q + 1)}${query}`;
}

interface SerializedReq {
  url?: string;
  query?: Record<string, unknown>;
  [key: string]: unknown;
}

/** pino-http `req` serializer (after the standard one): no secret query values. */
export function requestSerializer(req: SerializedReq): SerializedReq {
  if (typeof req.url === 'string') req.url = redactUrl(req.url);
  if (req.query && typeof req.query === 'object') {
    const query: Record<string, unknown> = { ...req.query };
    for (const key of Object.keys(query))
      if (SECRET_QUERY_PARAMS.has(key.toLowerCase())) query[key] = REDACTED;
    req.query = query;
  }
  return req;
}

type SerializedErr = Record<string, unknown>;

/** Database error fields that may quote a row's values (`detail`: "Key (email)=(…)"). */
const VALUE_FIELDS = ['detail', 'parameters', 'parameter', 'values'];

/**
 * pino `err` serializer (after the standard one): a failed query's parameters never reach the log,
 * neither as `parameters` nor quoted in the database's message (`invalid input syntax …: "…"`).
 */
export function errorSerializer(err: SerializedErr): SerializedErr {
  if (!err || typeof err !== 'object') return err;
  const secrets = stringsOf(err.parameters).sort((a, b) => b.length - a.length);
  scrub(err, secrets);
  if (err.driverError && typeof err.driverError === 'object') {
    scrub(err.driverError as SerializedErr, secrets);
  }
  return err;
}

function scrub(err: SerializedErr, secrets: string[]): void {
  for (const field of VALUE_FIELDS) delete err[field];
  for (const key of ['message', 'stack', 'where', 'hint']) {
    const value = err[key];
    if (typeof value === 'string' && secrets.length) err[key] = without(value, secrets);
  }
}

function without(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join(REDACTED);
  return out;
}

/** Every string value in a parameter list (arrays of a batch statement included). */
function stringsOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.length >= 3) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) stringsOf(v, out);
  }
  return out;
}
