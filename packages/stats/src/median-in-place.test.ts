import { describe, expect, it } from 'vitest';
import { medianInPlace } from './median-in-place.js';
import { createRandom } from './random.js';

function sortedMedian(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

describe('medianInPlace', () => {
  it('equals the median of the sorted values for odd and even counts, with ties and sorted or reversed input', () => {
    const rng = createRandom(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + rng.nextInt(200);
      const levels = 1 + rng.nextInt(trial % 2 === 0 ? 5 : 1000);
      let values = Array.from({ length: n }, () => rng.nextInt(levels) - levels / 2);
      if (trial % 7 === 0) values = values.sort((a, b) => a - b);
      if (trial % 11 === 0) values = values.sort((a, b) => b - a);
      expect(medianInPlace(Float64Array.from(values))).toBe(sortedMedian(values));
    }
  });

  it('names the problem for an empty input', () => {
    expect(() => medianInPlace(new Float64Array(0))).toThrow(/medianInPlace: the input is empty/);
  });
});
