/** The prose of the OpenAPI document: what every operation shares. */
export const OPENAPI_DESCRIPTION = [
  'REST API of OrGo, under `/api`.',
  '**Errors** are RFC 9457 problem details (`application/problem+json`) with a stable `code`, a `message`, `errors` naming each invalid field and the `requestId` of the request (also in `X-Request-Id`). Each operation lists the codes it can answer with, by status.',
  '**Rate limits.** Every request counts against a budget per user (with a Bearer token) or per IP (without); some operations have their own limits on top, described on them. Answers carry `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; over a limit the answer is 429 `COMMON_RATE_LIMITED` with `Retry-After` in seconds.',
  '**Auth.** `POST /api/auth/signup` or `/login` answers an access token (a JWT sent as `Authorization: Bearer <token>`, valid `expiresIn` seconds) and a refresh token. API clients get the refresh token in the body and trade it at `POST /api/auth/refresh` with `{ refreshToken }`. Browsers ask for `useCookie: true`: the refresh token is then only in the httpOnly `__Host-rt` cookie (SameSite=Strict), and `POST /api/auth/refresh` with that cookie needs the header `X-CSRF: 1` (and, when an `Origin` is sent, an allowed one). Every refresh rotates the token; reusing an old one ends the session (`AUTH_REFRESH_REUSED`). Social sign-in: `GET /api/auth/oauth/{provider}/start` → the provider → `…/callback` → the SPA at `/auth/callback#code=…`, which `POST /api/auth/oauth/exchange` trades for the same answer as login.',
  '**Realtime.** The Socket.IO namespaces and events are described by the AsyncAPI document at `/api/docs/asyncapi.json` (readable at `/api/docs/asyncapi`).',
].join('\n\n');

export const BEARER_AUTH =
  'The access token from sign-up, login, refresh or the OAuth exchange. When it expires (`AUTH_TOKEN_INVALID`), refresh it and retry once.';
