/**
 * 1-based ranks with ties sharing their mean rank (as `rankWithTies` and scipy's `rankdata`), by an LSD radix
 * argsort on the IEEE-754 bits: O(n), fast enough for millions of rows. Values must not be NaN.
 * @example midranks(Float64Array.of(10, 20, 10)); // Float64Array [1.5, 3, 1.5]
 */
export function midranks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = argsortFloat64(values);
  const out = new Float64Array(n);
  for (let start = 0; start < n; ) {
    const v = values[order[start]!]!;
    let end = start + 1;
    while (end < n && values[order[end]!] === v) end++;
    // Positions start … end − 1 hold ranks start + 1 … end, whose mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) out[order[i]!] = rank;
    start = end;
  }
  return out;
}

/** Indices that sort `values` ascending (−0 and 0 adjacent), by four 16-bit LSD radix passes over sortable keys. */
function argsortFloat64(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    // −0 sorts with 0: the ranks only see value equality.
    bits[0] = values[i]! === 0 ? 0 : values[i]!;
    const h = words[1]!;
    const l = words[0]!;
    // Order-preserving map of IEEE-754 bits: flip every bit of negatives, only the sign bit of positives.
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const key = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(key[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const row = order[i]!;
      next[counts[(key[row]! >>> shift) & 0xffff]!++] = row;
    }
    [order, next] = [next, order];
  }
  return order;
}

/**
 * Pearson's r over a multiset of positions (NaN when either side is constant), clipped to [−1, 1].
 * @example pearsonOver(Float64Array.of(1, 2, 3), Float64Array.of(2, 4, 7), Int32Array.of(0, 1, 2)); // 0.9934…
 */
export function pearsonOver(x: ArrayLike<number>, y: ArrayLike<number>, positions: Int32Array): number {
  const m = positions.length;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < m; i++) {
    sx += x[positions[i]!]!;
    sy += y[positions[i]!]!;
  }
  const mx = sx / m;
  const my = sy / m;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    const dx = x[positions[i]!]! - mx;
    const dy = y[positions[i]!]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
