import { parseEnv } from './env.schema';

describe('env schema', () => {
  it('applies defaults for the embedded mode', () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.ACCESS_TOKEN_TTL_SEC).toBeLessThanOrEqual(900);
  });

  it('fails fast with every problem named', () => {
    expect(() =>
      parseEnv({ PORT: 'abc', ACCESS_TOKEN_TTL_SEC: '3600', JWT_SECRET: 'short' }),
    ).toThrow(
      /PORT[\s\S]*JWT_SECRET: JWT_SECRET must be at least 32 characters[\s\S]*ACCESS_TOKEN_TTL_SEC|PORT[\s\S]*ACCESS_TOKEN_TTL_SEC[\s\S]*JWT_SECRET/,
    );
  });

  it('requires a database and a secret in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: required in production[\s\S]*DATABASE_URL: required in production/,
    );
  });

  it('leaves social sign-in off by default and wants id and secret together', () => {
    const env = parseEnv({});
    expect(env.GITHUB_CLIENT_ID).toBeUndefined();
    expect(env.GOOGLE_ISSUER).toBe('https://accounts.google.com');
    expect(() => parseEnv({ GITHUB_CLIENT_ID: 'id' })).toThrow(
      /GITHUB_CLIENT_SECRET: required when GITHUB_CLIENT_ID is set/,
    );
    expect(() => parseEnv({ GOOGLE_CLIENT_SECRET: 'secret' })).toThrow(
      /GOOGLE_CLIENT_ID: required when GOOGLE_CLIENT_SECRET is set/,
    );
    expect(() => parseEnv({ GOOGLE_ISSUER: 'not a url' })).toThrow(/GOOGLE_ISSUER/);
  });
});
