export { evaluateSegments, SEGMENT_MAX_COUNT, SEGMENT_MIN_ROWS } from './evaluate-segments.js';
export type { SegmentEvaluators } from './evaluate-segments.js';
