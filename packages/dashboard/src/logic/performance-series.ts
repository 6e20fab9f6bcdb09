/** What the performance chart reads of one evaluated window. */
export interface WindowPerformance {
  readonly time: number;
  /** The report's `performance.current`, or null before labels allow any metric. */
  readonly current: Readonly<Record<string, { readonly value: number | null; readonly lower: number | null; readonly upper: number | null }>> | null;
}

export interface PerformanceSeries {
  readonly data: [number, number | null][];
  readonly band: [number, number | null, number | null][];
}

/** Metrics shown first when a window has them (the headline of each task). */
const PREFERRED = ['rocAuc', 'accuracy', 'f1', 'rmse', 'mae', 'r2'];

/**
 * The metrics some windows report, headline metrics first.
 *
 * @example
 * performanceMetrics([{ time: 1, current: { f1: …, rocAuc: … } }]); // ['rocAuc', 'f1']
 */
export function performanceMetrics(windows: readonly WindowPerformance[]): string[] {
  const names = new Set<string>();
  for (const w of windows) for (const name of Object.keys(w.current ?? {})) names.add(name);
  const rank = (n: string): number => (PREFERRED.includes(n) ? PREFERRED.indexOf(n) : PREFERRED.length);
  return [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * One metric's values and confidence intervals over windows, oldest first; a window without the metric gives a gap.
 *
 * @example
 * performanceSeries(windows, 'rocAuc'); // { data: [[t, 0.81]], band: [[t, 0.78, 0.84]] }
 */
export function performanceSeries(windows: readonly WindowPerformance[], metric: string): PerformanceSeries {
  const sorted = [...windows].sort((a, b) => a.time - b.time);
  return {
    data: sorted.map((w) => [w.time, w.current?.[metric]?.value ?? null]),
    band: sorted.map((w) => [w.time, w.current?.[metric]?.lower ?? null, w.current?.[metric]?.upper ?? null]),
  };
}
