/**
 * The part of time-window bookkeeping both adapters share: what one ingested batch adds to each window.
 */
import { timeWindowStarts } from '@bothub/core';
import type { TimeWindowTiming, ValidRecord } from '@bothub/core';

/** What a batch adds to one time window of one series (a version, all segments or one segment). */
export interface TimeWindowDelta {
  readonly versionId: string;
  /** null: the all-segments series. */
  readonly segment: string | null;
  /** Epoch ms; the window is [start, end). */
  readonly start: number;
  readonly end: number;
  /** When the window may close: its end plus the lateness. */
  readonly closeAt: number;
  count: number;
  minSeq: number;
  maxSeq: number;
}

/**
 * Groups a batch's accepted records by the time windows they fall in, for all segments and for each record's
 * segment, sorted by (version, segment, start) so concurrent writers touch rows in one order.
 *
 * @example
 * groupByTimeWindow([{ record, seq: 7 }], timeWindowTiming(model.window));
 * // [{ versionId, segment: null, start: 1_700_002_800_000, end: …, closeAt: …, count: 1, minSeq: 7, maxSeq: 7 }]
 */
export function groupByTimeWindow(accepted: readonly { readonly record: ValidRecord; readonly seq: number }[], timing: TimeWindowTiming): TimeWindowDelta[] {
  const deltas = new Map<string, TimeWindowDelta>();
  const add = (versionId: string, segment: string | null, start: number, seq: number): void => {
    // '' for all segments, ':' + segment for one: distinct even for an empty segment name.
    const key = `${versionId}\u0000${segment === null ? '' : `:${segment}`}\u0000${start}`;
    const delta = deltas.get(key);
    if (delta) {
      delta.count += 1;
      delta.minSeq = Math.min(delta.minSeq, seq);
      delta.maxSeq = Math.max(delta.maxSeq, seq);
    } else {
      const end = start + timing.sizeMs;
      deltas.set(key, { versionId, segment, start, end, closeAt: end + timing.latenessMs, count: 1, minSeq: seq, maxSeq: seq });
    }
  };
  for (const { record, seq } of accepted) {
    for (const start of timeWindowStarts(record.timestamp, timing)) {
      add(record.versionId, null, start, seq);
      if (record.segment !== null) add(record.versionId, record.segment, start, seq);
    }
  }
  return [...deltas.values()].sort((a, b) => compareText(a.versionId, b.versionId) || compareSegment(a.segment, b.segment) || a.start - b.start);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The all-segments series (null) first. */
function compareSegment(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  return b === null ? 1 : compareText(a, b);
}
