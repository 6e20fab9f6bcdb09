export { checkWindowSpec, TIME_WINDOW_MAX_OVERLAP } from './check-window-spec.js';
export type { WindowSpecProblem } from './check-window-spec.js';
export { defaultLateness, timeWindowTiming } from './time-window-timing.js';
export type { TimeWindowTiming } from './time-window-timing.js';
export { timeWindowStarts } from './time-window-starts.js';
