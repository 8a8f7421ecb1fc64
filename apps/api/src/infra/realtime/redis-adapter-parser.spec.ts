import * as msgpack from 'notepack.io';
import { RedisAdapterParser } from './redis-adapter-parser';

const wire = (encoded: string | Buffer) =>
  typeof encoded === 'string' ? Buffer.from(encoded) : encoded;

const broadcast = (uid: string, data: unknown) => [
  uid,
  { type: 2, data: ['message.created', data], nsp: '/chat' },
  { rooms: ['room:1'], except: ['sid'], flags: {} },
];

describe('RedisAdapterParser', () => {
  it('sends a broadcast without binary data as JSON and reads it back whole', () => {
    const parser = new RedisAdapterParser();
    const message = broadcast('abc123', { id: 'm1', text: 'héllo "quoted" 👋', n: 1, ok: null });
    const encoded = parser.encode(message);
    expect(typeof encoded).toBe('string');
    expect(parser.decode(wire(encoded))).toEqual(message);
  });

  it('keeps MessagePack for binary data, at any depth', () => {
    const parser = new RedisAdapterParser();
    const message = broadcast('abc123', { photo: { bytes: Buffer.from([0, 1, 2, 255]) } });
    const encoded = parser.encode(message);
    expect(Buffer.isBuffer(encoded)).toBe(true);
    expect(parser.decode(wire(encoded))).toEqual(msgpack.decode(msgpack.encode(message)));
    let deep: unknown = new Uint8Array([1]);
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(Buffer.isBuffer(parser.encode(deep))).toBe(true);
  });

  it('still reads MessagePack from an instance that sends it', () => {
    const parser = new RedisAdapterParser();
    const message = broadcast('zzz999', { id: 'm1' });
    expect(parser.decode(msgpack.encode(message))).toEqual(message);
  });

  it("skips the body of this process's own broadcasts, and only those", () => {
    const parser = new RedisAdapterParser();
    parser.ownUids.add('mine01');
    expect(parser.decode(wire(parser.encode(broadcast('mine01', { id: 'm1' }))))).toEqual([
      'mine01',
    ]);
    const other = broadcast('theirs', { id: 'm2' });
    expect(parser.decode(wire(parser.encode(other)))).toEqual(other);
  });

  it('looks at what toJSON returns, as Socket.IO does', () => {
    const parser = new RedisAdapterParser();
    const wrapped = { toJSON: () => ({ bytes: Buffer.from([1, 2]) }) };
    expect(Buffer.isBuffer(parser.encode(broadcast('u', { wrapped })))).toBe(true);
  });

  it('encodes dates as JSON does', () => {
    const parser = new RedisAdapterParser();
    const at = new Date('2026-12-03T10:00:00.000Z');
    expect(parser.decode(wire(parser.encode(broadcast('u', { at }))))).toEqual(
      broadcast('u', { at: at.toISOString() }),
    );
  });
});
