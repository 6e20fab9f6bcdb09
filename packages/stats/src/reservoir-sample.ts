import type { RandomGenerator } from './random.js';
import { requireInteger } from './validate-input.js';

/** A streaming uniform sampler that keeps at most `capacity` items of a stream of unknown length. */
export interface ReservoirSampler<T> {
  /** Offers one item of the stream. */
  add(item: T): void;
  /** Offers a chunk of the stream, in order; equivalent to calling `add` on each item, but skips ahead without touching skipped items. */
  addMany(items: ArrayLike<T>): void;
  /**
   * A copy of the current sample: every `capacity`-subset of the items seen so far is equally likely.
   * The order of the returned items is the reservoir's slot order, not a random order.
   */
  sample(): T[];
  /** How many items have been offered so far. */
  readonly seen: number;
  /** The maximum sample size. */
  readonly capacity: number;
}

/**
 * Creates a reservoir sampler using Li's Algorithm L (ACM TOMS 20(4), 1994): after the reservoir fills, it draws the
 * gap to the next accepted item from a geometric distribution, so it uses O(k·(1 + log(N/k))) random numbers for a
 * stream of N items instead of Algorithm R's N. Items can arrive one at a time (`add`) or in chunks (`addMany`); for a
 * given seed both give the same sample. Memory O(capacity).
 * @param capacity the sample size k, an integer ≥ 1; when the stream has at most k items the sample is the whole stream.
 * @param rng the seeded random source.
 * @example
 * const sampler = createReservoirSampler<number>(100, createRandom(7));
 * sampler.addMany(firstChunk);
 * sampler.addMany(secondChunk);
 * sampler.sample(); // 100 items drawn uniformly without replacement from both chunks
 */
export function createReservoirSampler<T>(capacity: number, rng: RandomGenerator): ReservoirSampler<T> {
  requireInteger('createReservoirSampler', 'capacity', capacity, 1, 0xffffffff);
  const reservoir: T[] = [];
  let seen = 0;
  // W is distributed as the largest of k uniforms; `next` is the 0-based stream index of the next item to accept.
  let w = 1;
  let next = 0;

  // 1 − nextFloat() lies in (0, 1], so the logarithm is finite.
  const logUniform = (): number => Math.log(1 - rng.nextFloat());
  const advance = (): void => {
    w *= Math.exp(logUniform() / capacity);
    // Geometric gap with success probability W; log1p keeps precision when W is tiny (long streams).
    next += Math.floor(logUniform() / Math.log1p(-w)) + 1;
  };
  const fillOne = (item: T): void => {
    reservoir.push(item);
    seen++;
    if (seen === capacity) {
      w = Math.exp(logUniform() / capacity);
      next = seen + Math.floor(logUniform() / Math.log1p(-w));
    }
  };

  return {
    add(item: T): void {
      if (seen < capacity) {
        fillOne(item);
        return;
      }
      if (seen === next) {
        reservoir[rng.nextInt(capacity)] = item;
        advance();
      }
      seen++;
    },
    addMany(items: ArrayLike<T>): void {
      const length = items.length;
      let i = 0;
      while (i < length && seen < capacity) fillOne(items[i++]!);
      if (i === length) return;
      // `base` is the stream index of items[0].
      const base = seen - i;
      const end = base + length;
      while (next < end) {
        reservoir[rng.nextInt(capacity)] = items[next - base]!;
        advance();
      }
      seen = end;
    },
    sample(): T[] {
      return reservoir.slice();
    },
    get seen(): number {
      return seen;
    },
    get capacity(): number {
      return capacity;
    },
  };
}
