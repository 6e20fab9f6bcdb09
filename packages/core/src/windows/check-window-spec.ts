import type { WindowSpec } from '../registry/model-schema.js';

/** Most time windows one record may belong to (`size / slide`): each is stored and evaluated on its own. */
export const TIME_WINDOW_MAX_OVERLAP = 100;

/** Why a window setting cannot be used: the field under `window` and the reason, for a 400 answer. */
export interface WindowSpecProblem {
  readonly field: 'size' | 'slide' | 'lateness';
  readonly reason: string;
}

/**
 * Checks the rules of a window setting that its JSON Schema cannot state; null when it is usable.
 * Time windows are aligned to multiples of `slide` since the epoch, so `size` must be a multiple of `slide` (every
 * window then holds whole slides) and a record belongs to `size / slide` windows, at most TIME_WINDOW_MAX_OVERLAP.
 *
 * @example
 * checkWindowSpec({ kind: 'time', size: 3600, slide: 900 }); // null
 * checkWindowSpec({ kind: 'time', size: 3600, slide: 1000 }); // { field: 'slide', reason: 'time windows need size (3600) to be a multiple of slide (1000)' }
 */
export function checkWindowSpec(spec: WindowSpec): WindowSpecProblem | null {
  if (spec.kind === 'count') {
    return spec.lateness === undefined ? null : { field: 'lateness', reason: 'only time windows have a lateness: count windows close on their last record' };
  }
  const slide = spec.slide ?? spec.size;
  if (slide > spec.size) return { field: 'slide', reason: `a time window's slide (${slide}) cannot exceed its size (${spec.size}): records between windows would be skipped` };
  if (spec.size % slide !== 0) return { field: 'slide', reason: `time windows need size (${spec.size}) to be a multiple of slide (${slide})` };
  if (spec.size / slide > TIME_WINDOW_MAX_OVERLAP) {
    return { field: 'slide', reason: `size / slide is ${spec.size / slide}: a record would be in more than ${TIME_WINDOW_MAX_OVERLAP} windows` };
  }
  return null;
}
