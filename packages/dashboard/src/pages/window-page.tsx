import type { Report } from '@bothub/core';
import { formatCount, formatNumber, formatPValue, formatShare } from '@bothub/core';
import { Link, useParams } from 'react-router';
import { windowNotes, windowReport } from '../api/bothub.js';
import { modelPath, useProject } from '../api/project.js';
import { useWindow } from '../api/queries.js';
import { Chart } from '../charts/chart.js';
import { correlationOption } from '../charts/chart-options.js';
import { QueryState } from '../components/query-state.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatTime } from '../format/format-time.js';

const interval = (v: { lower: number | null; upper: number | null }): string => (v.lower === null || v.upper === null ? '' : `[${formatNumber(v.lower)}, ${formatNumber(v.upper)}]`);

function ReportSections({ model, report }: { readonly model: string; readonly report: Report }) {
  const columns = Object.entries(report.columns);
  const project = useProject();
  const windowId = useParams().window ?? null;
  const featureLink = (name: string): string => {
    const path = modelPath(model, project, `/features/${encodeURIComponent(name)}`);
    return windowId === null ? path : `${path}${path.includes('?') ? '&' : '?'}window=${encodeURIComponent(windowId)}`;
  };
  return (
    <>
      <div className={`card summary summary-${report.summary.verdict}`}>
        <h2>Summary</h2>
        <p>
          <strong>{report.summary.headline}</strong>
        </p>
        <ul>
          {report.summary.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
        <p className="muted small">
          Dataset drift: {formatShare(report.datasetDrift.driftedShare)} of {report.datasetDrift.columnsTested} columns drifted (threshold {formatShare(report.datasetDrift.threshold)})
          {report.datasetDrift.multivariate && ` · multivariate MMD² ${formatNumber(report.datasetDrift.multivariate.mmd2)}, p ${formatPValue(report.datasetDrift.multivariate.pValue)}`}
        </p>
      </div>

      <div className="card">
        <h2>Columns</h2>
        <table className="data" aria-label="Drift per column">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Test</th>
              <th scope="col" className="num">
                Statistic
              </th>
              <th scope="col" className="num">
                p-value
              </th>
              <th scope="col" className="num">
                Effect size
              </th>
              <th scope="col">Drift</th>
              <th scope="col" className="num">
                Missing
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map(([name, column]) => (
              <tr key={name} id={`column-${name}`}>
                <th scope="row">
                  <Link to={featureLink(name)}>{name}</Link>
                  {column.role && <span className="muted small"> ({column.role})</span>}
                </th>
                <td>{column.type}</td>
                <td>{column.drift?.test ?? '—'}</td>
                <td className="num">{formatNumber(column.drift?.statistic)}</td>
                <td className="num">{formatPValue(column.drift?.pValue)}</td>
                <td className="num" title={column.drift?.effectSize?.name}>
                  {formatNumber(column.drift?.effectSize?.value)}
                </td>
                <td>{column.drift ? <StatusBadge status={column.drift.drifted === true ? 'warning' : column.drift.drifted === false ? 'ok' : 'insufficient_data'} title={column.drift.threshold.description} /> : '—'}</td>
                <td className="num">{formatShare(column.quality.current.missingShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="card">
        <h2>Data quality</h2>
        <p className="muted small">
          Rows {formatCount(report.dataQuality.current.rows)} (reference {formatCount(report.dataQuality.reference.rows)}) · duplicate rows {formatCount(report.dataQuality.current.duplicateRows)}
        </p>
        {report.dataQuality.findings.length === 0 ? (
          <p>No findings.</p>
        ) : (
          <table className="data" aria-label="Data-quality findings">
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Column</th>
                <th scope="col">Finding</th>
              </tr>
            </thead>
            <tbody>
              {report.dataQuality.findings.map((f, i) => (
                <tr key={i}>
                  <td>
                    <StatusBadge status={f.severity === 'info' ? 'insufficient_data' : f.severity} />
                  </td>
                  <td>{f.column ?? '—'}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      {report.dataQuality.correlations.columns.length > 1 && (
        <div className="card">
          <h2>Correlations of the numerical features</h2>
          <div className="grid-2">
            <figure>
              <figcaption>Reference</figcaption>
              <Chart label="Correlation matrix of the reference" height={300} option={correlationOption(report.dataQuality.correlations.columns, report.dataQuality.correlations.reference)} />
            </figure>
            <figure>
              <figcaption>This window</figcaption>
              <Chart label="Correlation matrix of this window" height={300} option={correlationOption(report.dataQuality.correlations.columns, report.dataQuality.correlations.current)} />
            </figure>
          </div>
        </div>
      )}

      <div className="card">
        <h2>Performance</h2>
        {report.performance === null ? (
          <p className="muted">No labels in this window yet.</p>
        ) : (
          <table className="data" aria-label="Performance metrics">
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="num">
                  Reference
                </th>
                <th scope="col" className="num">
                  This window
                </th>
                <th scope="col">{Math.round(report.performance.confidence * 100)} % interval</th>
                <th scope="col" className="num">
                  Change
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(report.performance.current).map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td className="num">{formatNumber(report.performance?.reference[name]?.value)}</td>
                  <td className="num">{formatNumber(value.value)}</td>
                  <td>{interval(value)}</td>
                  <td className="num">{formatNumber(report.performance?.change[name])}</td>
                  <td>
                    <StatusBadge status={report.performance?.degraded.includes(name) ? 'warning' : 'ok'} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="grid-2">
        <div className="card">
          <h2>Anomalies</h2>
          {report.anomalies === null ? (
            <p className="muted">Not evaluated.</p>
          ) : (
            <>
              <p>
                {formatShare(report.anomalies.currentShareAbove)} of the window scores above the reference&apos;s {report.anomalies.percentile}th percentile (reference{' '}
                {formatShare(report.anomalies.referenceShareAbove)}; interval {interval(report.anomalies.currentShareInterval)}).
              </p>
              {report.anomalies.topRows.length > 0 && (
                <table className="data" aria-label="Most anomalous rows">
                  <thead>
                    <tr>
                      <th scope="col">Row</th>
                      <th scope="col" className="num">
                        Score
                      </th>
                      <th scope="col">Values</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.anomalies.topRows.slice(0, 5).map((r) => (
                      <tr key={r.row}>
                        <td>{r.row}</td>
                        <td className="num">{formatNumber(r.score)}</td>
                        <td className="small">
                          {Object.entries(r.values)
                            .map(([k, v]) => `${k}=${typeof v === 'number' ? formatNumber(v) : (v ?? '—')}`)
                            .join(', ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          )}
        </div>
        <div className="card">
          <h2>Fairness</h2>
          {report.fairness === null ? (
            <p className="muted">Not evaluated.</p>
          ) : (
            <>
              <p>
                By <strong>{report.fairness.column}</strong> (privileged {report.fairness.privileged}): disparate impact {formatNumber(report.fairness.current.disparateImpact.value)} {interval(report.fairness.current.disparateImpact)} —{' '}
                {report.fairness.current.fourFifthsRule.message}
              </p>
              <table className="data" aria-label="Fairness by group">
                <thead>
                  <tr>
                    <th scope="col">Group</th>
                    <th scope="col" className="num">
                      Rows
                    </th>
                    <th scope="col" className="num">
                      Selection rate
                    </th>
                    <th scope="col" className="num">
                      TPR
                    </th>
                    <th scope="col" className="num">
                      FPR
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.fairness.current.groups.map((g) => (
                    <tr key={g.group}>
                      <th scope="row">{g.group}</th>
                      <td className="num">{formatCount(g.count)}</td>
                      <td className="num">{formatShare(g.selectionRate.value)}</td>
                      <td className="num">{formatShare(g.truePositiveRate.value)}</td>
                      <td className="num">{formatShare(g.falsePositiveRate.value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>

      {report.segments && (
        <div className="card">
          <h2>Segments by {report.segments.column}</h2>
          <table className="data" aria-label="Segments">
            <thead>
              <tr>
                <th scope="col">Segment</th>
                <th scope="col" className="num">
                  Rows
                </th>
                <th scope="col" className="num">
                  Drifted share
                </th>
                <th scope="col">Drifted columns</th>
              </tr>
            </thead>
            <tbody>
              {report.segments.segments.map((s) => (
                <tr key={s.value}>
                  <th scope="row">{s.value}</th>
                  <td className="num">{formatCount(s.rows.current)}</td>
                  <td className="num">{formatShare(s.driftedShare)}</td>
                  <td>{s.driftedColumns.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/**
 * Every result of one window, as the report shows it.
 *
 * @example
 * <Route path="/models/:model/windows/:window" element={<WindowPage />} />
 */
export default function WindowPage() {
  const { model, window } = useParams() as { model: string; window: string };
  const project = useProject();
  const detail = useWindow(model, window, project);
  return (
    <section aria-labelledby="window-title">
      <p className="crumbs">
        <Link to={modelPath(model, project)}>{model}</Link> › window
      </p>
      <QueryState query={detail}>
        {(d) => {
          const report = windowReport(d);
          const notes = windowNotes(d);
          return (
            <>
              <h1 id="window-title">
                Window {formatTime(d.window.startTime)} – {formatTime(d.window.endTime)}
              </h1>
              <p className="muted">
                {formatCount(d.window.count)} records · {formatCount(d.window.labelled)} labelled · segment {d.window.segment ?? 'all'} · {d.window.status}
                {d.window.evaluatedAt !== null && ` at ${formatTime(d.window.evaluatedAt)}`}
              </p>
              {notes.length > 0 && (
                <ul className="notes" aria-label="Notes">
                  {notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
              {report ? <ReportSections model={model} report={report} /> : <p>This window has no report yet.</p>}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
