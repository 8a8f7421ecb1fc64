import { Batcher } from './batcher';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Batcher', () => {
  it('sends calls of one turn together and answers each its own result', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (xs) => {
        batches.push(xs);
        return xs.map((x) => x * 10);
      },
      { name: 'test', maxInFlight: 2, maxBatch: 100 },
    );
    const results = await Promise.all([1, 2, 3].map((x) => batcher.submit(x)));
    expect(results).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('queues while every slot is busy and takes the queue in one batch when one frees', async () => {
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>(
      async (xs) => {
        batches.push(xs);
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        return xs;
      },
      { name: 'test', maxInFlight: 1, maxBatch: 100 },
    );
    const first = batcher.submit(1);
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4].map((x) => batcher.submit(x));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    gates[0].resolve();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    gates[1].resolve();
    expect(await Promise.all(rest)).toEqual([2, 3, 4]);
  });

  it('splits at maxBatch and rejects every call of a failed batch only', async () => {
    const batcher = new Batcher<number, number>(
      async (xs) => {
        if (xs.includes(3)) throw new Error('boom');
        return xs;
      },
      { name: 'test', maxInFlight: 4, maxBatch: 2 },
    );
    const settled = await Promise.allSettled([1, 2, 3, 4].map((x) => batcher.submit(x)));
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'rejected',
    ]);
  });

  it('rejects when the batch answers the wrong number of results', async () => {
    const batcher = new Batcher<number, number>(async () => [1], {
      name: 'test',
      maxInFlight: 1,
      maxBatch: 10,
    });
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow(
      /1 results for 2 calls/,
    );
  });
});
