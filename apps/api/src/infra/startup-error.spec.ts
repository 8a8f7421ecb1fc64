import { describeError, redactUrl } from './startup-error';

describe('describeError', () => {
  it('names the cause of any thrown value, never "undefined"', () => {
    expect(describeError(undefined)).toBe('an unknown error (nothing was thrown with it)');
    expect(describeError(null)).toBe('an unknown error (nothing was thrown with it)');
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError({ reason: 'x' })).toBe('{"reason":"x"}');
    expect(describeError(new Error('boom'))).toBe('boom');
  });

  it('falls back to the code, then to the inner errors of an AggregateError', () => {
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const both = Object.assign(
      new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]),
      {
        code: 'ECONNREFUSED',
      },
    );
    expect(describeError(both)).toBe(
      'ECONNREFUSED (connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432)',
    );
    expect(describeError(Object.assign(new Error(''), { code: 'EACCES' }))).toBe('EACCES');
  });

  it('adds the stack only when asked', () => {
    const err = new Error('unexpected');
    expect(describeError(err)).toBe('unexpected');
    expect(describeError(err, true)).toMatch(/^unexpected\n\s+at /);
  });
});

describe('redactUrl', () => {
  it('hides the password of a connection URL', () => {
    expect(redactUrl('postgres://orgo:secret@db:5432/orgo')).toBe(
      'postgres://orgo:***@db:5432/orgo',
    );
    expect(redactUrl('postgres://db/orgo')).toBe('postgres://db/orgo');
    expect(redactUrl('not a url with secret')).toBe('DATABASE_URL');
  });
});
