import {
  digestsEqual,
  keyedHashHex,
  newNumericCode,
  newRefreshToken,
  sha256Hex,
  TokenSealer,
} from './token-crypto';

describe('token crypto', () => {
  it('makes 256-bit url-safe refresh tokens', () => {
    const t = newRefreshToken();
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(t).not.toEqual(newRefreshToken());
    expect(sha256Hex(t)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('round-trips a sealed successor and rejects tampering or another key', () => {
    const sealer = new TokenSealer('a'.repeat(40));
    const sealed = sealer.seal('successor-token');
    expect(sealer.open(sealed)).toBe('successor-token');
    expect(new TokenSealer('b'.repeat(40)).open(sealed)).toBeNull();
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(sealer.open([iv, tag, flipped.toString('base64url')].join('.'))).toBeNull();
  });
});

describe('one-time codes', () => {
  it('are six digits and hashed per user with the server secret', () => {
    for (let i = 0; i < 50; i++) expect(newNumericCode()).toMatch(/^\d{6}$/);
    const h = keyedHashHex('s'.repeat(32), 'user-1', '123456');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(digestsEqual(h, keyedHashHex('s'.repeat(32), 'user-1', '123456'))).toBe(true);
    expect(digestsEqual(h, keyedHashHex('s'.repeat(32), 'user-2', '123456'))).toBe(false);
    expect(digestsEqual(h, keyedHashHex('t'.repeat(32), 'user-1', '123456'))).toBe(false);
    expect(digestsEqual(h, 'abcd')).toBe(false);
  });
});
