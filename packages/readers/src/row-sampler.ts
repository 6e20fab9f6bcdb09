import { allocateStratifiedSample } from '@bothub/stats';
import type { RandomGenerator } from '@bothub/stats';

/** More distinct values than this in the stratify column are pooled into one overflow stratum. */
export const MAX_STRATA = 100;
const OTHER = '\u0000other';

/** Decides, row by row, which rows a dataset keeps, and where (the slot) their values go in the column buffers. */
export interface RowSampler {
  /** Offers the next row (of the given stratum when stratified): its slot, or −1 when it is not kept (for now). */
  offer(stratum?: string): number;
  /** The kept slots in file order (null when every row was kept: slots 0..n−1), and how the sample was drawn. */
  finish(): { kept: Int32Array | null; sampledRows: number; totalRows: number; sampling?: string };
}

interface Stratum {
  readonly key: string;
  seen: number;
  capacity: number;
  readonly slots: number[];
}

/**
 * A streaming sampler of at most `sampleSize` rows. Uniform: one reservoir (Algorithm R), every `sampleSize`-subset
 * of the rows equally likely. Stratified: one reservoir per class of the stratify column, then proportional quotas
 * (largest remainder, at least one row per class: `allocateStratifiedSample`) drawn from each class's reservoir, so
 * class shares in the sample equal those of the file up to rounding. Memory stays bounded: when the reservoirs hold
 * more than 2·sampleSize rows, each is trimmed at random to 1.5 × its current proportional quota (at least min(1,000, sampleSize/400)
 * rows), so a class whose share later grows by more than half may end a little short of its quota (the description
 * says so). Rows are kept in file order.
 * @example
 * const sampler = createRowSampler({ sampleSize: 1000, rng: createRandom(1) });
 * const slot = sampler.offer(); // slot ≥ 0: store the row's values there
 */
export function createRowSampler(options: { sampleSize: number; rng: RandomGenerator; stratifyBy?: string; seed?: number }): RowSampler {
  const { sampleSize, rng, stratifyBy } = options;
  if (!Number.isInteger(sampleSize) || sampleSize < 1) throw new RangeError(`createRowSampler: sampleSize must be an integer ≥ 1, got ${sampleSize}`);
  const strata = new Map<string, Stratum>();
  const order: Stratum[] = [];
  const uniform: Stratum = { key: '', seen: 0, capacity: sampleSize, slots: [] };
  const freeSlots: number[] = [];
  let nextSlot = 0;
  let inUse = 0;
  let rowOfSlot = new Float64Array(1024);
  let rows = 0;
  const floor = Math.max(1, Math.min(1000, Math.floor(sampleSize / (4 * MAX_STRATA))));

  const stratumOf = (key: string): Stratum => {
    let stratum = strata.get(key);
    if (stratum === undefined) {
      if (strata.size >= MAX_STRATA - 1 && key !== OTHER) return stratumOf(OTHER);
      stratum = { key, seen: 0, capacity: sampleSize, slots: [] };
      strata.set(key, stratum);
      order.push(stratum);
    }
    return stratum;
  };

  const trim = (): void => {
    for (const stratum of order) {
      const capacity = Math.min(sampleSize, Math.max(floor, Math.ceil((1.5 * sampleSize * stratum.seen) / rows)));
      stratum.capacity = Math.min(stratum.capacity, capacity);
      const slots = stratum.slots;
      // A uniformly random subset of a uniform sample is a uniform sample.
      while (slots.length > stratum.capacity) {
        const k = rng.nextInt(slots.length);
        const slot = slots[k]!;
        slots[k] = slots[slots.length - 1]!;
        slots.pop();
        freeSlots.push(slot);
        inUse--;
      }
    }
  };

  return {
    offer(key?: string): number {
      const row = rows++;
      const stratum = stratifyBy === undefined ? uniform : stratumOf(key ?? '');
      stratum.seen++;
      let slot: number;
      if (stratum.slots.length < stratum.capacity) {
        slot = freeSlots.pop() ?? nextSlot++;
        stratum.slots.push(slot);
        inUse++;
      } else {
        const j = rng.nextInt(stratum.seen);
        if (j >= stratum.capacity) return -1;
        slot = stratum.slots[j]!;
      }
      if (slot >= rowOfSlot.length) {
        const next = new Float64Array(rowOfSlot.length * 2);
        next.set(rowOfSlot);
        rowOfSlot = next;
      }
      rowOfSlot[slot] = row;
      if (inUse > 2 * sampleSize + 2 * order.length) trim();
      return slot;
    },
    finish() {
      if (rows <= sampleSize) return { kept: null, sampledRows: rows, totalRows: rows };
      let kept: number[];
      let sampling: string;
      if (stratifyBy === undefined) {
        kept = uniform.slots.slice();
        sampling = `uniform reservoir sample, ${kept.length} of ${rows} rows`;
      } else {
        const quotas = allocateStratifiedSample(
          order.map((s) => s.seen),
          sampleSize,
        );
        kept = [];
        let short = 0;
        order.forEach((stratum, h) => {
          const slots = stratum.slots;
          const take = Math.min(quotas[h]!, slots.length);
          short += quotas[h]! - take;
          for (let i = 0; i < take; i++) {
            const j = i + rng.nextInt(slots.length - i);
            const slot = slots[j]!;
            slots[j] = slots[i]!;
            slots[i] = slot;
            kept.push(slot);
          }
        });
        const classes = strata.has(OTHER) ? `${MAX_STRATA - 1}+ classes, classes met after the first 99 pooled as one` : `${order.length} classes`;
        sampling =
          `stratified by ${stratifyBy} (${classes}, proportional), ${kept.length} of ${rows} rows` +
          (short > 0 ? `; ${short} rows short of the quotas because class shares shifted while reading` : '');
      }
      if (options.seed !== undefined) sampling += ` (seed ${options.seed})`;
      const result = Int32Array.from(kept).sort((a, b) => rowOfSlot[a]! - rowOfSlot[b]!);
      return { kept: result, sampledRows: result.length, totalRows: rows, sampling };
    },
  };
}
