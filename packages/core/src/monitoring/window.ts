import { Type } from 'typebox';
import type { Static } from 'typebox';

export const WINDOW_STATUSES = ['pending', 'evaluated'] as const;

/** A closed window of records of one model version (and one segment, or all segments when `segment` is null). */
export const WindowSchema = Type.Object({
  id: Type.String(),
  modelId: Type.String(),
  versionId: Type.String(),
  segment: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Enum(['count', 'time'] as const),
  startSeq: Type.Integer({ description: 'Count windows: the ingestion sequence number of the first record. Time windows: the smallest one of its records.' }),
  endSeq: Type.Integer({ description: 'Count windows: the ingestion sequence number of the last record. Time windows: the largest one of its records.' }),
  startTime: Type.Number({ description: 'Epoch ms. Count windows: the earliest record timestamp. Time windows: the window\'s start (inclusive).' }),
  endTime: Type.Number({ description: 'Epoch ms. Count windows: the latest record timestamp. Time windows: the window\'s end (exclusive).' }),
  count: Type.Integer(),
  labelled: Type.Integer({ description: 'Records of the window with a label at the last evaluation.' }),
  status: Type.Enum(WINDOW_STATUSES),
  closedAt: Type.Number(),
  evaluatedAt: Type.Union([Type.Number(), Type.Null()]),
});

export const METRIC_STATUSES = ['ok', 'warning', 'critical', 'insufficient_data'] as const;

/** One value of the metric history: what a monitor measured on one window. */
export const MetricPointSchema = Type.Object({
  modelId: Type.String(),
  versionId: Type.String(),
  segment: Type.Union([Type.String(), Type.Null()]),
  windowId: Type.String(),
  time: Type.Number({ description: 'Epoch ms: the window\'s end time.' }),
  metric: Type.String({ description: 'e.g. drift.statistic, drift.share, quality.missing_share, performance.rocAuc, anomaly.share, fairness.disparateImpact, label.coverage' }),
  feature: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.Number(), Type.Null()]),
  pValue: Type.Union([Type.Number(), Type.Null()]),
  threshold: Type.Union([Type.Number(), Type.Null()]),
  status: Type.Enum(METRIC_STATUSES),
});

export type Window = Static<typeof WindowSchema>;
export type MetricPoint = Static<typeof MetricPointSchema>;
