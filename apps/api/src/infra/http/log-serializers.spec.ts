import { DatabaseError } from 'pg';
import { stdSerializers } from 'pino';
import { QueryFailedError } from 'typeorm';
import { errorSerializer, redactUrl, requestSerializer } from './log-serializers';

const serialize = (err: Error) =>
  JSON.stringify(errorSerializer(stdSerializers.err(err) as unknown as Record<string, unknown>));

describe('log serializers', () => {
  it('redacts the signature of a signed media URL and OAuth codes, keeping the rest', () => {
    expect(redactUrl('/api/media/abc?exp=1700000000&sig=s3cr3t')).toBe(
      '/api/media/abc?exp=1700000000&sig=[redacted]',
    );
    expect(redactUrl('/api/auth/oauth/github/callback?code=c0de&state=st4te')).toBe(
      '/api/auth/oauth/github/callback?code=[redacted]&state=[redacted]',
    );
    expect(redactUrl('/api/chat/rooms?limit=20')).toBe('/api/chat/rooms?limit=20');
    expect(redactUrl('/api/users/me')).toBe('/api/users/me');
    const req = requestSerializer({
      url: '/api/media/k?sig=s3cr3t',
      query: { sig: 's3cr3t', exp: '1' },
    });
    expect(JSON.stringify(req)).not.toContain('s3cr3t');
    expect(req.query).toEqual({ sig: '[redacted]', exp: '1' });
  });

  it('keeps the parameters of a failed query out of the error, its message and its driver error', () => {
    const driver = Object.assign(
      new DatabaseError('invalid input syntax for type uuid: "secret-user-text"', 100, 'error'),
      { code: '22P02', detail: 'Key (email)=(secret@example.com) already exists.' },
    );
    const err = new QueryFailedError(
      'SELECT * FROM chat_post_messages($1, $2)',
      [['secret-user-text', 'other'], 'secret@example.com'],
      driver,
    );
    const line = serialize(err);
    expect(line).not.toContain('secret-user-text');
    expect(line).not.toContain('secret@example.com');
    expect(line).toContain('22P02');
    expect(line).toContain('chat_post_messages($1, $2)');
    expect(line).toContain('invalid input syntax for type uuid');
  });

  it('leaves other errors as they are', () => {
    const line = serialize(new Error('plain failure'));
    expect(line).toContain('plain failure');
  });
});
