const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * An epoch-ms time as `YYYY-MM-DD HH:MM` in UTC (the service's windows and alerts are in UTC), a dash for nothing.
 *
 * @example
 * formatTime(Date.UTC(2026, 0, 2, 3, 4)); // '2026-01-02 03:04'
 */
export function formatTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * How long ago `ms` was, in the largest whole unit: `just now`, `5 min ago`, `3 h ago`, `2 d ago`.
 *
 * @example
 * formatAgo(now - 90_000, now); // '1 min ago'
 */
export function formatAgo(ms: number | null | undefined, now: number): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'never';
  const seconds = Math.max(0, Math.round((now - ms) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
