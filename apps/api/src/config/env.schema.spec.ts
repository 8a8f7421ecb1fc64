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

  it('uses local disk unless a bucket is set, and wants S3 keys in pairs', () => {
    const env = parseEnv({});
    expect(env.S3_BUCKET).toBeUndefined();
    expect(env.S3_FORCE_PATH_STYLE).toBe(true);
    expect(() => parseEnv({ S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'id' })).toThrow(
      /S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/,
    );
    expect(() => parseEnv({ S3_KEY_PREFIX: 'no-slash' })).toThrow(/S3_KEY_PREFIX/);
  });

  it('takes mail settings: SMTP only as smtp(s)://, ten-minute codes by default', () => {
    const env = parseEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe('OrGo <no-reply@orgo.local>');
    expect(env.EMAIL_CODE_TTL_SEC).toBe(600);
    expect(env.PASSWORD_RESET_TTL_SEC).toBe(1800);
    expect(parseEnv({ SMTP_URL: 'smtps://user:pass@mail.example:465' }).SMTP_URL).toBe(
      'smtps://user:pass@mail.example:465',
    );
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL/);
  });

  it('lets a classroom sign up from one address and keeps a recent sign-in short', () => {
    const env = parseEnv({});
    expect(env.SIGNUP_PER_IP_PER_HOUR).toBeGreaterThanOrEqual(40);
    expect(env.SIGNUP_PER_EMAIL_PER_HOUR).toBe(5);
    expect(env.REAUTH_MAX_AGE_SEC).toBe(600);
    expect(() => parseEnv({ SIGNUP_PER_IP_PER_HOUR: '0' })).toThrow(/SIGNUP_PER_IP_PER_HOUR/);
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
