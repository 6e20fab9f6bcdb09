/** A monitor's or a metric point's status, as the service reports it. */
export type Status = 'ok' | 'warning' | 'critical' | 'insufficient_data';

/** Worst first: the order the fleet sorts by and badges rank in. */
export const STATUS_ORDER: readonly Status[] = ['critical', 'warning', 'ok', 'insufficient_data'];

/** The HTML report's status colours (packages/cli report-page.css), so both read alike. */
export const STATUS_COLORS: Readonly<Record<Status, { fg: string; bg: string }>> = {
  ok: { fg: '#15803d', bg: '#dcfce7' },
  warning: { fg: '#b45309', bg: '#fef3c7' },
  critical: { fg: '#b91c1c', bg: '#fee2e2' },
  insufficient_data: { fg: '#4b5563', bg: '#f3f4f6' },
};

/** Words for a status. */
export const STATUS_LABELS: Readonly<Record<Status, string>> = { ok: 'ok', warning: 'warning', critical: 'critical', insufficient_data: 'no data' };

/**
 * Severity rank of a status: 0 for critical … 3 for insufficient data.
 *
 * @example
 * statusRank('warning'); // 1
 */
export function statusRank(status: Status): number {
  return STATUS_ORDER.indexOf(status);
}

/**
 * The worst of some statuses (`insufficient_data` for none; any real status beats it).
 *
 * @example
 * worstStatus(['ok', 'warning', 'insufficient_data']); // 'warning'
 */
export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'insufficient_data';
  for (const s of statuses) if (statusRank(s) < statusRank(worst)) worst = s;
  return worst;
}
