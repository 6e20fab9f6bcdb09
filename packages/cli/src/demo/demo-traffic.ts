import { createRandom } from '@bothub/stats';
import { generateCreditApplicant, REFERENCE_CONDITIONS } from './credit-applicant.js';
import { toPredictionRecord, toReferenceRecord } from './credit-model.js';
import type { DemoPredictionRecord, DemoReferenceRecord } from './credit-model.js';
import { demoPhaseAt } from './demo-timeline.js';
import type { DemoPhase } from './demo-timeline.js';

export const MINUTE_MS = 60_000;

export interface DemoTrafficOptions {
  readonly seed: number;
  /** Epoch ms of demo-minute 0: the first record's timestamp. */
  readonly epoch: number;
  /** Predictions per demo-minute (default 100). */
  readonly recordsPerMinute?: number;
  /** Rows of the reference set (default 5,000), drawn before the traffic from the same seed. */
  readonly referenceSize?: number;
}

/** One prediction of the traffic and the label its producer will learn later. */
export interface DemoTrafficItem {
  readonly record: DemoPredictionRecord;
  readonly label: { readonly id: string; readonly label: boolean };
  readonly phase: DemoPhase;
}

export interface DemoTraffic {
  readonly reference: readonly DemoReferenceRecord[];
  /** Demo time (epoch ms) of the next record. */
  nextTime(): number;
  next(): DemoTrafficItem;
}

/**
 * The demo's traffic: a reference set in the reference world, then an endless stream of predictions evenly spaced in
 * demo time whose applicants follow the phase of DEMO_TIMELINE they fall in. A pure function of the options: the same
 * seed gives the same reference and the same records (ids, timestamps, features, scores, labels).
 * @example const traffic = createDemoTraffic({ seed: 42, epoch: Date.parse('2026-12-01T00:00:00Z') }); traffic.next().record.id; // 'p-1'
 */
export function createDemoTraffic(options: DemoTrafficOptions): DemoTraffic {
  const rng = createRandom(options.seed);
  const spacingMs = MINUTE_MS / (options.recordsPerMinute ?? 100);
  const reference = Array.from({ length: options.referenceSize ?? 5000 }, () => toReferenceRecord(generateCreditApplicant(rng, REFERENCE_CONDITIONS)));
  let index = 0;
  const timeOf = (i: number): number => options.epoch + Math.round(i * spacingMs);
  return {
    reference,
    nextTime: () => timeOf(index),
    next() {
      const timestamp = timeOf(index);
      index++;
      const phase = demoPhaseAt((timestamp - options.epoch) / MINUTE_MS);
      const applicant = generateCreditApplicant(rng, phase.conditions);
      const id = `p-${index}`;
      return { record: toPredictionRecord(applicant, id, timestamp), label: { id, label: applicant.repaid }, phase };
    },
  };
}
