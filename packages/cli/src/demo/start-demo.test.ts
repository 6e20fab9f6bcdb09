import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createBothubClient } from '@bothub/client';
import type { DemoPredictionRecord } from './credit-model.js';
import type { DemoAlert } from './start-demo.js';
import { startDemo } from './start-demo.js';

const dataDir = mkdtempSync(join(tmpdir(), 'bothub-demo-test-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

// A fixed demo-minute 0, so two runs' records can be compared whole (timestamps included).
const EPOCH = Date.parse('2026-11-30T00:00:00Z');
const WAIT = { timeout: 150_000, interval: 500 };

describe('startDemo', () => {
  const first: DemoPredictionRecord[] = [];

  it('registers the model, streams traffic that drifts after demo-minute 45, and an alert fires', { timeout: 240_000 }, async () => {
    // 100 demo-minutes: the shift at 45, labels (30 demo-minutes late) for the first 70.
    const demo = await startDemo({ dataDir, seed: 7, speed: 1200, port: 0, durationMinutes: 100, epoch: EPOCH, statusIntervalMs: 500 });
    const phases: string[] = [];
    const alerts: DemoAlert[] = [];
    demo.on('phase', (p) => phases.push(p.name));
    demo.on('records', (records) => first.push(...records));
    demo.on('alert', (a) => alerts.push(a));
    try {
      expect(demo.model).toBe('credit-demo');
      const bothub = createBothubClient({ baseUrl: demo.url });
      const model = await bothub.get('/api/v1/models/{model}', { params: { path: { model: 'credit-demo' } } });
      expect(model.segmentFields).toEqual(['region']);
      expect(model.protected).toEqual({ field: 'gender', privileged: 'male' });
      // The printed address serves the dashboard (its page, or how to build it when it is not built).
      const page = await fetch(`${demo.url}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);

      expect(await demo.finished).toBe('duration');
      expect(phases).toEqual(['healthy', 'feature-shift', 'performance-decay']);
      // 100 records per demo-minute: minutes 0 to 100 inclusive.
      expect(demo.status().recordsSent).toBe(10_001);
      expect(first.length).toBe(10_001);
      // Labels of demo-minutes 0 to 70, a whole window at a time (the window of minute 70 is not complete).
      expect(demo.status().labelsSent).toBe(7_000);

      // Every all-segments window (20 of 500 records) evaluated, with its labels.
      await vi.waitFor(async () => {
        const { windows } = await bothub.get('/api/v1/models/{model}/windows', { params: { path: { model: demo.model }, query: { limit: 200 } } });
        const all = windows.filter((w) => w.segment === null);
        expect(all.length).toBe(20);
        expect(windows.filter((w) => w.status !== 'evaluated')).toEqual([]);
      }, WAIT);

      const series = async (metric: string, feature?: string) =>
        (await bothub.get('/api/v1/models/{model}/metrics', { params: { path: { model: demo.model }, query: { metric, ...(feature ? { feature } : {}) } } })).points;
      const shiftAt = EPOCH + 45 * 60_000;
      const income = await series('drift.statistic', 'income');
      expect(income.length).toBe(20);
      // Before the shift the incomes look like the reference; every window wholly after it has drifted.
      expect(income.filter((p) => p.time < shiftAt).every((p) => p.status === 'ok')).toBe(true);
      const after = income.filter((p) => p.time > shiftAt + 5 * 60_000);
      expect(after.length).toBeGreaterThanOrEqual(9);
      expect(after.every((p) => p.status === 'warning' || p.status === 'critical')).toBe(true);
      const dataset = await series('drift.dataset');
      expect(dataset.filter((p) => p.time > shiftAt + 5 * 60_000).every((p) => p.value === 1)).toBe(true);

      // Labels arrived 30 demo-minutes late: windows up to demo-minute 70 have performance metrics.
      const accuracy = await series('performance.accuracy');
      expect(accuracy.length).toBe(14);
      // Data drift alone: the model stays as accurate as on the reference (about 0.7).
      for (const p of accuracy) expect(p.value).toBeGreaterThan(0.63);
      const coverage = await series('label.coverage');
      expect(coverage.find((p) => p.time < EPOCH + 60 * 60_000)?.value).toBe(1);
      const fairness = await series('fairness.disparateImpact', 'gender');
      expect(fairness.length).toBe(20);

      // The default "Dataset drift" rule fired on the drifted windows.
      await vi.waitFor(() => {
        expect(alerts.some((a) => a.metric === 'drift.dataset')).toBe(true);
      }, WAIT);
      const { alerts: stored } = await bothub.get('/api/v1/alerts', { params: { query: { model: demo.model } } });
      expect(stored.some((a) => a.evidence.metric === 'drift.dataset' && a.evidence.time > shiftAt)).toBe(true);
      expect(demo.status().alertsTotal).toBeGreaterThanOrEqual(1);
    } finally {
      await demo.stop();
    }
  });

  it('sends the same records for the same seed, and a data directory of an earlier demo gets a new model', { timeout: 120_000 }, async () => {
    const second: DemoPredictionRecord[] = [];
    const demo = await startDemo({ dataDir, seed: 7, speed: 1200, port: 0, durationMinutes: 20, epoch: EPOCH });
    demo.on('records', (records) => second.push(...records));
    try {
      expect(demo.model).toBe('credit-demo-2');
      expect(await demo.finished).toBe('duration');
    } finally {
      await demo.stop();
    }
    expect(second.length).toBe(2001);
    expect(second).toEqual(first.slice(0, 2001));
  });
});
