import type { WindowSpec } from '../registry/model-schema.js';
import { checkWindowSpec } from './check-window-spec.js';

/** A time-window setting in epoch milliseconds, as the stores and the closer use it. */
export interface TimeWindowTiming {
  readonly sizeMs: number;
  readonly slideMs: number;
  /** How long after its end a window stays open for late records. */
  readonly latenessMs: number;
}

/**
 * The lateness of a time window when the model does not set one: 10 % of its size, rounded up to a second, so an
 * hourly window waits 6 minutes for stragglers and a daily one 2.4 hours.
 *
 * @example defaultLateness(3600); // 360
 */
export function defaultLateness(sizeSeconds: number): number {
  return Math.ceil(sizeSeconds / 10);
}

/**
 * The timing of a time-window setting; throws a RangeError for a count window or a setting checkWindowSpec rejects.
 *
 * @example timeWindowTiming({ kind: 'time', size: 3600, slide: 1800 }); // { sizeMs: 3_600_000, slideMs: 1_800_000, latenessMs: 360_000 }
 */
export function timeWindowTiming(spec: WindowSpec): TimeWindowTiming {
  if (spec.kind !== 'time') throw new RangeError(`timeWindowTiming: a ${spec.kind} window has no timing`);
  const problem = checkWindowSpec(spec);
  if (problem) throw new RangeError(`timeWindowTiming: window.${problem.field}: ${problem.reason}`);
  return { sizeMs: spec.size * 1000, slideMs: (spec.slide ?? spec.size) * 1000, latenessMs: (spec.lateness ?? defaultLateness(spec.size)) * 1000 };
}
