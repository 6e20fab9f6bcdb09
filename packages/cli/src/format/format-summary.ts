import type { CheckOutcome, Report } from '@bothub/core';

const VERDICT_LABEL = { ok: 'OK', warning: 'WARNING', drift: 'DRIFT' } as const;

function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined) return '—';
  if (value !== 0 && Math.abs(value) < 10 ** -digits) return value.toExponential(1);
  return value.toFixed(digits);
}

/**
 * One screen of text: the verdict, the drifted columns with their tests, the key performance and quality facts,
 * and (for `check`) each condition with PASS or FAIL.
 * @example console.log(formatSummary(report));
 */
export function formatSummary(report: Report, check?: CheckOutcome): string {
  const lines: string[] = [];
  const { reference, current } = report.inputs;
  lines.push(`${VERDICT_LABEL[report.summary.verdict]}: ${report.summary.headline}`);
  lines.push(`reference ${reference.source}: ${reference.rows} rows${reference.sampling ? ` (${reference.sampling})` : ''}`);
  lines.push(`current   ${current.source}: ${current.rows} rows${current.sampling ? ` (${current.sampling})` : ''}`);
  for (const message of report.summary.messages.slice(0, 5)) lines.push(`  • ${message}`);

  const drifted = Object.entries(report.columns)
    .filter(([, c]) => c.drift?.drifted === true)
    .sort(([, a], [, b]) => (b.drift?.effectSize?.value ?? 0) - (a.drift?.effectSize?.value ?? 0));
  const d = report.datasetDrift;
  lines.push('');
  lines.push(`Drift: ${d.driftedColumns.length} of ${d.columnsTested} columns (share ${fmt(d.driftedShare, 2)}; dataset ${d.drifted ? 'DRIFTED' : 'ok'})`);
  for (const [name, c] of drifted.slice(0, 10)) {
    const drift = c.drift!;
    const effect = drift.effectSize ? `, ${drift.effectSize.name} ${fmt(drift.effectSize.value)}` : '';
    const role = c.role ? ` (${c.role})` : '';
    lines.push(`  ${name}${role}: ${drift.test} statistic ${fmt(drift.statistic)}${drift.pValue === null ? '' : `, p ${fmt(drift.pValue)}`}${effect}`);
  }
  if (drifted.length > 10) lines.push(`  … and ${drifted.length - 10} more`);
  if (d.multivariate) lines.push(`  multivariate MMD² ${fmt(d.multivariate.mmd2, 4)}, p ${fmt(d.multivariate.pValue)} (${d.multivariate.drifted ? 'drifted' : 'ok'})`);

  if (report.performance) {
    const p = report.performance;
    lines.push('');
    lines.push(`Performance (${p.task.replace('_', ' ')}):`);
    for (const [metric, ref] of Object.entries(p.reference).slice(0, 6)) {
      const cur = p.current[metric];
      const degraded = p.degraded.includes(metric) ? '  ← degraded' : '';
      lines.push(`  ${metric}: ${fmt(ref.value)} → ${fmt(cur?.value)}${degraded}`);
    }
  }
  const critical = report.dataQuality.findings.filter((f) => f.severity !== 'info');
  if (critical.length) {
    lines.push('');
    lines.push(`Data quality: ${critical.length} finding${critical.length === 1 ? '' : 's'}`);
    for (const f of critical.slice(0, 5)) lines.push(`  [${f.severity}] ${f.message}`);
  }
  if (report.anomalies) lines.push('', `Anomalies: ${fmt(report.anomalies.currentShareAbove * 100, 1)} % of current rows above the reference's ${report.anomalies.percentile}th percentile score`);
  if (report.fairness) lines.push('', `Fairness (${report.fairness.column}): ${report.fairness.current.fourFifthsRule.message}`);
  if (report.segments?.worst.length) lines.push('', `Worst segments by ${report.segments.column}: ${report.segments.worst.join(', ')}`);

  if (check) {
    lines.push('');
    for (const o of check.outcomes) lines.push(`${o.passed ? 'PASS' : 'FAIL'}  ${o.condition}: ${o.detail}`);
    lines.push(check.passed ? 'All conditions hold.' : `${check.outcomes.filter((o) => !o.passed).length} condition(s) failed.`);
  }
  return lines.join('\n');
}
