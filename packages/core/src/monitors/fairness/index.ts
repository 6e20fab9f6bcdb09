export { evaluateFairness, FOUR_FIFTHS } from './evaluate-fairness.js';
export type { FairnessOptions } from './evaluate-fairness.js';
