import { ApiClient } from '../support/client';
import { ApiProcess, startApi } from '../support/api-process';
import { expectProblem } from '../support/expect-problem';

let api: ApiProcess;

jest.setTimeout(60_000);

beforeAll(async () => {
  // Small bars so that the test reaches them; the defaults let a classroom in (auth.e2e-spec).
  api = await startApi({ SIGNUP_PER_IP_PER_HOUR: '4', SIGNUP_PER_EMAIL_PER_HOUR: '2' });
});

afterAll(async () => {
  await api?.stop();
});

const signupBody = (email: string) => ({ email, password: 'good enough pass' });
const uniqueEmail = () => `limit-${Math.random().toString(36).slice(2)}@example.com`;

describe('sign-up limits', () => {
  it('refuses an address past its bar with 429 and Retry-After', async () => {
    const c = new ApiClient(api.url);
    for (let i = 0; i < 4; i++) await c.signup();
    const res = await c.post('/api/auth/signup', signupBody(uniqueEmail()));
    expectProblem(res, 429, 'COMMON_RATE_LIMITED');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      (await new ApiClient(api.url).post('/api/auth/signup', signupBody(uniqueEmail()))).status,
    ).toBe(201);
  });

  it('limits attempts per email from any address', async () => {
    const email = uniqueEmail();
    expect((await new ApiClient(api.url).post('/api/auth/signup', signupBody(email))).status).toBe(
      201,
    );
    expectProblem(
      await new ApiClient(api.url).post('/api/auth/signup', signupBody(email)),
      409,
      'AUTH_EMAIL_TAKEN',
    );
    expectProblem(
      await new ApiClient(api.url).post('/api/auth/signup', signupBody(email)),
      429,
      'COMMON_RATE_LIMITED',
    );
  });
});
