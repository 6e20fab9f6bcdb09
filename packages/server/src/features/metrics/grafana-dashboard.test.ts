/**
 * deploy/grafana/bothub-dashboard.json against what /metrics exports: every PromQL expression parses (Prometheus's
 * own grammar, @prometheus-io/lezer-promql) and names only series the registry exposes.
 */
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { createServiceMetrics } from './service-metrics.js';

interface Target {
  readonly expr: string;
  readonly datasource: { readonly uid: string };
}
interface Panel {
  readonly type: string;
  readonly title: string;
  readonly datasource?: { readonly uid: string };
  readonly targets?: readonly Target[];
}
interface Variable {
  readonly name: string;
  readonly type: string;
  readonly definition?: string;
}
interface Dashboard {
  readonly schemaVersion: number;
  readonly panels: readonly Panel[];
  readonly templating: { readonly list: readonly Variable[] };
}

const dashboard = JSON.parse(readFileSync(new URL('../../../../../deploy/grafana/bothub-dashboard.json', import.meta.url), 'utf8')) as Dashboard;

/** The series names a scrape can hold: histograms expose _bucket, _sum and _count. */
function exposedNames(): Set<string> {
  const names = new Set<string>();
  for (const metric of createServiceMetrics().registry.getMetricsAsArray()) {
    const { name, type } = metric as unknown as { name: string; type: string };
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    else names.add(name);
  }
  return names;
}

/** The metric names an expression selects; throws on a syntax error. Grafana's interval variables become a duration first. */
function metricNames(expr: string): string[] {
  const promql = expr.replaceAll('$__rate_interval', '5m').replaceAll('$__interval', '1m');
  const names: string[] = [];
  parser.parse(promql).iterate({
    enter(node) {
      if (node.type.isError) throw new Error(`PromQL syntax error at ${node.from} in ${promql}`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.push(promql.slice(node.from, node.to));
      if (node.name === 'LabelName' && promql.slice(node.from, node.to) === '__name__') throw new Error(`select by metric name, not __name__: ${promql}`);
    },
  });
  return names;
}

const panels = dashboard.panels.filter((panel) => panel.type !== 'row');
const expressions = [
  ...panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: panel.title, expr: target.expr }))),
  // label_values(<selector>, <label>): the selector is PromQL.
  ...dashboard.templating.list.filter((v) => v.type === 'query').map((v) => ({ where: `variable ${v.name}`, expr: /^label_values\((.+),\s*\w+\)$/.exec(v.definition ?? '')?.[1] ?? `unparsable definition ${v.definition}` })),
];

describe('Grafana dashboard', () => {
  it('is a current dashboard with the data source, project, model and version as variables', () => {
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(38);
    expect(dashboard.templating.list.map((v) => [v.name, v.type])).toEqual([
      ['DS_PROMETHEUS', 'datasource'],
      ['project', 'query'],
      ['model', 'query'],
      ['version', 'query'],
    ]);
    for (const panel of panels) {
      expect(panel.datasource?.uid, panel.title).toBe('${DS_PROMETHEUS}');
      for (const target of panel.targets ?? []) expect(target.datasource.uid, panel.title).toBe('${DS_PROMETHEUS}');
    }
  });

  it('uses only series /metrics exports, in expressions that parse', () => {
    const exposed = exposedNames();
    expect(expressions.length).toBeGreaterThan(20);
    for (const { where, expr } of expressions) {
      const names = metricNames(expr);
      expect(names.length, `${where}: ${expr}`).toBeGreaterThan(0);
      for (const name of names) expect(exposed.has(name), `${where}: ${name} is not exported`).toBe(true);
    }
  });

  it('tells the whole story: status, drift, performance, anomalies, fairness, labels, ingestion, latency, evaluations, queues, deliveries', () => {
    const used = new Set(expressions.flatMap(({ expr }) => metricNames(expr)));
    for (const name of [
      'bothub_monitor_status',
      'bothub_dataset_drift_share',
      'bothub_feature_drift_statistic',
      'bothub_performance_metric',
      'bothub_anomaly_share',
      'bothub_fairness_metric',
      'bothub_label_coverage',
      'bothub_ingested_records_total',
      'bothub_http_request_duration_seconds_bucket',
      'bothub_window_evaluation_duration_seconds_bucket',
      'bothub_pending_windows',
      'bothub_pending_deliveries',
      'bothub_alert_deliveries_total',
    ]) {
      expect(used.has(name), name).toBe(true);
    }
  });
});
