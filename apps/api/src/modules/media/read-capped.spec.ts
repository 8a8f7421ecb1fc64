import { Readable } from 'node:stream';
import { readCapped } from './read-capped';

function chunks(count: number, size: number) {
  let produced = 0;
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < count; i++) {
        produced++;
        yield Buffer.alloc(size, i);
      }
    })(),
  );
  return { stream, produced: () => produced };
}

describe('readCapped', () => {
  it('returns everything up to and including the limit', async () => {
    const { stream } = chunks(4, 25);
    expect((await readCapped(stream, 100)).length).toBe(100);
  });

  it('fails with MEDIA_TOO_LARGE as soon as the limit is passed, without reading on', async () => {
    const { stream, produced } = chunks(1000, 10);
    await expect(readCapped(stream, 95)).rejects.toMatchObject({
      code: 'MEDIA_TOO_LARGE',
      status: 413,
    });
    expect(produced()).toBeLessThan(20);
    expect(stream.destroyed).toBe(true);
  });
});
