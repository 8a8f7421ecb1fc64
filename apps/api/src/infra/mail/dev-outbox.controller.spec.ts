import { isLoopback } from './dev-outbox.controller';

describe('dev outbox access', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['192.168.0.10', false],
    ['::ffff:10.0.0.2', false],
    ['2001:db8::1', false],
    ['127.0.0.1.evil', false],
    [undefined, false],
  ])('%s → %s', (address, expected) => {
    expect(isLoopback(address)).toBe(expected);
  });
});
