import { formatNumber } from '@bothub/core';
import { Link, useSearchParams } from 'react-router';
import type { AlertFilter } from '../api/queries.js';
import { useAlerts, useModels } from '../api/queries.js';
import { QueryState } from '../components/query-state.js';
import { SeverityBadge } from '../components/status-badge.js';
import { formatTime } from '../format/format-time.js';

const STATUSES = ['firing', 'acknowledged', 'resolved'] as const;
const SEVERITIES = ['info', 'warning', 'critical'] as const;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined => allowed.find((a) => a === value);

/**
 * Alerts, newest first, filtered by status, severity and model (kept in the address).
 *
 * @example
 * <Route path="/alerts" element={<AlertsPage />} />
 */
export default function AlertsPage() {
  const [search, setSearch] = useSearchParams();
  const filter: AlertFilter = { model: search.get('model') ?? undefined, status: pick(search.get('status'), STATUSES), severity: pick(search.get('severity'), SEVERITIES) };
  const alerts = useAlerts(filter);
  const models = useModels();
  const nameOf = new Map((models.data?.models ?? []).map((m) => [m.id, m.name]));
  const set = (key: string, value: string) =>
    setSearch((s) => {
      const next = new URLSearchParams(s);
      if (value === '') next.delete(key);
      else next.set(key, value);
      return next;
    });

  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alerts</h1>
      <div className="controls">
        <label>
          Status{' '}
          <select value={filter.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">any</option>
            {STATUSES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Severity{' '}
          <select value={filter.severity ?? ''} onChange={(e) => set('severity', e.target.value)}>
            <option value="">any</option>
            {SEVERITIES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Model{' '}
          <select value={filter.model ?? ''} onChange={(e) => set('model', e.target.value)}>
            <option value="">any</option>
            {[...new Set((models.data?.models ?? []).map((m) => m.name))].map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
      </div>
      <QueryState query={alerts}>
        {({ alerts: rows }) =>
          rows.length === 0 ? (
            <p>No alerts match.</p>
          ) : (
            <table className="data" aria-label="Alerts">
              <thead>
                <tr>
                  <th scope="col">Severity</th>
                  <th scope="col">Status</th>
                  <th scope="col">Model</th>
                  <th scope="col">What</th>
                  <th scope="col">First fired</th>
                  <th scope="col">Last fired</th>
                  <th scope="col" className="num">
                    Fired
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <SeverityBadge severity={a.severity} />
                    </td>
                    <td>{a.status}</td>
                    <td>{nameOf.get(a.modelId) ?? a.modelId}</td>
                    <td>
                      <Link to={`/alerts/${encodeURIComponent(a.id)}`}>{a.evidence.reason}</Link>
                      <div className="muted small">
                        {a.evidence.metric}
                        {a.feature !== null && ` · ${a.feature}`}
                        {a.segment !== null && ` · segment ${a.segment}`} · value {formatNumber(a.evidence.value)}
                      </div>
                    </td>
                    <td>{formatTime(a.firstFiredAt)}</td>
                    <td>{formatTime(a.lastFiredAt)}</td>
                    <td className="num">{a.fireCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </section>
  );
}
