export { checkConditions, describeCondition } from './check-conditions.js';
export type { CheckCondition, CheckOutcome, ConditionOutcome } from './check-conditions.js';
export { parseConditionsDocument, parseFailOn, parseMetricBound, parseShare } from './parse-conditions.js';
