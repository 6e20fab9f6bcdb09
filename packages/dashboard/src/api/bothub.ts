/**
 * The dashboard's one client of the service: same origin (the service serves the dashboard), typed by @bothub/client.
 */
import { createBothubClient } from '@bothub/client';
import type { ApiData } from '@bothub/client';
import type { Report, WindowResults } from '@bothub/core';
import { authorizedFetch } from './credentials.js';

export const bothub = createBothubClient({ baseUrl: '', fetch: authorizedFetch });

export type Model = ApiData<'/api/v1/models/{model}', 'get'>;
export type ModelVersion = ApiData<'/api/v1/models/{model}/versions', 'get'>['versions'][number];
export type WindowSummary = ApiData<'/api/v1/models/{model}/windows', 'get'>['windows'][number];
export type WindowDetail = ApiData<'/api/v1/models/{model}/windows/{window}', 'get'>;
export type MetricPoint = ApiData<'/api/v1/models/{model}/metrics', 'get'>['points'][number];
export type Health = ApiData<'/api/v1/models/{model}/health', 'get'>;
export type Alert = ApiData<'/api/v1/alerts', 'get'>['alerts'][number];
export type AlertDetail = ApiData<'/api/v1/alerts/{alert}', 'get'>;
export type AlertRule = ApiData<'/api/v1/alert-rules/{rule}', 'get'>;
export type RulePreview = ApiData<'/api/v1/alert-rules/{rule}/preview', 'post'>;
export type FleetEntry = ApiData<'/api/v1/fleet', 'get'>['models'][number];

/**
 * The report of an evaluated window (`results.report`), or null while the window is pending.
 *
 * @example
 * const report = windowReport(await bothub.get('/api/v1/models/{model}/windows/{window}', { params: { path: { model, window } } }));
 */
export function windowReport(detail: Pick<WindowDetail, 'results'>): Report | null {
  const results = detail.results as Partial<WindowResults> | null;
  return results?.report ?? null;
}

/**
 * What the evaluation of a window left out and why (`results.notes`, or `results.reason` when it could not run).
 *
 * @example
 * windowNotes({ results: { reason: 'no reference profile' } }); // ['no reference profile']
 */
export function windowNotes(detail: Pick<WindowDetail, 'results'>): string[] {
  const results = detail.results as (Partial<WindowResults> & { reason?: string }) | null;
  return [...(results?.notes ?? []), ...(results?.reason === undefined ? [] : [results.reason])];
}
