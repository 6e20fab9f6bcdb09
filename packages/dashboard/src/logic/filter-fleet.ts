import type { Status } from './status.js';
import { statusRank } from './status.js';

/** What the fleet table needs of a model (the `GET /api/v1/fleet` entry). */
export interface FleetRow {
  readonly name: string;
  readonly project: string;
  readonly task: string;
  readonly production: string | null;
  readonly status: Status;
  readonly monitors: readonly { readonly monitor: string; readonly status: Status }[];
  readonly traffic: { readonly lastHour: number; readonly lastDay: number; readonly lastRecordAt: number | null };
  readonly labelCoverage: number | null;
  readonly openAlerts: number;
}

export type FleetSortKey = 'status' | 'name' | 'traffic' | 'labelCoverage' | 'openAlerts' | 'lastRecordAt';

export interface FleetView {
  /** Matched against name, project and task, case-insensitively. */
  readonly query: string;
  /** Only models with this status; `all` for every one. */
  readonly status: Status | 'all';
  readonly sort: FleetSortKey;
  readonly descending: boolean;
}

const sortValue = (row: FleetRow, key: FleetSortKey): number | string => {
  switch (key) {
    case 'status':
      return statusRank(row.status);
    case 'name':
      return `${row.project}/${row.name}`;
    case 'traffic':
      return row.traffic.lastDay;
    case 'labelCoverage':
      return row.labelCoverage ?? -1;
    case 'openAlerts':
      return row.openAlerts;
    case 'lastRecordAt':
      return row.traffic.lastRecordAt ?? -1;
  }
};

/**
 * The fleet rows a view shows, in its order; ties break by name so the order is stable.
 *
 * @example
 * filterFleet(rows, { query: 'credit', status: 'all', sort: 'status', descending: false });
 */
export function filterFleet<Row extends FleetRow>(rows: readonly Row[], view: FleetView): Row[] {
  const query = view.query.trim().toLowerCase();
  const kept = rows.filter(
    (row) => (view.status === 'all' || row.status === view.status) && (query === '' || [row.name, row.project, row.task].some((v) => v.toLowerCase().includes(query))),
  );
  const direction = view.descending ? -1 : 1;
  return kept.sort((a, b) => {
    const x = sortValue(a, view.sort);
    const y = sortValue(b, view.sort);
    const order = x < y ? -1 : x > y ? 1 : 0;
    return order !== 0 ? order * direction : `${a.project}/${a.name}`.localeCompare(`${b.project}/${b.name}`);
  });
}
