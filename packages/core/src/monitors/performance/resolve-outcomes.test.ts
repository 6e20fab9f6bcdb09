import { makeDataset } from '@bothub/testkit';
import { describe, expect, it } from 'vitest';
import { binaryClassesOf, keptRows, resolveBinaryOutcomes, scoreColumnClass } from './resolve-outcomes.js';

describe('scoreColumnClass', () => {
  it('takes the longest class the column name ends with, else strips the shared prefix', () => {
    expect(scoreColumnClass('prob_yes', ['prob_no', 'prob_yes'], ['no', 'yes'])).toBe('yes');
    expect(scoreColumnClass('p_ab', ['p_a', 'p_ab'], ['b', 'ab'])).toBe('ab');
    expect(scoreColumnClass('score_cat', ['score_cat', 'score_dog'], [])).toBe('cat');
  });
});

describe('resolveBinaryOutcomes', () => {
  it('uses the per-class score of the positive class, and score ≥ 0.5 as the prediction', () => {
    const d = makeDataset('d', {
      y: { type: 'categorical', values: ['no', 'yes', 'yes', null] },
      p_no: { type: 'numerical', values: [0.8, 0.6, 0.1, 0.5] },
      p_yes: { type: 'numerical', values: [0.2, 0.4, 0.9, 0.5] },
    });
    const roles = { target: 'y', scoreColumns: ['p_no', 'p_yes'] };
    const classes = binaryClassesOf(d, d, roles);
    expect(classes).toEqual({ positive: 'yes', negative: 'no' });
    const { outcomes, dropped } = resolveBinaryOutcomes(d, roles, classes);
    expect(Array.from(outcomes.labels)).toEqual([0, 1, 1]);
    expect(Array.from(outcomes.scores!)).toEqual([0.2, 0.4, 0.9]);
    expect(Array.from(outcomes.predictions)).toEqual([0, 0, 1]);
    expect(dropped).toBe(1);
  });
});

describe('keptRows', () => {
  it('lists the rows that pass', () => {
    expect(Array.from(keptRows(5, (i) => i !== 2))).toEqual([0, 1, 3, 4]);
  });
});
