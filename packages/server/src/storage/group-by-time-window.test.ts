import { timeWindowTiming } from '@bothub/core';
import type { ValidRecord } from '@bothub/core';
import { describe, expect, it } from 'vitest';
import { groupByTimeWindow } from './group-by-time-window.js';

const HOUR = 3_600_000;

function record(id: string, timestamp: number, segment: string | null, versionId = 'v1'): ValidRecord {
  return { id, versionId, timestamp, features: {}, prediction: 1, score: null, label: null, segment };
}

describe('groupByTimeWindow', () => {
  it('counts a batch per window and series with its seq range, all segments first', () => {
    const timing = timeWindowTiming({ kind: 'time', size: 3600, lateness: 60 });
    const deltas = groupByTimeWindow(
      [
        { record: record('a', HOUR + 5, 'b'), seq: 10 },
        { record: record('b', 2 * HOUR, null), seq: 11 },
        { record: record('c', HOUR + 9, 'a'), seq: 12 },
        { record: record('d', HOUR + 1, 'b'), seq: 13 },
        { record: record('e', 0, null, 'v0'), seq: 14 },
      ],
      timing,
    );
    expect(deltas.map((d) => [d.versionId, d.segment, d.start / HOUR, d.count, d.minSeq, d.maxSeq])).toEqual([
      ['v0', null, 0, 1, 14, 14],
      ['v1', null, 1, 3, 10, 13],
      ['v1', null, 2, 1, 11, 11],
      ['v1', 'a', 1, 1, 12, 12],
      ['v1', 'b', 1, 2, 10, 13],
    ]);
    expect(deltas[1]).toMatchObject({ end: 2 * HOUR, closeAt: 2 * HOUR + 60_000 });
  });

  it('adds a record to every sliding window that holds it', () => {
    const timing = timeWindowTiming({ kind: 'time', size: 3600, slide: 1200 });
    const deltas = groupByTimeWindow([{ record: record('a', HOUR, null), seq: 1 }], timing);
    expect(deltas.map((d) => [d.start / HOUR, d.end / HOUR])).toEqual([
      [1 / 3, 4 / 3],
      [2 / 3, 5 / 3],
      [1, 2],
    ]);
  });
});
