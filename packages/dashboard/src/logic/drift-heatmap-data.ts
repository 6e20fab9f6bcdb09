import type { Status } from './status.js';
import { statusRank } from './status.js';

/** What the heatmap reads of a metric point (`drift.statistic` or `drift.effect_size`, one per feature and window). */
export interface DriftPoint {
  readonly feature: string | null;
  readonly windowId: string;
  readonly time: number;
  readonly value: number | null;
  readonly pValue: number | null;
  readonly status: Status;
}

/** `value`: the point's value as is; `negLog10P`: −log10 of its p-value (capped at 10), comparable across tests. */
export type HeatmapColour = 'value' | 'negLog10P';

export interface DriftHeatmapData {
  /** Rows, most often drifting first (then by name). */
  readonly features: string[];
  /** Columns, oldest first. */
  readonly windows: { readonly id: string; readonly time: number }[];
  /** [window index, feature index, colour value or '-' when there is none, status]. */
  readonly cells: [number, number, number | '-', Status][];
  /** The largest colour value (0 when there is none), for the colour scale. */
  readonly max: number;
}

const P_CAP = 10;

const colourOf = (point: DriftPoint, colour: HeatmapColour): number | null => {
  if (colour === 'value') return point.value;
  if (point.pValue === null) return null;
  return Math.min(P_CAP, -Math.log10(Math.max(point.pValue, 10 ** -P_CAP)));
};

/**
 * Shapes per-feature drift points into a features × windows grid for an ECharts heatmap. Points without a feature
 * are ignored; with several points for one cell (should not happen) the last wins. At most `maxWindows` newest windows.
 *
 * @example
 * const grid = driftHeatmapData(points, 'value');
 * // grid.cells[0] = [0, 2, 0.31, 'warning']
 */
export function driftHeatmapData(points: readonly DriftPoint[], colour: HeatmapColour, maxWindows = 120): DriftHeatmapData {
  const byWindow = new Map<string, number>();
  for (const p of points) if (p.feature !== null) byWindow.set(p.windowId, p.time);
  const windows = [...byWindow]
    .map(([id, time]) => ({ id, time }))
    .sort((a, b) => a.time - b.time || a.id.localeCompare(b.id))
    .slice(-maxWindows);
  const windowIndex = new Map(windows.map((w, i) => [w.id, i]));

  const flagged = new Map<string, number>();
  const kept = points.filter((p): p is DriftPoint & { feature: string } => p.feature !== null && windowIndex.has(p.windowId));
  for (const p of kept) flagged.set(p.feature, (flagged.get(p.feature) ?? 0) + (statusRank(p.status) <= statusRank('warning') ? 1 : 0));
  const features = [...flagged.keys()].sort((a, b) => (flagged.get(b) ?? 0) - (flagged.get(a) ?? 0) || a.localeCompare(b));
  const featureIndex = new Map(features.map((f, i) => [f, i]));

  const grid = new Map<string, [number, number, number | '-', Status]>();
  let max = 0;
  for (const p of kept) {
    const x = windowIndex.get(p.windowId)!;
    const y = featureIndex.get(p.feature)!;
    const value = colourOf(p, colour);
    if (value !== null && Number.isFinite(value)) max = Math.max(max, value);
    grid.set(`${x}:${y}`, [x, y, value === null || !Number.isFinite(value) ? '-' : value, p.status]);
  }
  return { features, windows, cells: [...grid.values()], max };
}
