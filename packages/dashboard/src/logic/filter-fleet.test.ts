import { describe, expect, it } from 'vitest';
import type { FleetRow } from './filter-fleet.js';
import { filterFleet } from './filter-fleet.js';

const row = (name: string, status: FleetRow['status'], lastDay: number, openAlerts = 0, labelCoverage: number | null = null): FleetRow => ({
  name,
  project: 'default',
  task: 'binary_classification',
  production: '1',
  status,
  monitors: [],
  traffic: { lastHour: 0, lastDay, lastRecordAt: null },
  labelCoverage,
  openAlerts,
});

const rows = [row('churn', 'ok', 500), row('credit', 'critical', 100, 2, 0.4), row('fraud', 'warning', 9000, 1), row('ads', 'ok', 50)];
const names = (r: FleetRow[]): string[] => r.map((x) => x.name);

describe('filterFleet', () => {
  it('sorts worst status first, ties by name', () => {
    expect(names(filterFleet(rows, { query: '', status: 'all', sort: 'status', descending: false }))).toEqual(['credit', 'fraud', 'ads', 'churn']);
  });
  it('sorts by traffic, descending', () => {
    expect(names(filterFleet(rows, { query: '', status: 'all', sort: 'traffic', descending: true }))).toEqual(['fraud', 'churn', 'credit', 'ads']);
  });
  it('puts models without label coverage last when sorting by coverage, descending', () => {
    expect(names(filterFleet(rows, { query: '', status: 'all', sort: 'labelCoverage', descending: true }))[0]).toBe('credit');
  });
  it('filters by status and by text', () => {
    expect(names(filterFleet(rows, { query: '', status: 'ok', sort: 'name', descending: false }))).toEqual(['ads', 'churn']);
    expect(names(filterFleet(rows, { query: 'CR', status: 'all', sort: 'name', descending: false }))).toEqual(['credit']);
    expect(filterFleet(rows, { query: 'regression', status: 'all', sort: 'name', descending: false })).toEqual([]);
  });
  it('does not reorder the rows it was given', () => {
    const copy = [...rows];
    filterFleet(rows, { query: '', status: 'all', sort: 'name', descending: true });
    expect(rows).toEqual(copy);
  });
});
