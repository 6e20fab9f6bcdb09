import type { Report } from './report-schema.js';

/**
 * The verdict a person reads first: drift when the dataset drifted or a performance metric degraded beyond its
 * interval; warning when some columns drifted, a critical data-quality finding exists, anomalies doubled, or the
 * four-fifths rule fails; ok otherwise. Messages list the reasons, most important first.
 */
export function summarizeReport(report: Omit<Report, 'summary'>): Report['summary'] {
  const messages: string[] = [];
  const d = report.datasetDrift;
  const shareDrifted = d.columnsTested > 0 && d.driftedShare >= d.threshold;
  if (shareDrifted) messages.push(`Dataset drift: ${d.driftedColumns.length} of ${d.columnsTested} columns drifted (share ${d.driftedShare.toFixed(2)} ≥ ${d.threshold}).`);
  else if (d.driftedColumns.length) messages.push(`${d.driftedColumns.length} of ${d.columnsTested} columns drifted: ${d.driftedColumns.slice(0, 8).join(', ')}${d.driftedColumns.length > 8 ? ', …' : ''}.`);
  if (d.multivariate?.drifted) messages.push(`The joint distribution of ${d.multivariate.columns.length} numerical columns changed (MMD p = ${d.multivariate.pValue.toPrecision(2)}).`);
  for (const [name, e] of Object.entries(d.embeddings)) if (e.drifted) messages.push(`Embedding ${name} drifted (MMD p = ${e.mmd.pValue.toPrecision(2)}).`);
  const degraded = report.performance?.degraded ?? [];
  if (degraded.length) messages.push(`Performance degraded: ${degraded.join(', ')}.`);
  const critical = report.dataQuality.findings.filter((f) => f.severity === 'critical');
  for (const f of critical.slice(0, 3)) messages.push(f.message);
  const a = report.anomalies;
  const anomalyRise = a !== null && a.currentShareInterval.lower !== null && a.currentShareInterval.lower > 2 * a.referenceShareAbove;
  if (anomalyRise) messages.push(`Anomalies: ${(a.currentShareAbove * 100).toFixed(1)} % of current rows score above the reference's ${a.percentile}th percentile (expected ${(a.referenceShareAbove * 100).toFixed(1)} %).`);
  const fairnessFails = report.fairness?.current.fourFifthsRule.passed === false;
  if (fairnessFails) messages.push(`Fairness: ${report.fairness!.current.fourFifthsRule.message}`);

  const verdict = d.drifted || degraded.length > 0 ? 'drift' : d.driftedColumns.length > 0 || critical.length > 0 || anomalyRise || fairnessFails ? 'warning' : 'ok';
  const headline =
    verdict === 'drift'
      ? degraded.length && !d.drifted
        ? 'Model performance degraded.'
        : 'The current data has drifted from the reference.'
      : verdict === 'warning'
        ? 'Some changes need a look.'
        : 'No meaningful change between reference and current.';
  return { verdict, headline, messages };
}
