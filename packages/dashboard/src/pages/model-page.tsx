import { formatNumber, formatShare } from '@bothub/core';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { MetricPoint, WindowSummary } from '../api/bothub.js';
import { windowReport } from '../api/bothub.js';
import { modelPath, useProject } from '../api/project.js';
import { useAlerts, useHealth, useMetric, useModel, useWindow, useWindowDetails, useWindows } from '../api/queries.js';
import { Chart } from '../charts/chart.js';
import type { TimeMarker, TimeSeries } from '../charts/chart-options.js';
import { correlationOption, driftHeatmapOption, groupRatesOption, timeSeriesOption } from '../charts/chart-options.js';
import { QueryState } from '../components/query-state.js';
import { StatusBadge } from '../components/status-badge.js';
import { formatTime } from '../format/format-time.js';
import { useNow } from '../hooks/use-now.js';
import type { HeatmapColour } from '../logic/drift-heatmap-data.js';
import { driftHeatmapData } from '../logic/drift-heatmap-data.js';
import { performanceMetrics, performanceSeries } from '../logic/performance-series.js';
import { isTimeRangeId, rangeStart, TIME_RANGES } from '../logic/time-range.js';

/** Windows whose reports the performance chart reads (each is one request). */
const PERFORMANCE_WINDOWS = 40;

const seriesOf = (name: string, points: readonly MetricPoint[] | undefined): TimeSeries => ({ name, data: (points ?? []).map((p) => [p.time, p.value] as const) });

/**
 * A model over time, for a range and a segment: dataset drift share, per-feature drift heatmap (click a cell for its
 * window), performance with confidence bands, anomaly share, fairness, traffic; alert markers on the time charts.
 *
 * @example
 * <Route path="/models/:model" element={<ModelPage />} />
 */
export default function ModelPage() {
  const model = useParams().model!;
  const project = useProject();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const range = isTimeRangeId(search.get('range')) ? search.get('range')! : 'all';
  const segmentParam = search.get('segment');
  const segment = segmentParam === null || segmentParam === '' ? undefined : segmentParam;
  // Effect sizes (normalized Wasserstein, Jensen–Shannon distance) share a scale across column types; the tests'
  // statistics do not (a χ² statistic dwarfs a Cramér–von Mises one), so they are the default colour.
  const colourParam = search.get('colour');
  const heatmapMode = colourParam === 'statistic' || colourParam === 'p' ? colourParam : 'effect';
  const colour: HeatmapColour = heatmapMode === 'p' ? 'negLog10P' : 'value';
  const set = (key: string, value: string) =>
    setSearch(
      (s) => {
        const next = new URLSearchParams(s);
        if (value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  const minute = useNow(60_000);
  const from = useMemo(() => rangeStart(range, minute), [range, minute]);
  const filter = { segment, from, project };

  const info = useModel(model, project);
  const health = useHealth(model, project);
  const windows = useWindows(model, project);
  const alerts = useAlerts({ model, project });
  const driftShare = useMetric(model, { metric: 'drift.share', ...filter });
  const drift = useMetric(model, { metric: heatmapMode === 'effect' ? 'drift.effect_size' : 'drift.statistic', ...filter, limit: 10_000 });
  const anomaly = useMetric(model, { metric: 'anomaly.share', ...filter });
  const volume = useMetric(model, { metric: 'volume.count', ...filter });
  const coverage = useMetric(model, { metric: 'label.coverage', ...filter });
  const fairness = useMetric(model, { metric: 'fairness.disparateImpact', ...filter });

  const inView = (w: WindowSummary): boolean => w.status === 'evaluated' && (w.segment ?? undefined) === segment && (from === undefined || w.endTime >= Number(from));
  const evaluated = (windows.data?.windows ?? []).filter(inView);
  const latest = evaluated[0]?.id ?? null;
  const latestDetail = useWindow(model, latest, project);
  const latestReport = latestDetail.data ? windowReport(latestDetail.data) : null;
  const details = useWindowDetails(
    model,
    evaluated.slice(0, PERFORMANCE_WINDOWS).map((w) => w.id),
    project,
  );
  const perfWindows = details.flatMap((d) => (d.data ? [{ time: d.data.window.endTime, current: windowReport(d.data)?.performance?.current ?? null }] : []));
  const metrics = performanceMetrics(perfWindows);
  const perfMetric = metrics.includes(search.get('metric') ?? '') ? search.get('metric')! : metrics[0];

  const markers: TimeMarker[] = (alerts.data?.alerts ?? [])
    .filter((a) => from === undefined || a.firstFiredAt >= Number(from))
    .map((a) => ({ time: a.evidence.time, label: `${a.severity}: ${a.evidence.reason}`, severity: a.severity }));
  const segments = [...new Set((windows.data?.windows ?? []).flatMap((w) => (w.segment === null ? [] : [w.segment])))].sort();
  const grid = useMemo(() => driftHeatmapData(drift.data?.points ?? [], colour), [drift.data, colour]);
  const threshold = driftShare.data?.points.at(-1)?.threshold ?? null;

  return (
    <section aria-labelledby="model-title">
      <h1 id="model-title">{model}</h1>
      <QueryState query={info}>
        {(m) => (
          <p className="muted">
            {m.task.replaceAll('_', ' ')} · {m.features.length} features · windows of {m.window.size} {m.window.kind === 'count' ? 'records' : 'seconds'} ·{' '}
            <Link to={modelPath(model, project, '', '/registry')}>settings and alert rules</Link> · <Link to={`/alerts?model=${encodeURIComponent(model)}`}>alerts</Link>
          </p>
        )}
      </QueryState>
      {health.data && (
        <ul className="monitors" aria-label="Health per monitor">
          {health.data.monitors.map((m) => (
            <li key={m.monitor}>
              {m.monitor} <StatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      )}

      <div className="controls">
        <label>
          Range{' '}
          <select value={range} onChange={(e) => set('range', e.target.value === 'all' ? '' : e.target.value)}>
            {TIME_RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Segment{' '}
          <select value={segment ?? ''} onChange={(e) => set('segment', e.target.value)}>
            <option value="">all segments</option>
            {segments.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="card">
        <h2>Dataset drift share</h2>
        <Chart
          label="Share of drifted features per window"
          height={200}
          option={timeSeriesOption({ series: [seriesOf('drifted share', driftShare.data?.points)], markers, threshold: threshold === null ? null : { value: threshold, label: 'threshold' }, share: true })}
        />
      </div>

      <div className="card">
        <div className="card-head">
          <h2>Drift per feature</h2>
          <label>
            Colour by{' '}
            <select value={heatmapMode === 'effect' ? '' : heatmapMode} onChange={(e) => set('colour', e.target.value)}>
              <option value="">effect size</option>
              <option value="statistic">test statistic</option>
              <option value="p">−log10 p-value</option>
            </select>
          </label>
        </div>
        {grid.features.length === 0 ? (
          <p className="muted">No drift results in this range yet.</p>
        ) : (
          <Chart
            label={`Drift heatmap: ${grid.features.length} features by ${grid.windows.length} windows; select a cell to open its window`}
            height={Math.max(180, grid.features.length * 24 + 110)}
            option={driftHeatmapOption(grid, heatmapMode === 'effect' ? 'effect size' : heatmapMode === 'p' ? '−log10 p' : 'statistic')}
            onItemClick={(data) => {
              const [x] = (data as { value: [number, number] }).value;
              const w = grid.windows[x];
              if (w) void navigate(modelPath(model, project, `/windows/${encodeURIComponent(w.id)}`));
            }}
          />
        )}
        <p className="small">
          Features:{' '}
          {grid.features.map((f, i) => (
            <span key={f}>
              {i > 0 && ' · '}
              <Link to={modelPath(model, project, `/features/${encodeURIComponent(f)}`)}>{f}</Link>
            </span>
          ))}
        </p>
      </div>

      <div className="grid-2">
        <div className="card">
          <div className="card-head">
            <h2>Performance</h2>
            {metrics.length > 0 && (
              <label>
                Metric{' '}
                <select value={perfMetric} onChange={(e) => set('metric', e.target.value)}>
                  {metrics.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </label>
            )}
          </div>
          {perfMetric === undefined ? (
            <p className="muted">No performance yet: it appears once labels arrive.</p>
          ) : (
            <Chart
              label={`${perfMetric} per window with its confidence interval`}
              height={200}
              option={timeSeriesOption({ series: [{ name: perfMetric, ...performanceSeries(perfWindows, perfMetric) }], markers })}
            />
          )}
        </div>
        <div className="card">
          <h2>Anomaly share</h2>
          <Chart label="Share of anomalous records per window" height={200} option={timeSeriesOption({ series: [seriesOf('anomaly share', anomaly.data?.points)], markers, share: true })} />
        </div>
        <div className="card">
          <h2>Traffic and label coverage</h2>
          <Chart label="Records per window" height={160} option={timeSeriesOption({ series: [seriesOf('records', volume.data?.points)] })} />
          <Chart label="Label coverage per window" height={140} option={timeSeriesOption({ series: [seriesOf('label coverage', coverage.data?.points)], share: true })} />
        </div>
        <div className="card">
          <h2>Fairness</h2>
          {(fairness.data?.points.length ?? 0) === 0 ? (
            <p className="muted">No fairness results: the model names no protected attribute, or labels are missing.</p>
          ) : (
            <>
              <Chart label="Disparate impact per window" height={160} option={timeSeriesOption({ series: [seriesOf('disparate impact', fairness.data?.points)], threshold: { value: 0.8, label: 'four-fifths' } })} />
              {latestReport?.fairness && (
                <Chart
                  label={`Rates by ${latestReport.fairness.column} group in the latest window`}
                  height={180}
                  option={groupRatesOption(
                    latestReport.fairness.current.groups.map((g) => ({
                      group: g.group,
                      rates: { selectionRate: g.selectionRate, truePositiveRate: g.truePositiveRate, falsePositiveRate: g.falsePositiveRate },
                    })),
                  )}
                />
              )}
            </>
          )}
        </div>
      </div>

      {latestReport && latestReport.dataQuality.correlations.columns.length > 1 && (
        <div className="card">
          <h2>Correlations of the numerical features (latest window)</h2>
          <div className="grid-2">
            <figure>
              <figcaption>Reference</figcaption>
              <Chart label="Correlation matrix of the reference" height={300} option={correlationOption(latestReport.dataQuality.correlations.columns, latestReport.dataQuality.correlations.reference)} />
            </figure>
            <figure>
              <figcaption>Current</figcaption>
              <Chart label="Correlation matrix of the latest window" height={300} option={correlationOption(latestReport.dataQuality.correlations.columns, latestReport.dataQuality.correlations.current)} />
            </figure>
          </div>
        </div>
      )}

      <div className="card">
        <h2>Windows</h2>
        <table className="data" aria-label="Windows">
          <thead>
            <tr>
              <th scope="col">Ends</th>
              <th scope="col">Segment</th>
              <th scope="col" className="num">
                Records
              </th>
              <th scope="col" className="num">
                Labelled
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {(windows.data?.windows ?? [])
              .filter((w) => (w.segment ?? undefined) === segment)
              .slice(0, 20)
              .map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={modelPath(model, project, `/windows/${encodeURIComponent(w.id)}`)}>{formatTime(w.endTime)}</Link>
                  </td>
                  <td>{w.segment ?? 'all'}</td>
                  <td className="num">{formatNumber(w.count)}</td>
                  <td className="num">{formatShare(w.count > 0 ? w.labelled / w.count : null)}</td>
                  <td>{w.status}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
