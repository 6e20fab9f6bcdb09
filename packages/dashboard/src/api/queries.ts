/**
 * The dashboard's reads, as TanStack Query hooks over the typed client. Keys start with the resource and, for a
 * model's data, the model name (see isStaleAfter, which the live updates use to refresh them).
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { bothub } from './bothub.js';

export const useFleet = () => useQuery({ queryKey: ['fleet'], queryFn: () => bothub.get('/api/v1/fleet') });

export const useModels = () => useQuery({ queryKey: ['models'], queryFn: () => bothub.get('/api/v1/models') });

/** `{ project }` for a project other than the default, else nothing: the query strings of a model's routes. */
const inProject = (project: string | undefined): { project?: string } => (project === undefined ? {} : { project });

export const useModel = (model: string, project?: string) =>
  useQuery({ queryKey: ['model', model, project ?? null], queryFn: () => bothub.get('/api/v1/models/{model}', { params: { path: { model }, query: inProject(project) } }) });

export const useHealth = (model: string, project?: string) =>
  useQuery({ queryKey: ['health', model, project ?? null], queryFn: () => bothub.get('/api/v1/models/{model}/health', { params: { path: { model }, query: inProject(project) } }) });

export const useVersions = (model: string, project?: string) =>
  useQuery({ queryKey: ['versions', model, project ?? null], queryFn: () => bothub.get('/api/v1/models/{model}/versions', { params: { path: { model }, query: inProject(project) } }) });

export const useWindows = (model: string, project?: string, limit = 200) =>
  useQuery({
    queryKey: ['windows', model, project ?? null, limit],
    queryFn: () => bothub.get('/api/v1/models/{model}/windows', { params: { path: { model }, query: { limit, ...inProject(project) } } }),
  });

export const useWindow = (model: string, window: string | null, project?: string) =>
  useQuery({
    queryKey: ['window', model, window, project ?? null],
    enabled: window !== null,
    queryFn: () => bothub.get('/api/v1/models/{model}/windows/{window}', { params: { path: { model, window: window! }, query: inProject(project) } }),
  });

/** Several windows' details at once (the performance bands read each window's intervals). */
export const useWindowDetails = (model: string, windows: readonly string[], project?: string) =>
  useQueries({
    queries: windows.map((window) => ({
      queryKey: ['window-reports', model, window, project ?? null],
      queryFn: () => bothub.get('/api/v1/models/{model}/windows/{window}', { params: { path: { model, window }, query: inProject(project) } }),
      staleTime: Infinity,
    })),
  });

export interface MetricFilter {
  readonly metric: string;
  readonly feature?: string | undefined;
  readonly segment?: string | undefined;
  readonly from?: string | undefined;
  readonly limit?: number;
  readonly project?: string | undefined;
}

export const useMetric = (model: string, filter: MetricFilter) =>
  useQuery({
    queryKey: ['metrics', model, filter.metric, filter.feature ?? null, filter.segment ?? null, filter.from ?? null, filter.limit ?? null, filter.project ?? null],
    queryFn: () =>
      bothub.get('/api/v1/models/{model}/metrics', {
        params: {
          path: { model },
          query: {
            metric: filter.metric,
            ...(filter.feature === undefined ? {} : { feature: filter.feature }),
            ...(filter.segment === undefined ? {} : { segment: filter.segment }),
            ...(filter.from === undefined ? {} : { from: filter.from }),
            limit: filter.limit ?? 1000,
            ...inProject(filter.project),
          },
        },
      }),
  });

export interface AlertFilter {
  readonly model?: string | undefined;
  readonly project?: string | undefined;
  readonly status?: 'firing' | 'acknowledged' | 'resolved' | undefined;
  readonly severity?: 'info' | 'warning' | 'critical' | undefined;
}

export const useAlerts = (filter: AlertFilter) =>
  useQuery({
    queryKey: ['alerts', filter],
    queryFn: () =>
      bothub.get('/api/v1/alerts', {
        params: {
          query: {
            limit: 200,
            ...(filter.model === undefined ? {} : { model: filter.model }),
            ...inProject(filter.project),
            ...(filter.status === undefined ? {} : { status: filter.status }),
            ...(filter.severity === undefined ? {} : { severity: filter.severity }),
          },
        },
      }),
  });

export const useAlert = (alert: string) => useQuery({ queryKey: ['alert', alert], queryFn: () => bothub.get('/api/v1/alerts/{alert}', { params: { path: { alert } } }) });

export const useRules = (model: string, project?: string) =>
  useQuery({ queryKey: ['rules', model, project ?? null], queryFn: () => bothub.get('/api/v1/alert-rules', { params: { query: { model, ...inProject(project) } } }) });
