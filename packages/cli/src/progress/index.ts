export { createProgressBar } from './progress-bar.js';
export type { FileProgress, ProgressBar, ProgressStream } from './progress-bar.js';
