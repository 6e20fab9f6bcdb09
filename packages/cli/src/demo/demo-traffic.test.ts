import { describe, expect, it } from 'vitest';
import { createDemoTraffic, MINUTE_MS } from './demo-traffic.js';
import { demoPhaseAt, DEMO_TIMELINE } from './demo-timeline.js';

const EPOCH = Date.parse('2026-11-30T00:00:00Z');

function take(seed: number, n: number) {
  const traffic = createDemoTraffic({ seed, epoch: EPOCH, referenceSize: 1000 });
  return { reference: traffic.reference, items: Array.from({ length: n }, () => traffic.next()) };
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
const share = (values: readonly boolean[]): number => values.filter(Boolean).length / values.length;

describe('createDemoTraffic', () => {
  it('is a pure function of the seed: the same reference and the same records, ids, timestamps and labels', () => {
    const a = take(7, 12_000);
    const b = take(7, 12_000);
    expect(b.reference).toEqual(a.reference);
    expect(b.items).toEqual(a.items);
    const c = take(8, 10);
    expect(c.items.map((i) => i.record.features)).not.toEqual(a.items.slice(0, 10).map((i) => i.record.features));
  });

  it('spaces 100 records a demo-minute from the epoch, with ids p-1, p-2 … and the label of each record', () => {
    const { items } = take(1, 201);
    expect(items[0]!.record).toMatchObject({ id: 'p-1', timestamp: EPOCH });
    expect(items[100]!.record.timestamp).toBe(EPOCH + MINUTE_MS);
    expect(items[200]!.record.timestamp).toBe(EPOCH + 2 * MINUTE_MS);
    for (const { record, label } of items) {
      expect(label.id).toBe(record.id);
      expect(record.prediction).toBe(record.score >= 0.5);
    }
  });

  it('follows the timeline: the shift lowers incomes and brings a new region, the decay makes defaults far more frequent', () => {
    const { reference, items } = take(3, 15_000);
    const phase = (name: string) => items.filter((i) => i.phase.name === name);
    const healthy = phase('healthy');
    const shifted = phase('feature-shift');
    const decayed = phase('performance-decay');
    expect(healthy.length).toBe(4500);
    expect(shifted.length).toBe(4500);
    const logIncome = (list: typeof items) => mean(list.map((i) => Math.log(Number(i.record.features.income))));
    expect(logIncome(shifted) - logIncome(healthy)).toBeCloseTo(-0.3, 1);
    expect(healthy.some((i) => i.record.features.region === 'central')).toBe(false);
    expect(reference.some((r) => r.features.region === 'central')).toBe(false);
    expect(share(shifted.map((i) => i.record.features.region === 'central'))).toBeCloseTo(0.25, 1);
    // Accuracy of the model's decision against the (late) truth: the decay is what the performance monitor sees.
    const accuracy = (list: typeof items) => share(list.map((i) => i.record.prediction === i.label.label));
    expect(accuracy(healthy)).toBeGreaterThan(0.65);
    // The shift is data drift alone: the model stays as accurate; the decay costs it 15 points.
    expect(Math.abs(accuracy(shifted) - accuracy(healthy))).toBeLessThan(0.03);
    expect(accuracy(decayed)).toBeLessThan(accuracy(healthy) - 0.15);
    expect(share(reference.map((r) => r.prediction === r.label))).toBeCloseTo(accuracy(healthy), 1);
  });
});

describe('demoPhaseAt', () => {
  it('names the phase in force at a demo-minute', () => {
    expect(demoPhaseAt(0).name).toBe('healthy');
    expect(demoPhaseAt(44.99).name).toBe('healthy');
    expect(demoPhaseAt(45).name).toBe('feature-shift');
    expect(demoPhaseAt(90).name).toBe('performance-decay');
    expect(demoPhaseAt(10_000).name).toBe('recovery');
    expect(DEMO_TIMELINE.map((p) => p.startMinute)).toEqual([0, 45, 90, 180]);
  });
});
