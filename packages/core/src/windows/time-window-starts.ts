import type { TimeWindowTiming } from './time-window-timing.js';

/**
 * The starts (epoch ms) of the time windows holding a record, oldest first. Windows are [start, start + size) with
 * `start` a multiple of `slide` since the epoch, so every node and every restart assigns a record to the same windows;
 * a record is in `size / slide` of them (one when tumbling).
 *
 * @example
 * timeWindowStarts(5_400_000, { sizeMs: 3_600_000, slideMs: 1_800_000, latenessMs: 0 }); // [3_600_000, 5_400_000]
 */
export function timeWindowStarts(timestamp: number, timing: TimeWindowTiming): number[] {
  const latest = Math.floor(timestamp / timing.slideMs) * timing.slideMs;
  const count = timing.sizeMs / timing.slideMs;
  const starts: number[] = new Array<number>(count);
  for (let i = 0; i < count; i += 1) starts[i] = latest - (count - 1 - i) * timing.slideMs;
  return starts;
}
