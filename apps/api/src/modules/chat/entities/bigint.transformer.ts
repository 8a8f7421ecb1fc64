import type { ValueTransformer } from 'typeorm';

/** bigint columns arrive from pg as strings; per-room sequences stay far below 2^53. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value == null ? value : Number(value)),
};
