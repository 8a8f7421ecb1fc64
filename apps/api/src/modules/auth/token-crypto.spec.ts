import { newRefreshToken, sha256Hex, TokenSealer } from './token-crypto';

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
