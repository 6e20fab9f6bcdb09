import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeWindowStarts } from './time-window-starts.js';
import { timeWindowTiming } from './time-window-timing.js';

const HOUR = 3_600_000;

describe('timeWindowStarts', () => {
  it('puts a record in the one hour that holds it when tumbling, with the end exclusive', () => {
    const hourly = timeWindowTiming({ kind: 'time', size: 3600 });
    expect(timeWindowStarts(5 * HOUR, hourly)).toEqual([5 * HOUR]);
    expect(timeWindowStarts(5 * HOUR + 0.5, hourly)).toEqual([5 * HOUR]);
    expect(timeWindowStarts(6 * HOUR - 1, hourly)).toEqual([5 * HOUR]);
    // Before the epoch, windows stay aligned (floor, not truncation).
    expect(timeWindowStarts(-1, hourly)).toEqual([-HOUR]);
  });

  it('puts a record in size / slide overlapping windows, oldest first', () => {
    const sliding = timeWindowTiming({ kind: 'time', size: 3600, slide: 900 });
    expect(timeWindowStarts(HOUR + 1000, sliding)).toEqual([0.25 * HOUR, 0.5 * HOUR, 0.75 * HOUR, HOUR]);
  });

  it('returns exactly the aligned windows [start, start + size) that contain the timestamp', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(1, 2, 3, 4, 6, 12), fc.integer({ min: 1, max: 600 }), (timestamp, overlap, slide) => {
        const timing = timeWindowTiming({ kind: 'time', size: slide * overlap, slide });
        const starts = timeWindowStarts(timestamp, timing);
        expect(starts).toHaveLength(overlap);
        for (const start of starts) {
          expect(Math.abs(start % timing.slideMs)).toBe(0);
          expect(start <= timestamp && timestamp < start + timing.sizeMs).toBe(true);
        }
        // The neighbours outside the list do not contain it.
        expect(starts[0]! - timing.slideMs + timing.sizeMs <= timestamp).toBe(true);
        expect(starts.at(-1)! + timing.slideMs > timestamp).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
