import { batchSize } from '../health/metrics';

export interface BatcherOptions {
  /** Label of the orgo_db_batch_size metric. */
  name: string;
  /** Batches running at once; a call made while all are busy waits for the next batch. */
  maxInFlight: number;
  /** Calls per batch at most. */
  maxBatch: number;
}

interface Pending<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Coalesces concurrent calls into one round trip ("group commit"). Calls made in the same turn
 * of the event loop go out together once it has read all ready I/O; while `maxInFlight` batches
 * are running, new calls queue and the next free slot takes them all (up to `maxBatch`). Under
 * light load a call goes out alone one turn later; under heavy load batches grow, so round trips
 * (and the context switches each costs) stop growing with the number of calls.
 *
 * `run` answers one output per input, in order. If it throws, every call of that batch rejects
 * with the error (callers that need per-call errors make `run` answer them as outputs).
 */
export class Batcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly options: BatcherOptions,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      batchSize.observe({ batcher: this.options.name }, batch.length);
      this.inFlight++;
      void this.settle(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async settle(batch: Pending<I, O>[]): Promise<void> {
    try {
      const outputs = await this.run(batch.map((p) => p.input));
      if (outputs.length !== batch.length) {
        throw new Error(`batch answered ${outputs.length} results for ${batch.length} calls`);
      }
      batch.forEach((p, i) => p.resolve(outputs[i]));
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }
}
