import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/client';
import { freePort, startApi } from '../support/api-process';

/** The embedded default (`pnpm start`): its own PostgreSQL under DATA_DIR, no Redis, data kept across restarts. */
describe('embedded default mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'orgo-embedded-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with nothing installed, keeps accounts across a restart, and leaves no postgres behind', async () => {
    const pgPort = String(await freePort());
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: pgPort };
    const first = await startApi(env, { embedded: true });
    const c = new ApiClient(first.url);
    const ready = await c.get('/api/health/ready');
    expect(ready.body.checks).toEqual({ database: 'up', redis: 'disabled' });
    const { email, password } = await c.signup();
    expect(await first.stop('SIGINT')).toBe(0);

    const second = await startApi(env, { embedded: true });
    const again = new ApiClient(second.url);
    const login = await again.post('/api/auth/login', { email, password });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe(email);
    expect(await second.stop('SIGTERM')).toBe(0);

    // Nothing listens on the embedded port once the app has stopped.
    const probe = await fetch(`http://127.0.0.1:${pgPort}`).then(
      () => 'open',
      (err: Error & { cause?: { code?: string } }) => err.cause?.code ?? 'error',
    );
    expect(probe).toBe('ECONNREFUSED');
  }, 120_000);
});
