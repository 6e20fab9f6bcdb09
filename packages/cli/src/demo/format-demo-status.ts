import type { DemoStatus } from './start-demo.js';

const count = (n: number, noun: string): string => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Demo time as h:mm since the start.
 * @example formatDemoMinute(95); // '1:35'
 */
export function formatDemoMinute(minute: number): string {
  const whole = Math.floor(minute);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The demo's one-line status.
 * @example formatDemoStatus(status); // '0:52 feature-shift · 5,200 predictions · 1,700 labels · 10 windows evaluated · 1 alert firing (1 so far)'
 */
export function formatDemoStatus(status: DemoStatus): string {
  const alerts = status.alertsTotal === 0 ? 'no alert yet' : `${status.alertsFiring} alert${status.alertsFiring === 1 ? '' : 's'} firing (${status.alertsTotal} so far)`;
  return [
    `${formatDemoMinute(status.minute)} ${status.phase}`,
    count(status.recordsSent, 'prediction'),
    count(status.labelsSent, 'label'),
    `${count(status.windowsEvaluated, 'window')} evaluated`,
    alerts,
  ].join(' · ');
}
