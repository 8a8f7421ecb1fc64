import * as msgpack from 'notepack.io';

const OPEN_BRACKET = 0x5b; // "["
const QUOTE = 0x22; // '"'

/**
 * The Redis adapter's message codec (`createAdapter(…, { parser })`). Broadcasts without binary
 * data travel as JSON, which V8 encodes and parses natively (MessagePack via notepack.io is done
 * in JavaScript and cost ~3 % of the API's CPU under chat load); a broadcast that carries
 * binary data keeps MessagePack, the adapter's default. The first byte tells them apart.
 *
 * A broadcast is `[uid, packet, opts]`, and every instance receives its own back from Redis,
 * where the adapter drops it after decoding it whole. `decode` reads only the uid of a JSON
 * message from an adapter of this process (`ownUids`) and hands back `[uid]`, which the adapter
 * drops the same way.
 */
//
// Rolling upgrades: an instance from before this parser decodes only MessagePack and throws on
// JSON, so instances older than this parser must not share a Redis with newer ones.
export class RedisAdapterParser {
  readonly ownUids = new Set<string>();

  encode(message: unknown): string | Buffer {
    return hasBinary(message) ? msgpack.encode(message) : JSON.stringify(message);
  }

  decode(message: Buffer): unknown {
    if (message[0] !== OPEN_BRACKET) return msgpack.decode(message);
    if (message[1] === QUOTE) {
      const end = message.indexOf(QUOTE, 2);
      if (end > 2 && end <= 66) {
        const uid = message.toString('latin1', 2, end);
        if (this.ownUids.has(uid)) return [uid];
      }
    }
    return JSON.parse(message.toString()) as unknown;
  }
}

/** True also for a value nested too deep to look through: MessagePack encodes anything. */
function hasBinary(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > 32) return true;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (hasBinary(item, depth + 1)) return true;
    return false;
  }
  // As Socket.IO decides: an object with toJSON is what toJSON returns (a Date: a string).
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return hasBinary(toJSON.call(value) as unknown, depth + 1);
  for (const key in value) {
    if (hasBinary((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
