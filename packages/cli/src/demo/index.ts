export { startDemo } from './start-demo.js';
export type { DemoAlert, DemoEvents, DemoOptions, DemoStatus, RunningDemo } from './start-demo.js';
export { DEMO_TIMELINE, demoPhaseAt } from './demo-timeline.js';
export type { DemoPhase } from './demo-timeline.js';
export { createDemoTraffic } from './demo-traffic.js';
export type { DemoTraffic, DemoTrafficItem, DemoTrafficOptions } from './demo-traffic.js';
export { creditModelSpec, DEMO_WINDOW_SIZE } from './credit-model.js';
export { generateCreditApplicant, REFERENCE_CONDITIONS } from './credit-applicant.js';
export type { CreditApplicant, CreditConditions } from './credit-applicant.js';
