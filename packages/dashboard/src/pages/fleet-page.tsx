import { formatCount, formatShare } from '@bothub/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { modelPath } from '../api/project.js';
import { useFleet } from '../api/queries.js';
import { QueryState } from '../components/query-state.js';
import { SortHeader } from '../components/sort-header.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatAgo } from '../format/format-time.js';
import { useNow } from '../hooks/use-now.js';
import type { FleetSortKey, FleetView } from '../logic/filter-fleet.js';
import { filterFleet } from '../logic/filter-fleet.js';
import type { Status } from '../logic/status.js';
import { STATUS_LABELS, STATUS_ORDER } from '../logic/status.js';

const MONITORS = ['drift', 'quality', 'performance', 'anomaly', 'fairness'] as const;

/**
 * Every model with its health per monitor, traffic, label coverage and open alerts; sortable and filterable.
 *
 * @example
 * <Route path="/" element={<FleetPage />} />
 */
export function FleetPage() {
  const fleet = useFleet();
  const [view, setView] = useState<FleetView>({ query: '', status: 'all', sort: 'status', descending: false });
  const sortBy = (sort: FleetSortKey) => setView((v) => ({ ...v, sort, descending: v.sort === sort ? !v.descending : sort !== 'name' && sort !== 'status' }));
  const now = useNow(30_000);

  return (
    <section aria-labelledby="fleet-title">
      <h1 id="fleet-title">Fleet</h1>
      <div className="controls">
        <label>
          Search <input type="search" value={view.query} onChange={(e) => setView({ ...view, query: e.target.value })} placeholder="model, project or task" />
        </label>
        <label>
          Status{' '}
          <select value={view.status} onChange={(e) => setView({ ...view, status: e.target.value as Status | 'all' })}>
            <option value="all">all</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={fleet}>
        {({ models }) => {
          const rows = filterFleet(models, view);
          if (models.length === 0) return <p>No models yet. Register one under Registry, or run <code>bothub demo</code>.</p>;
          return (
            <table className="data" aria-label="Models">
              <thead>
                <tr>
                  <SortHeader label="Model" sortKey="name" view={view} onSort={sortBy} />
                  <SortHeader label="Status" sortKey="status" view={view} onSort={sortBy} />
                  {MONITORS.map((m) => (
                    <th key={m} scope="col">
                      {m}
                    </th>
                  ))}
                  <SortHeader label="Records (24 h)" sortKey="traffic" view={view} onSort={sortBy} numeric />
                  <SortHeader label="Last record" sortKey="lastRecordAt" view={view} onSort={sortBy} />
                  <SortHeader label="Label coverage" sortKey="labelCoverage" view={view} onSort={sortBy} numeric />
                  <SortHeader label="Open alerts" sortKey="openAlerts" view={view} onSort={sortBy} numeric />
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.project}/${row.name}`}>
                    <th scope="row">
                      <Link to={modelPath(row.name, row.project)}>{row.name}</Link>
                      <div className="muted small">
                        {row.project} · {row.task.replaceAll('_', ' ')} · production {row.production ?? '—'}
                      </div>
                    </th>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    {MONITORS.map((m) => {
                      const monitor = row.monitors.find((x) => x.monitor === m);
                      return <td key={m}>{monitor ? <StatusBadge status={monitor.status} /> : <span className="muted">—</span>}</td>;
                    })}
                    <td className="num">
                      {formatCount(row.traffic.lastDay)}
                      <div className="muted small">{formatCount(row.traffic.lastHour)} last hour</div>
                    </td>
                    <td>{formatAgo(row.traffic.lastRecordAt, now)}</td>
                    <td className="num">{formatShare(row.labelCoverage)}</td>
                    <td className="num">{row.openAlerts > 0 ? <Link to={`/alerts?model=${encodeURIComponent(row.name)}`}>{row.openAlerts}</Link> : 0}</td>
                  </tr>
                ))}
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={6 + MONITORS.length}>No model matches.</td>
                  </tr>
                )}
              </tbody>
            </table>
          );
        }}
      </QueryState>
    </section>
  );
}
