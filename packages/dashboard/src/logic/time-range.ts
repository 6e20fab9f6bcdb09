/** The ranges the model page offers. */
export const TIME_RANGES = [
  { id: '6h', label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 3_600_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { id: 'all', label: 'All time', ms: null },
] as const;

export type TimeRangeId = (typeof TIME_RANGES)[number]['id'];

/**
 * The `from` (epoch ms, as a string for the query) of a range ending at `now`; undefined for all time or an unknown id.
 *
 * @example
 * rangeStart('24h', Date.UTC(2026, 0, 2)); // String(Date.UTC(2026, 0, 1))
 */
export function rangeStart(id: string, now: number): string | undefined {
  const range = TIME_RANGES.find((r) => r.id === id);
  return range?.ms == null ? undefined : String(now - range.ms);
}

/**
 * Whether an id names a range (for values read from the address bar).
 *
 * @example
 * isTimeRangeId('7d'); // true
 */
export function isTimeRangeId(id: string | null): id is TimeRangeId {
  return TIME_RANGES.some((r) => r.id === id);
}
