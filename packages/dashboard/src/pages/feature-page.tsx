import { formatNumber, formatPValue, formatShare } from '@bothub/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { windowReport } from '../api/bothub.js';
import { modelPath, useProject } from '../api/project.js';
import { useAlerts, useMetric, useWindow, useWindows } from '../api/queries.js';
import { Chart } from '../charts/chart.js';
import { distributionOption, timeSeriesOption } from '../charts/chart-options.js';
import { QueryState } from '../components/query-state.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatTime } from '../format/format-time.js';

/**
 * One feature: reference vs current distribution in a window (the latest by default), its drift statistic over
 * time, and its data-quality findings.
 *
 * @example
 * <Route path="/models/:model/features/:feature" element={<FeaturePage />} />
 */
export default function FeaturePage() {
  const { model, feature } = useParams() as { model: string; feature: string };
  const [search] = useSearchParams();
  const project = useProject();
  const windows = useWindows(model, project);
  const latest = windows.data?.windows.find((w) => w.status === 'evaluated' && w.segment === null)?.id ?? null;
  const windowId = search.get('window') ?? latest;
  const detail = useWindow(model, windowId, project);
  const drift = useMetric(model, { metric: 'drift.statistic', feature, project });
  const missing = useMetric(model, { metric: 'quality.missing_share', feature, project });
  const alerts = useAlerts({ model, project });
  const markers = (alerts.data?.alerts ?? []).filter((a) => a.feature === feature).map((a) => ({ time: a.evidence.time, label: a.evidence.reason, severity: a.severity }));
  const thresholdOn = drift.data?.points.at(-1);

  return (
    <section aria-labelledby="feature-title">
      <p className="crumbs">
        <Link to={modelPath(model, project)}>{model}</Link> › feature
      </p>
      <h1 id="feature-title">{feature}</h1>
      <div className="card">
        <h2>Drift statistic over time</h2>
        <Chart
          label={`Drift statistic of ${feature} per window`}
          height={200}
          option={timeSeriesOption({ series: [{ name: 'drift statistic', data: (drift.data?.points ?? []).map((p) => [p.time, p.value] as const) }], markers })}
        />
        {thresholdOn?.pValue !== null && thresholdOn?.pValue !== undefined && <p className="muted small">Latest p-value {formatPValue(thresholdOn.pValue)}</p>}
        <h3>Missing share</h3>
        <Chart label={`Missing share of ${feature} per window`} height={140} option={timeSeriesOption({ series: [{ name: 'missing share', data: (missing.data?.points ?? []).map((p) => [p.time, p.value] as const) }], share: true })} />
      </div>
      {windowId === null ? (
        <p className="muted">No evaluated window yet.</p>
      ) : (
        <QueryState query={detail}>
          {(d) => {
            const report = windowReport(d);
            const column = report?.columns[feature];
            if (!report || !column) return <p>The window ending {formatTime(d.window.endTime)} has no results for this feature.</p>;
            const option = distributionOption(column.distribution);
            const findings = report.dataQuality.findings.filter((f) => f.column === feature);
            const q = column.quality;
            return (
              <>
                <div className="card">
                  <h2>
                    Distribution: reference vs <Link to={modelPath(model, project, `/windows/${encodeURIComponent(d.window.id)}`)}>window ending {formatTime(d.window.endTime)}</Link>
                  </h2>
                  {option ? <Chart label={`Reference and current distribution of ${feature}`} height={260} option={option} /> : <p className="muted">No distribution for this column type.</p>}
                  {column.drift && (
                    <p>
                      {column.drift.test}: statistic {formatNumber(column.drift.statistic)}, p {formatPValue(column.drift.pValue)}
                      {column.drift.effectSize && `, ${column.drift.effectSize.name} ${formatNumber(column.drift.effectSize.value)}`} —{' '}
                      <StatusBadge status={column.drift.drifted === true ? 'warning' : column.drift.drifted === false ? 'ok' : 'insufficient_data'} /> <span className="muted small">{column.drift.threshold.description}</span>
                    </p>
                  )}
                </div>
                <div className="card">
                  <h2>Data quality</h2>
                  <table className="data" aria-label={`Quality of ${feature}`}>
                    <thead>
                      <tr>
                        <th scope="col"> </th>
                        <th scope="col" className="num">
                          Missing
                        </th>
                        <th scope="col" className="num">
                          Distinct
                        </th>
                        <th scope="col" className="num">
                          Mean
                        </th>
                        <th scope="col" className="num">
                          Min
                        </th>
                        <th scope="col" className="num">
                          Max
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {(['reference', 'current'] as const).map((side) => (
                        <tr key={side}>
                          <th scope="row">{side}</th>
                          <td className="num">{formatShare(q[side].missingShare)}</td>
                          <td className="num">{formatNumber(q[side].distinct)}</td>
                          <td className="num">{formatNumber(q[side].mean)}</td>
                          <td className="num">{formatNumber(q[side].min)}</td>
                          <td className="num">{formatNumber(q[side].max)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="small">
                    Out of range {formatShare(q.outOfRangeShare)} · unseen categories {formatShare(q.unseenCategoryShare)}
                    {q.unseenCategories.length > 0 && ` (${q.unseenCategories.join(', ')})`}
                  </p>
                  {findings.length === 0 ? (
                    <p>No findings for this feature.</p>
                  ) : (
                    <ul aria-label="Findings">
                      {findings.map((f) => (
                        <li key={f.code}>
                          <StatusBadge status={f.severity === 'info' ? 'insufficient_data' : f.severity} /> {f.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </>
            );
          }}
        </QueryState>
      )}
    </section>
  );
}
